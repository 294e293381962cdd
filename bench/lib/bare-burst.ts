import { randomUUID } from 'node:crypto';
import type { DocumentData, Firestore } from '@google-cloud/firestore';
import { writeStraight } from './bare-writes';
import { sleep, until } from './wait';

/** Listens on a mitra's offers the way the offers phase does; reports each seen document's status. */
export type OfferListen = (
  mitraId: string,
  seen: (docId: string, status: string | undefined) => void,
  onError: () => void,
) => Promise<() => void>;

/** Real documents of a round (read back from the emulator), which the bare baseline writes copies of. */
export interface BurstDocs {
  offer: DocumentData;
  missed: DocumentData;
  paired: DocumentData;
}

/** Milliseconds until every bare offer doc was seen, then every bare missed + paired doc. */
export interface BareBurst {
  offersMs: number;
  settleMs: number;
}

/**
 * The burst's bare baseline, in the same run and against the same emulator, its two phases as the stack's:
 * 1. `requests × perRequest` copies of a real offer doc (each request to `perRequest` of the `mitras`, as
 *    a capped wave reaches), to `mitras` fresh collections each held by a listener like the offers phase's;
 * 2. for each request, a copy of a real missed offer doc over every offer but one (the winner's) and of a
 *    real paired doc to a fresh customer's pairing doc, held by a document listener as the customers' are.
 * Written straight from this process (bench/lib/bare-writes.ts). No requests, no Postgres, no outbox:
 * what the emulator and the listeners alone need for as many documents (the writes' own CPU is spent in
 * this process, beside the listeners, where the stack's is not).
 */
export async function bareBurst(
  fs: Firestore,
  requests: number,
  mitras: number,
  docs: BurstDocs,
  listen: OfferListen,
  perRequest = mitras,
): Promise<BareBurst> {
  const ids = Array.from({ length: mitras }, () => randomUUID());
  // Request i goes to perRequest consecutive mitras from mitra i; the first of them wins it.
  const offeredTo = (i: number) => Array.from({ length: perRequest }, (_, k) => ids[(i + k) % mitras]!);
  const customers = Array.from({ length: requests }, () => randomUUID());
  const seen = { offered: new Set<string>(), missed: new Set<string>(), paired: new Set<string>() };
  let errors = 0;
  const unsubs = await Promise.all(
    ids.map((m) =>
      listen(
        m,
        (docId, status) => {
          if (status === 'offered') seen.offered.add(`${m}/${docId}`);
          if (status === 'missed') seen.missed.add(`${m}/${docId}`);
        },
        () => errors++,
      ),
    ),
  );
  for (const c of customers) {
    unsubs.push(
      fs.doc(`customers/${c}/pairing/current`).onSnapshot(
        (snap) => {
          if (snap.get('status') === 'paired') seen.paired.add(c);
        },
        () => errors++,
      ),
    );
  }
  try {
    await sleep(500); // listeners attached, as in the offers phase
    const requestIds = Array.from({ length: requests }, () => randomUUID());
    // In the relay's order: request by request, each to its wave's mitras.
    const offers = requestIds.flatMap((r, i) =>
      offeredTo(i).map((m) => ({ ref: fs.doc(`mitras/${m}/offers/${r}`), data: docs.offer })),
    );
    const t0 = performance.now();
    await writeStraight(fs, offers);
    const offersMissing = await until(
      () => `${seen.offered.size} of ${offers.length} offers seen`,
      () => seen.offered.size >= offers.length,
      60_000,
    );
    const offersMs = performance.now() - t0;

    const settle = requestIds.flatMap((r, i) => [
      ...offeredTo(i)
        .slice(1)
        .map((m) => ({ ref: fs.doc(`mitras/${m}/offers/${r}`), data: docs.missed })),
      { ref: fs.doc(`customers/${customers[i]}/pairing/current`), data: docs.paired },
    ]);
    const losers = requests * (perRequest - 1);
    const t1 = performance.now();
    await writeStraight(fs, settle, true);
    const settleMissing = await until(
      () => `${seen.missed.size} of ${losers} missed, ${seen.paired.size} of ${requests} paired seen`,
      () => seen.missed.size >= losers && seen.paired.size >= requests,
      60_000,
    );
    const settleMs = performance.now() - t1;
    const missing = [offersMissing, settleMissing].filter(Boolean);
    if (errors || missing.length)
      throw new Error(`bare burst: ${missing.join('; ') || 'all seen'}, ${errors} listener errors`);
    return { offersMs, settleMs };
  } finally {
    for (const u of unsubs) u();
  }
}
