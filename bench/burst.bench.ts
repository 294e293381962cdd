import { Firestore } from '@google-cloud/firestore';
import { bareBurst, type BurstDocs, type OfferListen } from './lib/bare-burst';
import { printScenario, type BurstFigures, type Stages } from './lib/burst-report';
import { NOISE_NOTE } from './lib/options';
import { cpuSpent, cpuSplit } from './lib/cpu-split';
import { startStack, tempDir } from './lib/procs';
import { pool, StackUsers } from './lib/users';
import { listenViewFree, type SeenDoc } from './lib/view-free-listener';
import { sleep, until } from './lib/wait';

/**
 * How the mitras' offer listeners are simulated: 'view-free' (default) uses the official client's Listen
 * streams without its per-listener view (bench/lib/view-free-listener.ts); 'sdk' uses `onSnapshot`, whose
 * view costs this process ~0.4 ms of CPU per document on the two cores the stack under test needs.
 */
const OBSERVER = process.env.BENCH_OBSERVER === 'sdk' ? 'sdk' : 'view-free';

/** A mitra app's listener on its offers collection, as OBSERVER says; `see` gets each added or changed doc. */
const listenOffers =
  (fs: Firestore): OfferListen =>
  async (mitraId, see, onError) => {
    const offers = fs.collection(`mitras/${mitraId}/offers`);
    if (OBSERVER === 'sdk') {
      return offers.onSnapshot((snap) => {
        for (const change of snap.docChanges()) {
          if (change.type !== 'removed') see(change.doc.id, change.doc.get('status') as string | undefined);
        }
      }, onError);
    }
    const docs = (changes: SeenDoc[]) => {
      for (const d of changes) see(d.path.slice(offers.path.length + 1), d.status);
    };
    return listenViewFree(fs, offers, docs, onError);
  };

/** The default `blast.max_mitras` (SPEC §6): each request's first wave reaches this many mitras. */
const WAVE = 25;

/** Waves on (the default), off (`blast.max_mitras = 0`: every mitra at once), or both alternately (A/B). */
const WAVES = process.env.BENCH_WAVES ?? 'on';

