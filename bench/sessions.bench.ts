import { interleaved, printAb, type Variant } from './lib/ab';
import { serialise } from './lib/load';
import { messageLatency, type Pair } from './lib/message-latency';
import { messageStatements } from './lib/message-statements';
import { abOptions, NOISE_NOTE } from './lib/options';
import { startBaseline, startStack, tempDir, type Server } from './lib/procs';
import { pool, StackUsers } from './lib/users';

/**
 * Sessions over the real local stack (`npm start` as a child):
 * 1. message send → visible to the other side's Firestore listener, p50/p99, 50 concurrent sessions each
 *    sending 20 messages (both sides alternating), the goal being p99 < 500 ms on 2 cores; in rounds
 *    interleaved with the emulator alone, reported as ours ÷ the emulator's (bench/lib/message-latency.ts);
 * 2. the message route's req/s against a bare Hono route doing the same seq allocation + INSERT
 *    (bench/baselines/messages.ts).
 */

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
      { 'x-device-id': `bench-${customer.id}` }, // a free trial is counted per device (SPEC §13)
    );
    const won = await users.http('POST', `/api/mitra/requests/${req.request_id as string}/accept`, {}, m.token);
    return { sessionId: won.session_id as string, customer, mitra: m };
  });
}

export async function benchSessions(): Promise<void> {
  const logDir = tempDir('halo-bench-logs-');
  const stack = await startStack(logDir);
  const servers: Server[] = [stack];
  try {
    const users = await StackUsers.open(stack);
    const o = abOptions();
    console.log(`\n${NOISE_NOTE}`);
    const latencyPairs = await pairUp(users, Number(process.env.BENCH_SESSIONS ?? 50));
    await messageLatency(
      stack,
      latencyPairs,
      Number(process.env.BENCH_MESSAGES ?? 20),
      abOptions({ rounds: 4 }).rounds,
    );
    // Paired after the latency rounds, so their free trials have not run out by the time they are used.
    const loadPairs = await pairUp(users, o.connections);
    await users.close();

    const bare = await startBaseline(
      'messages',
      { DATABASE_URL: stack.databaseUrl, SIGNING_KEY_FILE: stack.signingKeyFile },
      logDir,
    );
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
    const res = await interleaved(
      'POST /api/client/sessions/:id/messages (ES256 verify, seq allocation + INSERT, 201)',
      [variant('bare Hono, same 2 statements', bare), variant('local stack (npm start): the real route', stack)],
      o,
    );
    printAb(res, o);
    console.log(
      '  the real route also records the message doc and the coalesced counter write as outbox rows in the same\n' +
        '  statement (and, recipient idle, a push), logs the request, and its relay delivers every row to the emulator\n' +
        '  and the push recorder in the same process',
    );
    await messageStatements();
  } finally {
    for (const s of servers.reverse()) await s.stop().catch(() => undefined);
  }
}
