import { readFileSync } from 'node:fs';
import http from 'node:http';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import path from 'node:path';
import { Firestore } from '@google-cloud/firestore';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { jwtVerify } from 'jose';
import pg from 'pg';
import { freePort } from '../scripts/local/free-port';
import { interleaved, printAb, type Variant } from './lib/ab';
import { serialise } from './lib/load';
import { abOptions, NOISE_NOTE } from './lib/options';
import { spawnNode, startStack, stopChild, tempDir, type Server, type StackServer } from './lib/procs';
import { fmt, percentile, table } from './lib/stats';
import { pool, StackUsers, type BenchUser } from './lib/users';

/**
 * Sessions over the real local stack (`npm start` as a child):
 * 1. message send → visible to the other side's Firestore listener, p50/p99, 50 concurrent sessions each
 *    sending 20 messages (both sides alternating), the goal being p99 < 500 ms on 2 cores;
 * 2. the message route's req/s against a bare Hono route doing the same seq allocation + INSERT.
 */

// The bare baseline runs as a child of this very file (HALO_BENCH_ROLE=bare-messages): the same two
// statements our route commits for a message (shared/sessions/messages-repo.ts), after an ES256
// verify; no idempotency lookup, no outbox rows (doc, sync task, push), no logging, no OpenAPI validation.
const ALLOCATE = `UPDATE chat_sessions SET last_seq = last_seq + 1, customer_last_active_at = $3
  WHERE id = $1 AND customer_id = $2 AND status = 'active' RETURNING last_seq AS seq`;
const INSERT = `INSERT INTO chat_messages (session_id, seq, sender_type, sender_id, client_message_id, body, created_at)
  VALUES ($1, $2, 'customer', $3, $4, $5, $6) ON CONFLICT (session_id, sender_type, client_message_id) DO NOTHING RETURNING id, seq`;

if (process.env.HALO_BENCH_ROLE === 'bare-messages') {
  const env = process.env;
  const publicKey = createPublicKey(createPrivateKey(readFileSync(env.SIGNING_KEY_FILE!, 'utf8')));
  const db = new pg.Pool({ connectionString: env.DATABASE_URL, max: 10 });
  const app = new Hono().post('/api/client/sessions/:id/messages', async (c) => {
    const m = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
    let sub: string | undefined;
    try {
      const { payload } = await jwtVerify(m?.[1] ?? '', publicKey, { algorithms: ['ES256'] });
      if (payload.user_type === 'customer') sub = payload.sub;
    } catch {
      sub = undefined;
    }
    if (!sub) return c.json({ error: { code: 'TOKEN_INVALID' } }, 401);
    const body = await c.req.json<{ client_message_id: string; body: string }>();
    const client = await db.connect();
    try {
      await client.query('BEGIN');
      const slot = await client.query<{ seq: number }>(ALLOCATE, [c.req.param('id'), sub, new Date()]);
      if (!slot.rows[0]) throw new Error('not active');
      const row = await client.query(INSERT, [
        c.req.param('id'),
        slot.rows[0].seq,
        sub,
        body.client_message_id,
        body.body.trim(),
        new Date(),
      ]);
      await client.query('COMMIT');
      return c.json(row.rows[0], 201);
    } catch {
      await client.query('ROLLBACK');
      return c.json({ error: { code: 'SESSION_NOT_ACTIVE' } }, 409);
    } finally {
      client.release();
    }
  });
  serve({ fetch: app.fetch, port: Number(env.PORT), hostname: '127.0.0.1' }, () =>
    process.stdout.write(`ready ${process.pid}\n`),
  );
}

interface Pair {
  sessionId: string;
  customer: BenchUser;
  mitra: BenchUser;
}

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

async function pairUp(users: StackUsers, n: number): Promise<Pair[]> {
  const mitras = await users.mitras(n);
  const customers = await users.customers(n);
  return pool(mitras, 8, async (m, i) => {
    const customer = customers[i]!;
    const req = await users.http(
      'POST',
      '/api/client/chat/request',
      { topic_sensitivity: 'regular', free_trial: true, target_mitra_id: m.id },
      customer.token,
    );
    const won = await users.http('POST', `/api/mitra/requests/${req.request_id as string}/accept`, {}, m.token);
    return { sessionId: won.session_id as string, customer, mitra: m };
  });
}

