import { NO_PAYMENT, type PaymentFields } from '../payments';
import type { MessageDoc, MitraSessionDoc, SessionCounters, SessionDoc, TypingDoc } from './documents';
import type { ExtensionRow } from './repo/session-extensions';
import type { MessageRow } from './repo/chat-messages';
import { EXTENSION_WINDOW_SECONDS } from './paths';
import { otherSide, type Names, type SessionRow, type Side, type Unread, type WithNames } from './types';

/**
 * One builder per document shape: the REST views and the Firestore docs come from these functions; a
 * Firestore doc's type is its published schema's (documents.ts). Customers never see topic_sensitivity:
 * only the mitra view and the mitra's own doc carry it.
 */

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

export interface SensitivityConfig {
  sensitive_flip_confirmation_enabled: boolean;
  sensitive_flag_one_way_latch: boolean;
}

/** Only the sides that said goodbye, and a message only when one was left: no nested nulls in the docs. */
function goodbyes(s: SessionRow) {
  const out: Partial<Record<Side, { at: string; message?: string }>> = {};
  for (const side of ['customer', 'mitra'] as const) {
    const at = s[`${side}_goodbye_at`];
    const message = s[`${side}_goodbye`];
    if (at) out[side] = message ? { at: at.toISOString(), message } : { at: at.toISOString() };
  }
  return out;
}

const windowEnd = (s: SessionRow) =>
  s.status === 'expired' && s.expired_at ? new Date(s.expired_at.getTime() + EXTENSION_WINDOW_SECONDS * 1000) : null;

function lifecycle(s: SessionRow) {
  return {
    status: s.status,
    is_free_trial: s.is_free_trial,
    duration_minutes: s.duration_minutes,
    started_at: iso(s.started_at),
    ends_at: iso(s.ends_at),
    expired_at: iso(s.expired_at),
    extension_window_ends_at: iso(windowEnd(s)),
    closing_at: iso(s.closing_at),
    closing_reason: s.closing_reason,
    completed_at: iso(s.completed_at),
    cancelled_at: iso(s.cancelled_at),
    goodbyes: goodbyes(s),
    last_seq: s.last_seq,
    version: s.version,
  };
}

/** What the customer is told of an extension (no sensitivity). */
export function extensionView(e: ExtensionRow) {
  return {
    id: e.id,
    session_id: e.session_id,
    status: e.status,
    tier_id: e.tier_id,
    duration_minutes: e.duration_minutes,
    price_idr: e.price_idr,
    respond_by: e.respond_by.toISOString(),
    created_at: e.created_at.toISOString(),
  };
}

/** The mitra's offer: carries the session's sensitivity as it was when the customer asked. */
export const extensionOfferView = (e: ExtensionRow) => ({
  ...extensionView(e),
  topic_sensitivity: e.topic_sensitivity,
});

/** What the mitra app needs to draw the sensitivity toggle (SPEC §7: confirmation, latch). */
export function sensitivityControls(s: SessionRow, cfg: SensitivityConfig) {
  const latched = cfg.sensitive_flag_one_way_latch && s.topic_sensitivity === 'sensitive';
  return {
    confirmation_required: cfg.sensitive_flip_confirmation_enabled,
    latched,
    can_flip: s.status === 'active' && !latched,
  };
}

/** What both sides' views of a session share. */
function sessionBase(s: SessionRow) {
  return {
    id: s.id,
    request_id: s.request_id,
    tier_id: s.tier_id,
    price_idr: s.price_idr,
    created_at: s.created_at.toISOString(),
    ...lifecycle(s),
  };
}

/** The customer's view also carries the payment to make now, if any (the same fields as the session doc). */
export function customerSessionView(s: WithNames<SessionRow>, ext?: ExtensionRow, payment: PaymentFields = NO_PAYMENT) {
  return {
    ...payment,
    ...sessionBase(s),
    mitra: { id: s.mitra_id, display_name: s.mitra_name },
    unread_count: s.customer_unread ?? 0,
    their_receipts: { delivered_seq: s.mitra_delivered_seq, read_seq: s.mitra_read_seq },
    extension: ext ? extensionView(ext) : null,
  };
}

