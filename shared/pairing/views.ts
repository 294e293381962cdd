import type { OfferEndingDoc, OfferView, PairingDoc } from './documents';

const iso = (d: Date) => d.toISOString();

/** What an offer is built from: the request, its customer's name and this mitra's notification. */
export interface OfferSource {
  request_id: string;
  /** An open offer: 'ignored' timed out but may still be accepted while the request searches. */
  status: 'offered' | 'ignored';
  topic_sensitivity: 'regular' | 'sensitive';
  is_free_trial: boolean;
  duration_minutes: number;
  price_idr: number;
  customer_display_name: string;
  offered_at: Date;
  expires_at: Date;
}

/**
 * The offer as a mitra sees it — `GET /api/mitra/requests/pending` and the Firestore doc
 * `mitras/{id}/offers/{request_id}` are this one shape, so the app renders both with one model.
 */
export function offerView(o: OfferSource, notificationTimeoutSeconds: number): OfferView {
  return {
    request_id: o.request_id,
    status: o.status,
    topic_sensitivity: o.topic_sensitivity,
    is_free_trial: o.is_free_trial,
    duration_minutes: o.duration_minutes,
    price_idr: o.price_idr,
    customer_display_name: o.customer_display_name,
    offered_at: iso(o.offered_at),
    respond_by: iso(new Date(o.offered_at.getTime() + notificationTimeoutSeconds * 1000)),
    expires_at: iso(o.expires_at),
  };
}
export type { OfferView };

/** How an offer ended, merged into its doc; the app shows `message` when there is one. */
export type OfferEnding =
  { status: 'accepted'; session_id: string } | { status: 'missed' | 'cancelled' | 'rejected' | 'ignored' | 'expired' };

const ENDINGS: Partial<Record<OfferEnding['status'], Pick<OfferEndingDoc, 'reason' | 'message'>>> = {
  missed: { reason: 'accepted_by_other', message: 'Sudah diambil Bestie lain' },
  cancelled: { reason: 'cancelled_by_customer', message: 'Dibatalkan oleh customer' },
};

export function offerEndingDoc(ending: OfferEnding, now: Date): OfferEndingDoc {
  return { ...ending, ...ENDINGS[ending.status], updated_at: iso(now) };
}

/** The 201 of `POST /api/client/chat/request` (and of its Idempotency-Key replays). */
export function requestCreatedView(
  r: { id: string; expires_at: Date },
  notifiedMitras: number,
): { request_id: string; status: 'searching'; notified_mitras: number; expires_at: string } {
  return { request_id: r.id, status: 'searching', notified_mitras: notifiedMitras, expires_at: iso(r.expires_at) };
}

/** The customer's `customers/{id}/pairing/current` doc in each state of a request. */
export type PairingState =
  | { status: 'searching'; request: { id: string; expires_at: Date; wave: number }; notified_mitras: number }
  | { status: 'paired'; request_id: string; session_id: string; mitra_name: string }
  | { status: 'cancelled' | 'expired'; request_id: string };

/**
 * Always the whole document: its content is a function of the request's state alone, so a previous
 * state's fields never linger and a rebuild from Postgres writes exactly what the live path wrote. While
 * searching, the queue status (position, estimate, later waves) is merged in by its computed write
 * (queue-status.ts) within a second; until then position and estimate are unknown (null).
 */
export function pairingDoc(state: PairingState, now: Date): { data: PairingDoc; merge: boolean } {
  if (state.status === 'searching') {
    const created = requestCreatedView(state.request, state.notified_mitras);
    const queue = { wave: state.request.wave, position: null, estimated_wait_seconds: null };
    return { data: { ...created, ...queue, session_id: null, mitra_name: null, updated_at: iso(now) }, merge: false };
  }
  return { data: { ...state, updated_at: iso(now) }, merge: false };
}