const sortedOf = (xs: number[]) => Float64Array.from(xs).sort();
const row = (name: string, xs: number[], goal = '') => {
  const v = sortedOf(xs);
  return [name, String(v.length), fmt(percentile(v, 50)), fmt(percentile(v, 90)), fmt(percentile(v, 99)), goal];
};

/**
 * One listener per listened session, the query each app holds; it stands for the receiving side of every
 * message (both apps run the same query). Every session by default (BENCH_LISTENED narrows it).
 */
function listenAll(fs: Firestore, sessionIds: string[], onAdded: (sessionId: string, doc: Doc) => void) {
  const unsubs = sessionIds.map((id) =>
    fs
      .collection(`sessions/${id}/messages`)
      .orderBy('seq')
      .onSnapshot((snap) => {
        for (const ch of snap.docChanges()) if (ch.type === 'added') onAdded(id, ch.doc.data());
      }),
  );
  return () => unsubs.forEach((u) => u());
}
const LISTENED = Number(process.env.BENCH_LISTENED ?? 50);
type Doc = FirebaseFirestore.DocumentData;

/** Waits until `done()` or `ms` passed; the emulator's listeners may also drop changes under load. */
async function settleWithin(done: () => boolean, ms: number) {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
}

/**
 * The full path: POST → Postgres → outbox → relay → Firestore (emulator) → the other side's listener.
 * Also the leg this backend owns (send → the relay's Firestore write acknowledged, from the outbox's
 * delivered_at) and, for the same listener set, the emulator alone (documents written straight to it):
 * the local emulator's listener fan-out is the floor of the end-to-end figure.
 */
async function sendToListener(stack: StackServer, pairs: Pair[], perSession: number) {
  const fs = new Firestore({ projectId: stack.projectId });
  const sentAt = new Map<string, { perf: number; wall: number }>();
  const visible: number[] = [];
  const httpMs: number[] = [];
  const seen = new Set<string>();
  const listened = pairs.slice(0, LISTENED).map((p) => p.sessionId);
  const stop = listenAll(fs, listened, (_id, d) => {
    const t = sentAt.get(d.client_message_id as string);
    if (!t || seen.has(d.client_message_id as string)) return;
    seen.add(d.client_message_id as string);
    visible.push(performance.now() - t.perf);
  });
  await new Promise((r) => setTimeout(r, 1000)); // listeners attached
  const expected = listened.length * perSession;
  const t0 = performance.now();
  await Promise.all(
    pairs.map(async (p) => {
      for (let i = 0; i < perSession; i++) {
        const [who, ns] = i % 2 ? [p.mitra, 'mitra'] : [p.customer, 'client'];
        const id = `lat-${p.sessionId}-${i}`;
        const start = performance.now();
        sentAt.set(id, { perf: start, wall: Date.now() });
        const res = await postJson(
          `${stack.baseUrl}/api/${ns}/sessions/${p.sessionId}/messages`,
          { client_message_id: id, body: `pesan ${i} dari bench` },
          who.token,
        );
        if (res !== 201) throw new Error(`send → ${res}`);
        httpMs.push(performance.now() - start);
      }
    }),
  );
  const sendWall = (performance.now() - t0) / 1000;
  await settleWithin(() => seen.size === expected, 60_000);
  stop();

  const db = new pg.Pool({ connectionString: stack.databaseUrl, max: 1 });
  const { rows } = await db.query<{ cmid: string; delivered_at: Date | null }>(
    `SELECT payload->'data'->>'client_message_id' AS cmid, delivered_at FROM outbox
     WHERE kind = 'realtime' AND payload->>'path' LIKE 'sessions/%/messages/%'`,
  );
  await db.end();
  const toFirestore = rows
    .filter((r) => r.delivered_at && sentAt.has(r.cmid))
    .map((r) => r.delivered_at!.getTime() - sentAt.get(r.cmid)!.wall);

  const floor = await emulatorFloor(fs, listened.length, perSession);
  await fs.terminate();
  const v = sortedOf(visible);
  console.log(
    `\nMessage send → visible to the other side: ${pairs.length} sessions × ${perSession} messages, all sessions at once ` +
      `(each sequential, sides alternating), sent in ${fmt(sendWall)} s; a listener on ${listened.length} of them`,
  );
  console.log(
    table(
      ['leg', 'n', 'p50 ms', 'p90 ms', 'p99 ms', 'goal p99 < 500 ms'],
      [
        row('POST …/messages → 201', httpMs),
        row(
          'send → message doc written to Firestore (ours)',
          toFirestore,
          percentile(sortedOf(toFirestore), 99) < 500 ? 'met' : 'MISSED',
        ),
        row(
          `send → other side's listener (seen ${seen.size}/${expected})`,
          visible,
          percentile(v, 99) < 500 ? 'met' : 'MISSED',
        ),
        row(`emulator alone: write → listener (seen ${floor.seen}/${floor.expected})`, floor.latencies),
      ],
    )
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n'),
  );
}

