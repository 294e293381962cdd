import http from 'node:http';
import { Firestore } from '@google-cloud/firestore';
import pg from 'pg';
import type { StackServer } from './procs';
import { fmt, median, percentile, table } from './stats';
import type { BenchUser } from './users';
import { sleep } from './wait';

export interface Pair {
  sessionId: string;
  customer: BenchUser;
  mitra: BenchUser;
}
type Doc = FirebaseFirestore.DocumentData;

const LISTENED = Number(process.env.BENCH_LISTENED ?? 50);

/**
 * One POST on its own connection. fetch's keep-alive pool reuses sockets the stack's server (5 s
 * keep-alive, its event loop busy with the emulator's listeners) is closing at that moment: ECONNRESET.
 */
function postJson(url: string, body: unknown, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const data = Buffer.from(JSON.stringify(body));
    const req = http.request(
      url,
      {
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': data.length,
          authorization: `Bearer ${token}`,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

/** One listener per session, the query each app holds; `onAdded` gets every added message doc. */
function listenAll(fs: Firestore, sessionIds: string[], onAdded: (doc: Doc) => void) {
  const unsubs = sessionIds.map((id) =>
    fs
      .collection(`sessions/${id}/messages`)
      .orderBy('seq')
      .onSnapshot((snap) => {
        for (const ch of snap.docChanges()) if (ch.type === 'added') onAdded(ch.doc.data());
      }),
  );
  return () => unsubs.forEach((u) => u());
}

/** Waits until `done()` or `ms` passed; the emulator's listeners may also drop changes under load. */
async function settleWithin(done: () => boolean, ms: number) {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline) await sleep(100);
}

interface Seen {
  /** Milliseconds from the send (or the write) to the listener, per message seen. */
  latencies: number[];
  expected: number;
}
interface Ours extends Seen {
  httpMs: number[];
  /** Send → the relay's Firestore write acknowledged (the outbox's delivered_at): the leg this backend owns. */
  toFirestore: number[];
}

/** Our round: every pair sends `perSession` messages (each pair sequential, sides alternating), all pairs at once. */
async function oursRound(fs: Firestore, stack: StackServer, pairs: Pair[], perSession: number, round: number) {
  const sentAt = new Map<string, { perf: number; wall: number }>();
  const out: Ours = { latencies: [], httpMs: [], toFirestore: [], expected: 0 };
  const listened = pairs.slice(0, LISTENED).map((p) => p.sessionId);
  const seen = new Set<string>();
  const stop = listenAll(fs, listened, (d) => {
    const id = d.client_message_id as string;
    const t = sentAt.get(id);
    if (!t || seen.has(id)) return;
    seen.add(id);
    out.latencies.push(performance.now() - t.perf);
  });
  await sleep(1000); // listeners attached
  out.expected = listened.length * perSession;
  await Promise.all(
    pairs.map(async (p) => {
      for (let i = 0; i < perSession; i++) {
        const [who, ns] = i % 2 ? [p.mitra, 'mitra'] : [p.customer, 'client'];
        const id = `lat-${round}-${p.sessionId}-${i}`;
        const start = performance.now();
        sentAt.set(id, { perf: start, wall: Date.now() });
        const res = await postJson(
          `${stack.baseUrl}/api/${ns}/sessions/${p.sessionId}/messages`,
          { client_message_id: id, body: `pesan ${i} dari bench` },
          who.token,
        );
        if (res !== 201) throw new Error(`send → ${res}`);
        out.httpMs.push(performance.now() - start);
      }
    }),
  );
  await settleWithin(() => out.latencies.length === out.expected, 60_000);
  stop();
  const db = new pg.Pool({ connectionString: stack.databaseUrl, max: 1 });
  const { rows } = await db.query<{ cmid: string; delivered_at: Date | null }>(
    `SELECT m.client_message_id AS cmid, o.delivered_at FROM outbox o
     JOIN chat_messages m ON m.id::text = o.payload->>'id'
     WHERE o.kind = 'realtime' AND o.payload->>'path' LIKE 'sessions/%/messages/%'`,
  );
  await db.end();
  for (const r of rows) {
    const t = sentAt.get(r.cmid);
    if (r.delivered_at && t) out.toFirestore.push(r.delivered_at.getTime() - t.wall);
  }
  return out;
}

/** The emulator alone: as many listeners and message docs, each session's written one after another straight to it. */
async function bareRound(fs: Firestore, sessions: number, perSession: number, round: number): Promise<Seen> {
  const ids = Array.from({ length: sessions }, (_, i) => `floor-${process.pid}-${round}-${i}`);
  const sentAt = new Map<string, number>();
  const out: Seen = { latencies: [], expected: sessions * perSession };
  const stop = listenAll(fs, ids, (d) => {
    const t = sentAt.get(d.client_message_id as string);
    if (t !== undefined) out.latencies.push(performance.now() - t);
  });
  await sleep(1000);
  await Promise.all(
    ids.map(async (id) => {
      for (let i = 1; i <= perSession; i++) {
        const cmid = `${id}-${i}`;
        sentAt.set(cmid, performance.now());
        await fs.doc(`sessions/${id}/messages/${cmid}`).set({ seq: i, client_message_id: cmid, body: 'x'.repeat(20) });
      }
    }),
  );
  await settleWithin(() => out.latencies.length === out.expected, 60_000);
  stop();
  return out;
}

const sorted = (xs: number[]) => Float64Array.from(xs).sort();
const p = (xs: number[], q: number) => percentile(sorted(xs), q);
const row = (name: string, xs: number[], goal = '') => [
  name,
  String(xs.length),
  fmt(p(xs, 50)),
  fmt(p(xs, 90)),
  fmt(p(xs, 99)),
  goal,
];
const met = (xs: number[]) => (p(xs, 99) < 500 ? 'met' : 'MISSED');

/**
 * Send → visible to the other side's listener (POST → Postgres → outbox → relay → emulator → listener), in
 * rounds interleaved with the emulator alone (as many message docs written straight to it, as many
 * listeners; order reversed every other round). Our latency ÷ the emulator's in the same round is our
 * cost over what the local emulator's fan-out needs, whatever its speed.
 */
export async function messageLatency(stack: StackServer, pairs: Pair[], perSession: number, rounds: number) {
  const fs = new Firestore({ projectId: stack.projectId });
  const ours: Ours[] = [];
  const bare: Seen[] = [];
  const listened = Math.min(LISTENED, pairs.length);
  try {
    for (let r = 0; r < rounds; r++) {
      const steps = [
        async () => ours.push(await oursRound(fs, stack, pairs, perSession, r)),
        async () => bare.push(await bareRound(fs, listened, perSession, r)),
      ];
      for (const step of r % 2 ? steps.reverse() : steps) await step();
    }
  } finally {
    await fs.terminate();
  }
  const all = <T>(xs: T[], pick: (x: T) => number[]) => xs.flatMap(pick);
  const seen = (xs: Seen[]) => `seen ${all(xs, (x) => x.latencies).length}/${xs.reduce((n, x) => n + x.expected, 0)}`;
  console.log(
    `\nMessage send → visible to the other side: ${pairs.length} sessions × ${perSession} messages per round, all ` +
      `sessions at once (each sequential, sides alternating), a listener on ${listened}; ${rounds} rounds interleaved ` +
      `with the emulator alone (order reversed every other round); percentiles over all rounds`,
  );
  const toFirestore = all(ours, (x) => x.toFirestore);
  const visible = all(ours, (x) => x.latencies);
  console.log(
    table(
      ['leg', 'n', 'p50 ms', 'p90 ms', 'p99 ms', 'goal p99 < 500 ms'],
      [
        row(
          'POST …/messages → 201',
          all(ours, (x) => x.httpMs),
        ),
        row('send → message doc written to Firestore (ours)', toFirestore, met(toFirestore)),
        row(`send → other side's listener (${seen(ours)})`, visible, met(visible)),
        row(
          `emulator alone: write → listener (${seen(bare)})`,
          all(bare, (x) => x.latencies),
        ),
      ],
    )
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n'),
  );
  for (const q of [50, 99]) {
    const ratios = ours.map((o, i) => p(o.latencies, q) / p(bare[i]!.latencies, q));
    console.log(
      `  send → listener ÷ emulator alone, p${q} per round: ${fmt(median(ratios))} [${ratios.map(fmt).join(' ')}]`,
    );
  }
}
