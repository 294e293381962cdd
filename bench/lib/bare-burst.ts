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

/**
 * The burst's bare baseline, in the same run and against the same emulator: `requests × mitras` copies of
 * a real offer document written straight from this process (bench/lib/bare-writes.ts) to `mitras` fresh
 * collections each held by a listener like the offers phase's. No requests, no Postgres, no outbox: what the
 * emulator and the listeners alone need for as many documents (the writes' own CPU is spent in this process,
 * beside the listeners, where the stack's is not).
 */
export async function bareOfferBurst(
  fs: Firestore,
  requests: number,
  mitras: number,
  offerDoc: DocumentData,
  listen: OfferListen,
): Promise<number> {
  const ids = Array.from({ length: mitras }, () => randomUUID());
  const seen = new Set<string>();
  let errors = 0;
  const unsubs = await Promise.all(
    ids.map((m) =>
      listen(
        m,
        (docId, status) => status === 'offered' && seen.add(`${m}/${docId}`),
        () => errors++,
      ),
    ),
  );
  try {
    await sleep(500); // listeners attached, as in the offers phase
    // In the relay's order: request by request, each to every mitra.
    const writes = Array.from({ length: requests }, () => randomUUID()).flatMap((r) =>
      ids.map((m) => ({ ref: fs.doc(`mitras/${m}/offers/${r}`), data: offerDoc })),
    );
    const t0 = performance.now();
    await writeStraight(fs, writes);
    const missing = await until(
      () => `${seen.size} of ${writes.length} seen`,
      () => seen.size >= writes.length,
      60_000,
    );
    if (errors || missing) throw new Error(`bare burst: ${missing ?? 'all seen'}, ${errors} listener errors`);
    return performance.now() - t0;
  } finally {
    for (const u of unsubs) u();
  }
}