export function mitraSessionView(s: WithNames<SessionRow>, cfg: SensitivityConfig, ext?: ExtensionRow) {
  return {
    ...sessionBase(s),
    topic_sensitivity: s.topic_sensitivity,
    sensitivity: sensitivityControls(s, cfg),
    customer: { id: s.customer_id, display_name: s.customer_name },
    unread_count: s.mitra_unread ?? 0,
    their_receipts: { delivered_seq: s.customer_delivered_seq, read_seq: s.customer_read_seq },
    extension: ext ? extensionOfferView(ext) : null,
  };
}

/** Kept for callers of the first version: the audience picks the view. */
export function sessionView(
  s: SessionRow & Unread,
  names: Names,
  audience: Side,
  extras: { cfg?: SensitivityConfig; extension?: ExtensionRow } = {},
) {
  const full = { ...s, ...names };
  return audience === 'customer'
    ? customerSessionView(full, extras.extension)
    : mitraSessionView(
        full,
        extras.cfg ?? { sensitive_flip_confirmation_enabled: true, sensitive_flag_one_way_latch: false },
        extras.extension,
      );
}

/** The counters of the session doc: the only part that changes per message, written coalesced. */
export function sessionCounters(s: SessionRow & Unread): SessionCounters {
  return {
    last_seq: s.last_seq,
    unread: { customer: s.customer_unread ?? 0, mitra: s.mitra_unread ?? 0 },
    receipts: {
      customer: { delivered_seq: s.customer_delivered_seq, read_seq: s.customer_read_seq },
      mitra: { delivered_seq: s.mitra_delivered_seq, read_seq: s.mitra_read_seq },
    },
  };
}

/**
 * `sessions/{id}`, read by both participants (rules: `participants`), so it never carries
 * topic_sensitivity. Complete: pairing writes it whole at accept, every transition rewrites it, with
 * the payment the customer has to make now.
 */
export function sessionDoc(
  s: SessionRow & Unread,
  names: Names,
  extras: { extension?: ExtensionRow | null; payment?: PaymentFields } = {},
): SessionDoc {
  return {
    ...(extras.payment ?? NO_PAYMENT),
    session_id: s.id,
    participants: [`c_${s.customer_id}`, `m_${s.mitra_id}`],
    customer_name: names.customer_name,
    mitra_name: names.mitra_name,
    ...lifecycle(s),
    cancel_reason: s.cancel_reason,
    ...sessionCounters(s),
    // Omitted, not null, until there is one: the emulator never turns a null field into a map on merge.
    ...(extras.extension ? { extension: extensionView(extras.extension) } : {}),
  };
}

/** `mitras/{mitra}/sessions/{id}`: the mitra's private view (sensitivity, the extension offer). */
export function mitraSessionDoc(s: SessionRow, extension?: ExtensionRow | null): MitraSessionDoc {
  return {
    session_id: s.id,
    status: s.status,
    topic_sensitivity: s.topic_sensitivity,
    ...(extension ? { extension: extensionOfferView(extension) } : {}),
    version: s.version,
  };
}

/**
 * The message doc `sessions/{id}/messages/{message_id}` and the REST item (plus status). Written once,
 * and once more if its body is removed (SPEC §14): then `body` is empty and `removed` says why.
 */
export function messageDoc(m: MessageRow): MessageDoc {
  return {
    id: m.id,
    session_id: m.session_id,
    seq: m.seq,
    sender_type: m.sender_type,
    client_message_id: m.client_message_id,
    body: m.body,
    // Absent, not null, while the body is there: the docs of every message ever sent keep their shape.
    ...(m.removed_reason ? { removed: m.removed_reason } : {}),
    created_at: m.created_at.toISOString(),
  };
}

/** sent → delivered → read, from the recipient's watermarks (which never move backwards). */
export function messageView(m: MessageRow, s: Pick<SessionRow, `${Side}_${'delivered' | 'read'}_seq`>) {
  const to = otherSide(m.sender_type);
  const status = m.seq <= s[`${to}_read_seq`] ? 'read' : m.seq <= s[`${to}_delivered_seq`] ? 'delivered' : 'sent';
  return { ...messageDoc(m), status: status as 'sent' | 'delivered' | 'read' };
}

/** `sessions/{id}/typing/{side}`: a flag that carries its own expiry, so a lost "stopped typing" cannot stick. */
export function typingDoc(isTyping: boolean, now: Date, ttlSeconds: number): TypingDoc {
  return {
    is_typing: isTyping,
    at: now.toISOString(),
    expires_at: new Date(now.getTime() + ttlSeconds * 1000).toISOString(),
  };
}
