import { type ActivityLogRow, type ActivityRow } from '../pairing';
import { type SessionPaymentRow } from '../payments';
import { type AdminSessionRow, FLAG_THRESHOLD, type ReportRow, type TranscriptRow } from '../sessions';
import { type AdminCcUserRow, type CustomerRow, type MitraRow } from '../users';
import { emailFor, phoneFor } from './masking';
import type { AuditRow } from './repo/cc-audit-log';

/** One builder per control-center document shape (the routes' named schemas mirror these). */

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

/** A share in percent, one decimal; no denominator → `whenZero` (0 for the dashboard, null for rates). */
export function percent<T extends number | null>(part: number, whole: number, whenZero: T): number | T {
  return whole === 0 ? whenZero : Math.round((part * 1000) / whole) / 10;
}

export const flagOf = (pending: number) => ({
  pending_reports: pending,
  flagged_for_review: pending >= FLAG_THRESHOLD,
});

/** `fullPii`: the caller holds mitras:read (else the phone is masked, SPEC §14). */
export function ccMitraView(m: MitraRow, extra: { liveSessions: number; pendingReports: number }, fullPii: boolean) {
  return {
    id: m.id,
    phone: phoneFor(m.phone, fullPii),
    display_name: m.display_name,
    is_active: m.is_active,
    is_online: m.is_online,
    last_heartbeat_at: isoOrNull(m.last_heartbeat_at),
    sensitive_ok: m.sensitive_ok,
    live_sessions: extra.liveSessions,
    ...flagOf(extra.pendingReports),
    created_at: iso(m.created_at),
    updated_at: iso(m.updated_at),
  };
}

/** `fullPii`: the caller holds customers:read (else phone and e-mail are masked, SPEC §14). */
export function ccCustomerView(c: CustomerRow, pendingReports: number, fullPii: boolean) {
  return {
    id: c.id,
    display_name: c.display_name,
    phone: phoneFor(c.phone, fullPii),
    email: emailFor(c.email, fullPii),
    is_guest: !c.phone && !c.google_sub && !c.apple_sub,
    is_banned: c.is_banned,
    banned_at: isoOrNull(c.banned_at),
    ban_reason: c.ban_reason,
    ...flagOf(pendingReports),
    created_at: iso(c.created_at),
  };
}

type Names = { customers: Map<string, string>; mitras: Map<string, string> };

export function sessionSummaryView(s: AdminSessionRow, names: Names) {
  return {
    id: s.id,
    request_id: s.request_id,
    status: s.status,
    topic_sensitivity: s.topic_sensitivity,
    is_free_trial: s.is_free_trial,
    tier_id: s.tier_id,
    duration_minutes: s.duration_minutes,
    price_idr: s.price_idr,
    customer: { id: s.customer_id, display_name: names.customers.get(s.customer_id) ?? '' },
    mitra: { id: s.mitra_id, display_name: names.mitras.get(s.mitra_id) ?? '' },
    created_at: iso(s.created_at),
    started_at: isoOrNull(s.started_at),
    ends_at: isoOrNull(s.ends_at),
    closing_reason: s.closing_reason,
    completed_at: isoOrNull(s.completed_at),
    cancelled_at: isoOrNull(s.cancelled_at),
  };
}

export function paymentView(p: SessionPaymentRow) {
  return {
    id: p.id,
    kind: p.extension_id ? ('extension' as const) : ('session' as const),
    extension_id: p.extension_id,
    external_id: p.external_id,
    amount_idr: p.amount_idr,
    currency: p.currency,
    status: p.status,
    flag_reason: p.flag_reason,
    paid_amount: p.paid_amount,
    expires_at: isoOrNull(p.expires_at),
    paid_at: isoOrNull(p.paid_at),
    created_at: iso(p.created_at),
  };
}

export function reportView(r: ReportRow, names: Names, pendingAgainstReported: number) {
  const name = (type: 'customer' | 'mitra', id: string) =>
    (type === 'customer' ? names.customers : names.mitras).get(id) ?? '';
  return {
    id: r.id,
    session_id: r.session_id,
    reporter: { type: r.reporter_type, id: r.reporter_id, display_name: name(r.reporter_type, r.reporter_id) },
    reported: {
      type: r.reported_type,
      id: r.reported_id,
      display_name: name(r.reported_type, r.reported_id),
      ...flagOf(pendingAgainstReported),
    },
    reason: r.reason,
    description: r.description,
    status: r.status,
    review_note: r.review_note,
    reviewed_by: r.reviewed_by,
    reviewed_at: isoOrNull(r.reviewed_at),
    created_at: iso(r.created_at),
  };
}

/** Each side's goodbye: when, and its text unless a deletion or the retention window removed it. */
export function goodbyesView(s: Pick<AdminSessionRow, `${'customer' | 'mitra'}_goodbye${'' | '_at'}`>) {
  const one = (message: string | null, at: Date | null) => (at ? { message, at: iso(at) } : null);
  return {
    customer: one(s.customer_goodbye, s.customer_goodbye_at),
    mitra: one(s.mitra_goodbye, s.mitra_goodbye_at),
  };
}

/** A purged or deleted message shows as such: its body is empty and `removed` says why. */
export function transcriptMessageView(m: TranscriptRow) {
  return {
    seq: m.seq,
    sender_type: m.sender_type,
    sender_id: m.sender_id,
    body: m.body,
    removed: m.removed_reason,
    created_at: iso(m.created_at),
  };
}

export function activityRowView(a: ActivityRow, fullPii: boolean) {
  return {
    mitra: { id: a.mitra_id, display_name: a.display_name, phone: phoneFor(a.phone, fullPii), is_active: a.is_active },
    offered: a.offered,
    accepted: a.accepted,
    rejected: a.rejected,
    ignored: a.ignored,
    missed: a.missed,
    accept_rate: percent(a.accepted, a.offered, null),
    sensitive_total: a.sensitive_total,
    sensitive_accepted: a.sensitive_accepted,
    sensitive_rate: percent(a.sensitive_accepted, a.sensitive_total, null),
  };
}

export function activityLogView(n: ActivityLogRow) {
  return {
    request_id: n.request_id,
    status: n.status,
    reason: n.reason,
    topic_sensitivity: n.topic_sensitivity,
    active_session_count: n.active_session_count,
    offered_at: iso(n.offered_at),
    responded_at: isoOrNull(n.responded_at),
    request_status: n.request_status,
    is_free_trial: n.is_free_trial,
    session_id: n.session_id,
  };
}

export function auditEntryView(a: AuditRow, actors: Map<string, { email: string; display_name: string }>) {
  const actor = a.actor_id ? actors.get(a.actor_id) : undefined;
  return {
    id: String(a.id),
    kind: a.kind,
    actor: a.actor_id && actor ? { id: a.actor_id, ...actor } : null,
    target_type: a.target_type,
    target_id: a.target_id,
    details: a.details,
    created_at: iso(a.created_at),
  };
}

export function ccUserListView(u: AdminCcUserRow, now: Date) {
  return {
    id: u.id,
    email: u.email,
    display_name: u.display_name,
    role: u.role_id,
    is_locked: !!u.lockout_until && u.lockout_until > now,
    created_at: iso(u.created_at),
  };
}
