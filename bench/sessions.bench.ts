import { readFileSync } from 'node:fs';
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

async function sendToListener(stack: StackServer, pairs: Pair[], perSession: number) {
  const fs = new Firestore({ projectId: stack.projectId });
  const sentAt = new Map<string, number>();
  const visible: number[] = [];
  const http: number[] = [];
  const unsubs: Array<() => void> = [];
  let expected = 0;
  const seen = new Set<string>();
  const allSeen = new Promise<void>((resolve) => {
    for (const p of pairs)
      // each side listens to the session's messages as its app does; a message counts when the
      // listener of the side that did NOT send it first sees it
      for (const side of ['customer', 'mitra'] as const)
        unsubs.push(
          fs.collection(`sessions/${p.sessionId}/messages`).onSnapshot((snap) => {
            const now = performance.now();
            for (const ch of snap.docChanges()) {
              const d = ch.doc.data() as { client_message_id: string; sender_type: string };
              if (ch.type !== 'added' || d.sender_type === side || seen.has(d.client_message_id)) continue;
              const t0 = sentAt.get(d.client_message_id);
              if (t0 === undefined) continue;
              seen.add(d.client_message_id);
              visible.push(now - t0);
              if (seen.size === expected) resolve();
            }
          }),
        );
  });
  await new Promise((r) => setTimeout(r, 1000)); // listeners attached
  expected = pairs.length * perSession;
  const t0 = performance.now();
  await Promise.all(
    pairs.map(async (p) => {
      for (let i = 0; i < perSession; i++) {
        const [who, ns] = i % 2 ? [p.mitra, 'mitra'] : [p.customer, 'client'];
        const id = `lat-${p.sessionId}-${i}`;
        const start = performance.now();
        sentAt.set(id, start);
        const res = await fetch(`${stack.baseUrl}/api/${ns}/sessions/${p.sessionId}/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${who.token}` },
          body: JSON.stringify({ client_message_id: id, body: `pesan ${i} dari bench` }),
        });
        await res.arrayBuffer();
        if (res.status !== 201) throw new Error(`send → ${res.status}`);
        http.push(performance.now() - start);
      }
    }),
  );
  const timeout = new Promise<void>((_, reject) => setTimeout(() => reject(new Error('listeners too slow')), 60_000));
  await Promise.race([allSeen, timeout]);
  const wall = (performance.now() - t0) / 1000;
  for (const u of unsubs) u();
  await fs.terminate();
  const sorted = (xs: number[]) => Float64Array.from(xs).sort();
  const v = sorted(visible);
  const h = sorted(http);
  console.log(
    `\nMessage send → visible to the other side's Firestore listener: ${pairs.length} sessions × ${perSession} messages, ` +
      `all sessions at once (each sequential, sides alternating), ${expected} messages in ${fmt(wall)} s`,
  );
  console.log(
    table(
      ['measure', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'goal p99 < 500 ms'],
      [
        [
          'POST …/messages → 201',
          fmt(percentile(h, 50)),
          fmt(percentile(h, 90)),
          fmt(percentile(h, 99)),
          fmt(h[h.length - 1]!),
          '',
        ],
        [
          'send → other side’s listener',
          fmt(percentile(v, 50)),
          fmt(percentile(v, 90)),
          fmt(percentile(v, 99)),
          fmt(v[v.length - 1]!),
          percentile(v, 99) < 500 ? 'met' : 'MISSED',
        ],
      ],
    )
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n'),
  );
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
