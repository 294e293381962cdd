import { epochMirrorEntries } from '../auth';
import type { Clock } from '../clock';
import { configReader, publicConfigEntry } from '../config';
import type { Db } from '../db/pool';
import type { Env } from '../env';
import type { Logger } from '../logger';
import { commitWithEffects, type Wakeable } from '../outbox';
import { pairingMirrorEntries } from '../pairing';
import { sessionMirrorEntries } from '../sessions';

export interface RebuildCounts {
  config: number;
  pairing: number;
  offers: number;
  sessions: number;
  messages: number;
  epochs: number;
}

/**
 * Rewrites every Firestore document the apps listen to from Postgres alone (the mirror claim of SPEC §2),
 * each feature rebuilding the documents it owns. The writes go through the outbox, so they land after —
 * never before — any older write to the same document still pending. Idempotent: whole documents.
 */
export async function rebuildMirror(rt: {
  db: Db;
  clock: Clock;
  env: Env;
  logger: Logger;
  relay: Wakeable;
}): Promise<RebuildCounts> {
  const now = rt.clock.now();
  const cfg = await configReader(rt).get();
  const config = await publicConfigEntry(rt.db, rt.env, now);
  const pairing = await pairingMirrorEntries(rt.db, now, cfg.request_notification_timeout_seconds);
  const sessions = await sessionMirrorEntries(rt.db);
  const epochs = await epochMirrorEntries(rt.db);
  await commitWithEffects(rt, (t) => t.enqueue([config, ...epochs, ...pairing.entries, ...sessions.entries]));
  const counts = {
    config: 1,
    pairing: pairing.pairing,
    offers: pairing.offers,
    sessions: sessions.sessions,
    messages: sessions.messages,
    epochs: epochs.length,
  };
  rt.logger.info('mirror rebuild enqueued', { ...counts });
  return counts;
}
