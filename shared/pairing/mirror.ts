import type { Queryable } from '../db/pool';
import { effect, type OutboxEntry } from '../outbox';
import { latestRequests } from './repo/chat-requests';
import { openOffers } from './repo/chat-request-notifications';
import { offerDocPath, pairingDocPath } from './paths';
import { queueStatus } from './queue-status';
import { offerView, pairingDoc, type PairingState } from './views';

/** How far back a customer's pairing doc is rebuilt. */
const PAIRING_LOOKBACK_MS = 24 * 3600 * 1000;

/** Each recent customer's pairing doc and every open offer doc, rebuilt from Postgres. */
export async function pairingMirrorEntries(
  q: Queryable,
  now: Date,
  notificationTimeoutSeconds: number,
): Promise<{ entries: OutboxEntry[]; pairing: number; offers: number }> {
  const latest = await latestRequests(q, new Date(now.getTime() - PAIRING_LOOKBACK_MS));
  const pairing = latest.flatMap((r) => {
    const state = pairingStateOf(r, now);
    const doc = { item: effect.setDoc(pairingDocPath(r.customer_id), pairingDoc(state, now).data, false) };
    // Its own row, due now and never deduplicated into a live one already written: the whole doc above
    // resets the fields, and a rebuild drains before the stack listens.
    const queue = { ...queueStatus(r.customer_id, r.id, now), dedupeKey: undefined, notBefore: undefined };
    return state.status === 'searching' ? [doc, queue] : [doc];
  });
  const offers = (await openOffers(q, now)).map((o) => ({
    item: effect.setDoc(offerDocPath(o.mitra_id, o.request_id), offerView(o, notificationTimeoutSeconds), false),
  }));
  return { entries: [...pairing, ...offers], pairing: latest.length, offers: offers.length };
}

function pairingStateOf(r: Awaited<ReturnType<typeof latestRequests>>[number], now: Date): PairingState {
  if (r.status === 'accepted' && r.session_id) {
    return { status: 'paired', request_id: r.id, session_id: r.session_id, mitra_name: r.mitra_name ?? '' };
  }
  if (r.status === 'searching' && r.expires_at > now) {
    return {
      status: 'searching',
      request: { id: r.id, expires_at: r.expires_at, wave: r.wave },
      notified_mitras: r.notified,
    };
  }
  return { status: r.status === 'cancelled' ? 'cancelled' : 'expired', request_id: r.id };
}
