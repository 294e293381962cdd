import { createPool } from '../shared/db/pool';
import { createLogger } from '../shared/logger';
import { enqueueMany, outbox, type OutboxEntry } from '../shared/outbox/outbox';
import { OutboxRelay } from '../shared/outbox/relay';
import { systemClock } from '../shared/clock';
import { buildPush } from '../shared/push/build';
import { FirestoreRealtime } from '../shared/adapters/gcp/firestore-realtime';
import { PushRecorder } from '../shared/adapters/local/push-recorder';
import { LocalTaskScheduler } from '../shared/adapters/local/task-scheduler';
import { OldOutboxRelay } from './baselines/old-relay';
import type { BenchEnv } from './harness';
import { abOptions, NOISE_NOTE } from './lib/options';
import { fmt, median, spread, table } from './lib/stats';

const REQUESTS = Number(process.env.BENCH_RELAY_REQUESTS ?? 20);
const MITRAS = Number(process.env.BENCH_RELAY_MITRAS ?? 60);

/** A blast's side effects: per offer an offer doc + an FCM push, per request a timeout task. */
function blastRows(round: number): OutboxEntry[] {
  const rows: OutboxEntry[] = [];
  const runAt = new Date(Date.now() + 3_600_000);
  for (let r = 0; r < REQUESTS; r++) {
    const requestId = `req-${round}-${r}`;
    rows.push({ item: outbox.task(`bench-timeout-${requestId}`, '/tasks/_probe', { probe_id: requestId }, runAt) });
    for (let m = 0; m < MITRAS; m++) {
      rows.push({
        item: outbox.setDoc(`mitras/bench-m${m}/offers/${requestId}`, {
          request_id: requestId,
          status: 'offered',
          customer_display_name: 'Bench',
          topic_sensitivity: 'regular',
          expires_at: runAt.toISOString(),
        }),
      });
      rows.push({
        item: outbox.push({
          ...buildPush('chat_request', {
            request_id: requestId,
            topic_sensitivity: 'regular',
            customer_name: 'Bench',
            expires_at: runAt,
          }),
          token: `fcm-bench-m${m}`,
          userId: `bench-m${m}`,
        }),
      });
    }
  }
  return rows;
}

/**
 * Relay throughput (rows/s) against the Firestore emulator and the local push recorder / task table,
 * before (bench/baselines/old-relay.ts: one row at a time, an UPDATE each) and after (shared/outbox/relay.ts),
 * the same rows each round, interleaved.
 */
export async function benchRelay(env: BenchEnv): Promise<void> {
  const url = await env.databaseUrl('bench_relay');
  const db = createPool(url, 10);
  const realtime = new FirestoreRealtime(`bench-relay-${process.pid}`);
  const deps = {
    db,
    realtime,
    push: new PushRecorder(db, systemClock),
    scheduler: new LocalTaskScheduler(db),
    eventBus: {
      publish: () => Promise.reject(new Error('no events in this bench')),
    } as unknown as ConstructorParameters<typeof OutboxRelay>[0]['eventBus'],
    logger: createLogger('silent'),
  };
  const relays = { 'old relay (one row at a time)': new OldOutboxRelay(deps), 'current relay': new OutboxRelay(deps) };
  const o = abOptions({ rounds: 5 });
  const names = Object.keys(relays) as Array<keyof typeof relays>;
  const results: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  let round = 0;
  const once = async (name: keyof typeof relays) => {
    await db.query('TRUNCATE outbox, local_deliveries');
    const rows = blastRows(round++);
    await enqueueMany(db, rows);
    const t0 = performance.now();
    const delivered = await relays[name].drainAll();
    const s = (performance.now() - t0) / 1000;
    const { rows: left } = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM outbox WHERE delivered_at IS NULL',
    );
    if (delivered !== rows.length || left[0]!.n !== 0)
      throw new Error(`${name}: delivered ${delivered} of ${rows.length}, ${left[0]!.n} left`);
    return rows.length / s;
  };
  await once(names[0]!); // warm-up: connections, emulator, JIT
  await once(names[1]!);
  for (let r = 0; r < o.rounds; r++) {
    const order = r % 2 ? [...names].reverse() : names;
    for (const n of order) results[n]!.push(await once(n));
  }
  const ratios = results[names[1]!]!.map((x, i) => x / results[names[0]!]![i]!);
  const rowsPerRound = REQUESTS * (1 + 2 * MITRAS);
  console.log(
    `\nOutbox relay: ${rowsPerRound} rows per drain (${REQUESTS} requests × ${MITRAS} mitras: offer doc + push each, ` +
      `a task per request), ${o.rounds} interleaved rounds; Postgres fsync on; Firestore emulator in-process.\n${NOISE_NOTE}`,
  );
  console.log(
    table(
      ['relay', 'rows/s median (min–max)', 'current ÷ old per round'],
      names.map((n, i) => [
        n,
        `${fmt(median(results[n]!))} (${spread(results[n]!)})`,
        i === 0 ? '' : `${fmt(median(ratios))} [${ratios.map(fmt).join(' ')}]`,
      ]),
    )
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n'),
  );
  await realtime.close();
  await db.end();
}