/** Sets `blast` in the stack's config; its readers take it within their 2 s re-check. */
async function setWaves(users: StackUsers, maxMitras: number): Promise<void> {
  await users.rt.db.query(
    `INSERT INTO app_config (key, value) VALUES ('blast', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
    [JSON.stringify({ max_mitras: maxMitras, wave_seconds: 20 })],
  );
  await users.rt.db.query('UPDATE app_config_version SET version = version + 1');
}

/**
 * One accepting mitra per request among those it was offered, no mitra twice (each has one place): a
 * bipartite matching by augmenting paths over the offers the listeners saw.
 */
function winners(requestIds: string[], offered: Set<string>, mitraIds: string[]): string[] {
  const offersOf = requestIds.map((r) => mitraIds.filter((m) => offered.has(`${m}/${r}`)));
  const holder = new Map<string, number>();
  const place = (i: number, tried: Set<string>): boolean =>
    offersOf[i]!.some((m) => {
      if (tried.has(m)) return false;
      tried.add(m);
      const other = holder.get(m);
      if (other === undefined || place(other, tried)) return (holder.set(m, i), true);
      return false;
    });
  requestIds.forEach((_, i) => {
    if (!place(i, new Set())) throw new Error(`no free offered mitra for request ${i}`);
  });
  const byRequest = new Array<string>(requestIds.length);
  for (const [m, i] of holder) byRequest[i] = m;
  return byRequest;
}

/** Where the time went: when the last document write was committed to the outbox, and when the relay wrote it. */
async function stages(users: StackUsers, sinceWall: number): Promise<Stages> {
  const { rows } = await users.rt.db.query<{ committed: Date; delivered: Date; n: string }>(
    `SELECT max(created_at) AS committed, max(delivered_at) AS delivered, count(*) AS n FROM outbox
      WHERE kind = 'realtime' AND created_at >= $1`,
    [new Date(sinceWall)],
  );
  const r = rows[0]!;
  return {
    committedMs: r.committed.getTime() - sinceWall,
    deliveredMs: r.delivered.getTime() - sinceWall,
    rows: Number(r.n),
  };
}

/**
 * `requests` customers ask at once with `mitras` online, waves on (the default config: each request's
 * first wave reaches 25 mitras in the fair order): time until a Firestore listener (the official client,
 * as the apps listen) has seen every offer doc; then one accept per request by a different mitra it was
 * offered to: time until every loser's offer doc says `missed` and every customer's pairing doc says `paired`.
 * A fresh `npm start` stack per scenario (durable Postgres, emulator, relay, dispatcher, request logs).
 */
async function scenario(
  requests: number,
  mitraCount: number,
  goalMs: number,
  bareFirst?: BurstDocs,
  maxMitras = WAVE,
): Promise<BurstFigures> {
  const logDir = tempDir('halo-bench-burst-');
  const stack = await startStack(logDir);
  const users = await StackUsers.open(stack);
  if (maxMitras !== WAVE) await setWaves(users, maxMitras);
  const fs = new Firestore({ projectId: stack.projectId });
  const unsubs: Array<() => void> = [];
  try {
    const mitras = await users.mitras(mitraCount);
    const customers = await users.customers(requests);
    const listen = listenOffers(fs);
    const perRequest = maxMitras === 0 ? mitraCount : Math.min(maxMitras, mitraCount);
    let bare = bareFirst && (await bareBurst(fs, requests, mitraCount, bareFirst, listen, perRequest));
    const seen = { offered: new Set<string>(), missed: new Set<string>(), paired: new Set<string>() };
    let listenErrors = 0;
    for (const c of customers) {
      unsubs.push(
        fs.doc(`customers/${c.id}/pairing/current`).onSnapshot(
          (snap) => {
            if (snap.get('status') === 'paired') seen.paired.add(c.id);
          },
          () => listenErrors++,
        ),
      );
    }
    // One listener per mitra on its offers collection, attached before anyone asks, as the mitra app holds it.
    for (const m of mitras) {
      const see = (docId: string, status: string | undefined) => {
        if (status === 'offered') seen.offered.add(`${m.id}/${docId}`);
        if (status === 'missed') seen.missed.add(`${m.id}/${docId}`);
      };
      unsubs.push(await listen(m.id, see, () => listenErrors++));
    }
    await sleep(maxMitras === WAVE ? 500 : 3000); // listeners attached (initial empty snapshots); config re-read

    const cpu0 = cpuSplit(stack.pid);
    const t0 = performance.now();
    const t0Wall = Date.now();
    const asked = await Promise.all(
      customers.map((c) =>
        users.http('POST', '/api/client/chat/request', { topic_sensitivity: 'regular', tier_id: 'tier_30' }, c.token),
      ),
    );
    const requestsAnsweredMs = performance.now() - t0;
    const requestIds = asked.map((a) => a.request_id as string);
    const notified = asked.reduce((n, a) => n + Number(a.notified_mitras ?? 0), 0);
    const offers = requests * perRequest;
    if (notified !== offers) throw new Error(`only ${notified} of ${offers} offers were made`);
    const offersMissing = await until(
      () => `${offers} offer docs (seen ${seen.offered.size})`,
      () => seen.offered.size >= offers,
      60_000,
    );
    const offersVisibleMs = performance.now() - t0;
    const offerCpu = cpuSpent(cpu0, cpuSplit(stack.pid));
    const offerStages = await stages(users, t0Wall);
    const read = async (path: string) => (await fs.doc(path).get()).data()!;
    const firstOffered = mitras.find((m) => seen.offered.has(`${m.id}/${requestIds[0]}`))!;
    const offerDoc = await read(`mitras/${firstOffered.id}/offers/${requestIds[0]}`);

    const tokenOf = new Map(mitras.map((m) => [m.id, m.token]));
    const winnerOf = winners(
      requestIds,
      seen.offered,
      mitras.map((m) => m.id),
    );
    const cpu1 = cpuSplit(stack.pid);
    const t1 = performance.now();
    const t1Wall = Date.now();
    await pool(requestIds, requestIds.length, (rid, i) =>
      users.http('POST', `/api/mitra/requests/${rid}/accept`, undefined, tokenOf.get(winnerOf[i]!)!),
    );
    const acceptsAnsweredMs = performance.now() - t1;
    const losers = requests * (perRequest - 1);
    const settleMissing = await until(
      () => `${seen.missed.size} of ${losers} missed, ${seen.paired.size} of ${requests} paired seen`,
      () => seen.missed.size >= losers && seen.paired.size >= requests,
      60_000,
    );
    const settledMs = performance.now() - t1;
    const settleCpu = cpuSpent(cpu1, cpuSplit(stack.pid));
    const settleStages = await stages(users, t1Wall);
    // Request 0 went to its winner: any other mitra it was offered to missed it.
    const loser = mitras.find((m) => m.id !== winnerOf[0] && seen.offered.has(`${m.id}/${requestIds[0]}`))!;
    const docs: BurstDocs = {
      offer: offerDoc,
      missed: await read(`mitras/${loser.id}/offers/${requestIds[0]}`),
      paired: await read(`customers/${customers[0]!.id}/pairing/current`),
    };
    if (listenErrors) throw new Error(`${listenErrors} listener errors`);
    // The phases' listeners go first, so that the bare run after them has only its own, as the one before.
    for (const u of unsubs.splice(0)) u();
    bare ??= await bareBurst(fs, requests, mitraCount, docs, listen, perRequest);
    return {
      bare,
      docs,
      scenario: `${requests} requests × ${mitraCount} mitras, waves ${maxMitras ? `of ${maxMitras}` : 'off'}`,
      offerStages: { ...offerStages, cpu: offerCpu },
      settleStages: { ...settleStages, cpu: settleCpu },
      offers,
      requestsAnsweredMs,
      offersVisibleMs,
      acceptsAnsweredMs,
      settledMs,
      goalMs,
      offersMissing,
      settleMissing,
    };
  } finally {
    for (const u of unsubs) u();
    await fs.terminate();
    await users.close();
    await stack.stop();
  }
}

/** SPEC's burst goals: 40 × 60 → offers and outcomes each < 2 s; 100 × 100 → < 5 s. */
export async function benchBurst(): Promise<void> {
  // BENCH_BURST=40x60 runs one scenario; BENCH_ROUNDS sets the rounds (a fresh stack each; even, so the
  // bare baseline goes first as often as last).
  const only = process.env.BENCH_BURST;
  const rounds = Number(process.env.BENCH_ROUNDS ?? 4);
  const results: BurstFigures[][] = [];
  for (const [r, m, goal] of [
    [40, 60, 2000],
    [100, 100, 5000],
  ] as const) {
    if (only && only !== `${r}x${m}`) continue;
    // A/B: waves on and off alternate within each round, the order reversed every other round.
    const variants = WAVES === 'ab' ? [WAVE, 0] : [WAVES === 'off' ? 0 : WAVE];
    const runs = variants.map((): BurstFigures[] => []);
    // The bare baseline goes after the stack's phases in even rounds and before them in odd ones.
    for (let i = 0; i < rounds; i++)
      for (const v of i % 2 ? [...variants.keys()].reverse() : [...variants.keys()]) {
        const mine = runs[v]!;
        mine.push(await scenario(r, m, goal, i % 2 ? mine[i - 1]!.docs : undefined, variants[v]));
      }
    results.push(...runs);
  }
  console.log(
    `\nBurst through the local stack (npm start as a child, fsync on), ${rounds} rounds, a fresh stack each; ` +
      `offer listeners: ${OBSERVER === 'sdk' ? 'onSnapshot' : "the client's Listen streams without its view"} ` +
      `(BENCH_OBSERVER=sdk|view-free). Bare: as many offer docs written straight to the same emulator, same ` +
      `listeners, then as many missed + paired docs (bench/lib/bare-burst.ts), alternately before and after.\n${NOISE_NOTE}`,
  );
  for (const runs of results) printScenario(runs);
}