/** The same listener set and the same number of message docs, written straight to the emulator. */
async function emulatorFloor(fs: Firestore, sessions: number, perSession: number) {
  const ids = Array.from({ length: sessions }, (_, i) => `floor-${process.pid}-${i}`);
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const stop = listenAll(fs, ids, (_id, d) => {
    const t = sentAt.get(d.client_message_id as string);
    if (t !== undefined) latencies.push(performance.now() - t);
  });
  await new Promise((r) => setTimeout(r, 1000));
  await Promise.all(
    ids.map(async (id) => {
      for (let i = 1; i <= perSession; i++) {
        const cmid = `${id}-${i}`;
        sentAt.set(cmid, performance.now());
        await fs.doc(`sessions/${id}/messages/${cmid}`).set({ seq: i, client_message_id: cmid, body: 'x'.repeat(20) });
      }
    }),
  );
  const expected = sessions * perSession;
  await settleWithin(() => latencies.length === expected, 60_000);
  stop();
  return { latencies, seen: latencies.length, expected };
}

async function startBare(stack: StackServer, logDir: string): Promise<Server> {
  const port = await freePort();
  const logFile = path.join(logDir, 'bare-messages.log');
  const child = spawnNode(
    'bench/sessions.bench.ts',
    {
      HALO_BENCH_ROLE: 'bare-messages',
      PORT: String(port),
      DATABASE_URL: stack.databaseUrl,
      SIGNING_KEY_FILE: stack.signingKeyFile,
    },
    logFile,
  );
  const deadline = Date.now() + 60_000;
  while (!/ready \d+/.test(readFileSync(logFile, 'utf8'))) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`bare message server did not start:\n${readFileSync(logFile, 'utf8')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { port, pid: child.pid!, logFile, stop: () => stopChild(child) };
}

export async function benchSessions(): Promise<void> {
  const logDir = tempDir('halo-bench-logs-');
  const stack = await startStack(logDir);
  const servers: Server[] = [stack];
  try {
    const users = await StackUsers.open(stack);
    const o = abOptions();
    const latencyPairs = await pairUp(users, Number(process.env.BENCH_SESSIONS ?? 50));
    const loadPairs = await pairUp(users, o.connections);
    await users.close();
    await sendToListener(stack, latencyPairs, Number(process.env.BENCH_MESSAGES ?? 20));

    const bare = await startBare(stack, logDir);
    servers.push(bare);
    let n = 0;
    const variant = (name: string, s: Server): Variant => ({
      name,
      port: s.port,
      pid: s.pid,
      expect: 201,
      // one session per connection (a chat is sequential); every request a new client_message_id
      requestFor: (conn) => {
        const p = loadPairs[conn % loadPairs.length]!;
        return serialise(s.port, {
          method: 'POST',
          path: `/api/client/sessions/${p.sessionId}/messages`,
          headers: { authorization: `Bearer ${p.customer.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ client_message_id: `ab-${name.length}-${++n}`, body: 'halo, aku mau cerita' }),
        });
      },
    });
    console.log(`\n${NOISE_NOTE}`);
    const res = await interleaved(
      'POST /api/client/sessions/:id/messages (ES256 verify, seq allocation + INSERT in one transaction, 201)',
      [variant('bare Hono, same 2 statements', bare), variant('local stack (npm start): the real route', stack)],
      o,
    );
    printAb(res, o);
    console.log(
      '  the real route also commits the message doc, the coalesced sync task and (recipient idle) a push as outbox rows,\n' +
        '  looks up the client_message_id first (idempotency), logs the request, validates against OpenAPI, and its relay\n' +
        '  delivers every row to the emulator and the push recorder in the same process',
    );
  } finally {
    for (const s of servers.reverse()) await s.stop().catch(() => undefined);
  }
}
