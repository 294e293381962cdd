import { createPool } from '../shared/db/pool';
import { createLogger } from '../shared/logger';
import { effect, type OutboxEntry } from '../shared/outbox';
import { enqueueMany } from '../test/helpers/outbox';
import { OutboxRelay } from '../shared/outbox/relay';
import { systemClock } from '../shared/clock';
import { buildPush } from '../shared/push';
import { FirestoreRealtime } from '../shared/adapters/gcp/firestore-realtime';
import { PushRecorder } from '../shared/adapters/local/push-recorder';
import { LocalTaskScheduler } from '../shared/adapters/local/task-scheduler';
import { Firestore } from '@google-cloud/firestore';
import type { BenchEnv } from './harness';
import { writeStraight } from './lib/bare-writes';
import { importAtRef } from './lib/git-baseline';
import { abOptions, NOISE_NOTE } from './lib/options';
import { fmt, median, spread, table } from './lib/stats';

const REQUESTS = Number(process.env.BENCH_RELAY_REQUESTS ?? 20);
const MITRAS = Number(process.env.BENCH_RELAY_MITRAS ?? 60);

/**
 * The relay before "Outbox relay: batch claim" (ce417b6): one row at a time, an UPDATE each. Its parent
 * commit's shared/ is extracted from git at bench time and its relay imported from there, so no copy of
 * old production code is kept. Needs the full history (`git fetch --unshallow` in a shallow clone).
 */
const OLD_RELAY_REF = '6da56824e4b37a307c7349036cb0919f2cd1ecc6';

type Deps = ConstructorParameters<typeof OutboxRelay>[0];
interface OldRelayModule {
  OutboxRelay: new (deps: Deps) => { drainAll(): Promise<number> };
}

/** A blast's side effects: per offer an offer doc + an FCM push, per request a timeout task. */
function blastRows(round: number): OutboxEntry[] {
  const rows: OutboxEntry[] = [];
  const runAt = new Date(Date.now() + 3_600_000);
  for (let r = 0; r < REQUESTS; r++) {
    const requestId = `req-${round}-${r}`;
    rows.push({ item: effect.task(`bench-timeout-${requestId}`, '/tasks/_probe', { probe_id: requestId }, runAt) });
    for (let m = 0; m < MITRAS; m++) {
      rows.push({
        item: effect.setDoc(`mitras/bench-m${m}/offers/${requestId}`, {
          request_id: requestId,
          status: 'offered',
          customer_display_name: 'Bench',
          topic_sensitivity: 'regular',
          expires_at: runAt.toISOString(),
        }),
      });
      rows.push({
        item: effect.push({
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

/** The offer docs of blastRows(round), as the relay writes them (merge), each path under `prefix`. */
function offerDocs(fs: Firestore, rows: OutboxEntry[], prefix: string) {
  return rows.flatMap(({ item }) =>
    item.kind === 'realtime' && item.op === 'set'
      ? [{ ref: fs.doc(item.path.replace(/^mitras\/bench-/, `mitras/${prefix}-`)), data: item.data }]
      : [],
  );
}

/**
 * Relay throughput (rows/s) against the Firestore emulator and the local push recorder / task table,
 * before (OLD_RELAY_REF: one row at a time, an UPDATE each) and after (shared/outbox/relay.ts), the same
 * rows each round, interleaved with a bare baseline: the round's offer docs written straight to the same
 * emulator (bench/lib/bare-writes.ts). Each relay's drain time ÷ the bare time of its round is our cost
 * over what the emulator alone needs, whatever the emulator's speed.
 */
export async function benchRelay(env: BenchEnv): Promise<void> {
  const old = await importAtRef<OldRelayModule>({
    ref: OLD_RELAY_REF,
    paths: ['shared'],
    file: 'shared/outbox/relay.ts',
    why: 'The old relay of bench/relay.bench.ts',
  });
  const url = await env.databaseUrl('bench_relay');
  const db = createPool(url, 10);
  const projectId = `bench-relay-${process.pid}`;
  const realtime = new FirestoreRealtime(projectId);
  const fs = new Firestore({ projectId });
  const deps: Deps = {
    db,
    realtime,
    push: new PushRecorder(db, systemClock),
    scheduler: new LocalTaskScheduler(db),
    eventBus: {
      publish: () => Promise.reject(new Error('no events in this bench')),
    } as unknown as Deps['eventBus'],
    logger: createLogger('silent'),
  };
  const BARE = 'bare: offer docs straight to the emulator';
  const OLD = 'old relay (one row at a time)';
  const CURRENT = 'current relay';
  const relays = { [OLD]: new old.OutboxRelay(deps), [CURRENT]: new OutboxRelay(deps) };
  const names = [BARE, OLD, CURRENT] as const;
  type Name = (typeof names)[number];
  const o = abOptions({ rounds: 5 });
  const seconds: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  let round = 0;
  /** Seconds to deliver one round's rows. */
  const once = async (name: Name): Promise<number> => {
    await db.query('TRUNCATE outbox, local_deliveries');
    const rows = blastRows(round++);
    if (name === BARE) {
      const docs = offerDocs(fs, rows, `bare-${round}`);
      const t0 = performance.now();
      await writeStraight(fs, docs, true);
      return (performance.now() - t0) / 1000;
    }
    await enqueueMany(db, rows);
    const t0 = performance.now();
    const delivered = await relays[name].drainAll();
    const s = (performance.now() - t0) / 1000;
    const { rows: left } = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM outbox WHERE delivered_at IS NULL',
    );
    if (delivered !== rows.length || left[0]!.n !== 0)
      throw new Error(`${name}: delivered ${delivered} of ${rows.length}, ${left[0]!.n} left`);
    return s;
  };
  for (const n of names) await once(n); // warm-up: connections, emulator, JIT
  for (let r = 0; r < o.rounds; r++) {
    for (const n of r % 2 ? [...names].reverse() : names) seconds[n]!.push(await once(n));
  }
  const rowsPerRound = REQUESTS * (1 + 2 * MITRAS);
  const docsPerRound = REQUESTS * MITRAS;
  const perRound = (xs: number[]) => `${fmt(median(xs))} [${xs.map(fmt).join(' ')}]`;
  const over = (a: string, b: string) => seconds[a]!.map((x, i) => x / seconds[b]![i]!);
  console.log(
    `\nOutbox relay: ${rowsPerRound} rows per drain (${REQUESTS} requests × ${MITRAS} mitras: offer doc + push each, ` +
      `a task per request), ${o.rounds} interleaved rounds; Postgres fsync on; Firestore emulator in-process; ` +
      `old relay from git ${OLD_RELAY_REF.slice(0, 7)}. Bare: the ${docsPerRound} offer docs alone.\n${NOISE_NOTE}`,
  );
  console.log(
    table(
      ['variant', 'rows/s median (min–max)', 's per round median (min–max)', 'time ÷ bare per round'],
      names.map((n) => {
        const rows = n === BARE ? docsPerRound : rowsPerRound;
        const rps = seconds[n]!.map((x) => rows / x);
        return [
          n,
          `${fmt(median(rps))} (${spread(rps)})`,
          `${fmt(median(seconds[n]!))} (${spread(seconds[n]!)})`,
          n === BARE ? '1 (reference)' : perRound(over(n, BARE)),
        ];
      }),
    )
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n'),
  );
  console.log(`  current ÷ old relay, rows/s per round: ${perRound(over(OLD, CURRENT))}`);
  await fs.terminate();
  await realtime.close();
  await db.end();
}
