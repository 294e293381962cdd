import { AppError } from '../errors';
import { paymentsOfSession } from '../payments';
import { adminSession, pendingReportCounts, reportsOfSession, sessionParts } from '../sessions';
import { findCustomer, findMitra } from '../users';
import type { ControlCenterDeps } from './deps';
import { emailFor, phoneFor, type PiiAccess } from './masking';
import { paymentView, reportView, sessionSummaryView } from './views';

const isoOrNull = (d: Date | null) => d?.toISOString() ?? null;

/**
 * A session with its participants, payments, extensions, rating, reports and sensitivity timeline
 * (ascending). Phones and e-mails are masked for a caller without customers:read / mitras:read, and
 * goodbye texts are chat content: they are in the audited transcript, here only when each was said.
 */
export async function sessionDetail(deps: Pick<ControlCenterDeps, 'db'>, sessionId: string, pii: PiiAccess) {
  const s = await adminSession(deps.db, sessionId);
  if (!s) throw new AppError('NOT_FOUND', 'Sesi tidak ditemukan');
  const [customer, mitra, parts, payments, reports] = await Promise.all([
    findCustomer(deps.db, s.customer_id),
    findMitra(deps.db, s.mitra_id),
    sessionParts(deps.db, s.id),
    paymentsOfSession(deps.db, s.id),
    reportsOfSession(deps.db, s.id),
  ]);
  // A session's reports are between its two participants, so their names are these two.
  const names = {
    customers: new Map([[s.customer_id, customer?.display_name ?? '']]),
    mitras: new Map([[s.mitra_id, mitra?.display_name ?? '']]),
  };
  const reported = await Promise.all(
    (['customer', 'mitra'] as const).map((t) =>
      pendingReportCounts(
        deps.db,
        t,
        reports.filter((r) => r.reported_type === t).map((r) => r.reported_id),
      ),
    ),
  );
  return {
    ...sessionSummaryView(s, names),
    expired_at: s.expired_at?.toISOString() ?? null,
    closing_at: s.closing_at?.toISOString() ?? null,
    cancel_reason: s.cancel_reason,
    message_count: s.last_seq,
    goodbye_at: { customer: isoOrNull(s.customer_goodbye_at), mitra: isoOrNull(s.mitra_goodbye_at) },
    participants: {
      customer: {
        id: s.customer_id,
        display_name: customer?.display_name ?? '',
        phone: phoneFor(customer?.phone ?? null, pii.customers),
        email: emailFor(customer?.email ?? null, pii.customers),
        is_banned: customer?.is_banned ?? false,
      },
      mitra: {
        id: s.mitra_id,
        display_name: mitra?.display_name ?? '',
        phone: phoneFor(mitra?.phone ?? null, pii.mitras),
        is_active: mitra?.is_active ?? false,
      },
    },
    payments: payments.map(paymentView),
    extensions: parts.extensions.map((e) => ({
      id: e.id,
      tier_id: e.tier_id,
      duration_minutes: e.duration_minutes,
      price_idr: e.price_idr,
      status: e.status,
      topic_sensitivity: e.topic_sensitivity,
      respond_by: e.respond_by.toISOString(),
      responded_at: e.responded_at?.toISOString() ?? null,
      applied_at: e.applied_at?.toISOString() ?? null,
      created_at: e.created_at.toISOString(),
    })),
    rating: parts.rating
      ? { stars: parts.rating.stars, comment: parts.rating.comment, created_at: parts.rating.created_at.toISOString() }
      : null,
    reports: reports.map((r) =>
      reportView(r, names, reported[r.reported_type === 'customer' ? 0 : 1]!.get(r.reported_id) ?? 0),
    ),
    sensitivity_timeline: parts.timeline.map((t) => ({
      from: t.from_sensitivity,
      to: t.to_sensitivity,
      mitra_id: t.mitra_id,
      at: t.created_at.toISOString(),
    })),
  };
}
