import type { Clock } from '../clock';
import { mirrorPublicConfig } from '../config/mirror-public';
import { configReader } from '../config/reader';
import type { Db } from '../db/pool';
import type { Env } from '../env';
import type { Logger } from '../logger';
import { enqueueMany, outbox, type OutboxEntry } from '../outbox/outbox';
import { latestRequests, openOffers } from '../pairing/mirror-queries';
import { offerDocPath, pairingDocPath } from '../pairing/paths';
import { offerView, pairingDoc, type PairingState } from '../pairing/views';
import { paymentOfSession } from '../payments/views';
import { latestExtensionOf } from '../sessions/extensions-repo';
import { currentSessions, recentMessages } from '../sessions/mirror-queries';
import { messageDocPath, mitraSessionDocPath, sessionDocPath } from '../sessions/paths';
import { messageDoc, mitraSessionDoc, sessionDoc } from '../sessions/views';

/** How far back a customer's pairing doc is rebuilt, and how many messages per live session. */
const PAIRING_LOOKBACK_MS = 24 * 3600 * 1000;
export const MESSAGES_PER_SESSION = 200;

export interface RebuildCounts {
  config: number;
  pairing: number;
  offers: number;
  sessions: number;
  messages: number;
}

/**
 * Rewrites every Firestore document the apps listen to from Postgres alone (the mirror claim of SPEC §2):
 * config, each customer's pairing doc, open offers, current sessions (both docs, payment fields) and
 * their recent messages. The writes go through the outbox, so they land after — never before — any
 * older write to the same document still pending. Idempotent: whole documents, no dedupe keys.
 */
export async function rebuildMirror(rt: { db: Db; clock: Clock; env: Env; logger: Logger }): Promise<RebuildCounts> {
  const now = rt.clock.now();
  const cfg = await configReader(rt).get();
  await mirrorPublicConfig(rt);

  const pairing: OutboxEntry[] = (await latestRequests(rt.db, new Date(now.getTime() - PAIRING_LOOKBACK_MS))).map(
    (r) => {
      const doc = pairingDoc(pairingStateOf(r, now), now);
      return { item: outbox.setDoc(pairingDocPath(r.customer_id), doc.data, false) };
    },
  );
  const offers: OutboxEntry[] = (await openOffers(rt.db, now)).map((o) => ({
    item: outbox.setDoc(
      offerDocPath(o.mitra_id, o.request_id),
      offerView(o, cfg.request_notification_timeout_seconds),
      false,
    ),
  }));

  const sessions = await currentSessions(rt.db);
  const sessionEntries: OutboxEntry[] = [];
  for (const s of sessions) {
    const extension = (await latestExtensionOf(rt.db, s.id)) ?? null;
    // Payment fields exist in the doc only once an invoice did (the payments feature merges them in).
    const payment = await paymentOfSession(rt.db, s.id);
    const paymentDoc = payment.payment_status ? payment : {};
    sessionEntries.push(
      { item: outbox.setDoc(sessionDocPath(s.id), { ...sessionDoc(s, s, { extension }), ...paymentDoc }, false) },
      { item: outbox.setDoc(mitraSessionDocPath(s.mitra_id, s.id), mitraSessionDoc(s, extension), false) },
    );
  }
  const messages: OutboxEntry[] = (
    await recentMessages(
      rt.db,
      sessions.map((s) => s.id),
      MESSAGES_PER_SESSION,
    )
  ).map((m) => ({ item: outbox.setDoc(messageDocPath(m.session_id, m.id), messageDoc(m), false) }));

  await enqueueMany(rt.db, [...pairing, ...offers, ...sessionEntries, ...messages]);
  const counts = {
    config: 1,
    pairing: pairing.length,
    offers: offers.length,
    sessions: sessions.length,
    messages: messages.length,
  };
  rt.logger.info('mirror rebuild enqueued', { ...counts });
  return counts;
}

function pairingStateOf(r: Awaited<ReturnType<typeof latestRequests>>[number], now: Date): PairingState {
  if (r.status === 'accepted' && r.session_id) {
    return { status: 'paired', request_id: r.id, session_id: r.session_id, mitra_name: r.mitra_name ?? '' };
  }
  if (r.status === 'searching' && r.expires_at > now) {
    return { status: 'searching', request: { id: r.id, expires_at: r.expires_at }, notified_mitras: r.notified };
  }
  return { status: r.status === 'cancelled' ? 'cancelled' : 'expired', request_id: r.id };
}
