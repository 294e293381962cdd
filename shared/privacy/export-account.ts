import { AppError } from '../errors';
import { paymentRowsOfSessions, type SessionPaymentRow } from '../payments';
import {
  ownMessagesIn,
  ratingsOf,
  reportsFiledBy,
  sessionsOf,
  type MessageRow,
  type RatingRow,
  type ReportRow,
  type SessionRow,
} from '../sessions';
import { customerProfile, findCustomer, findMitra, mitraProfile } from '../users';
import type { PrivacyDeps } from './deps';

/** How many sessions' messages the export reads per query (a session's messages are bounded by its minutes). */
export const EXPORT_SESSIONS_PER_PAGE = 25;

/**
 * A user's data export (SPEC §14): one document with their profile, their sessions, their payments
 * (customers), their ratings, the reports they filed and, last, the messages they wrote. Nothing of the
 * other party: no name, no id, none of their messages, and a mitra gets the stars of a rating, not the
 * customer's comment. Customers never see a session's sensitivity (SPEC §7). `head` is everything but the
 * messages; `messages` yields them a few sessions at a time, for the route to stream (a busy mitra's year
 * is tens of megabytes: held whole, it would crowd the instance that also serves chats).
 */
export interface AccountExport {
  head: Record<string, unknown>;
  messages: () => AsyncGenerator<ReturnType<typeof messageEntry>[]>;
}

export async function exportCustomerAccount(deps: ExportDeps, customerId: string): Promise<AccountExport> {
  const customer = await findCustomer(deps.db, customerId);
  if (!customer || customer.erased_at) throw new AppError('TOKEN_INVALID', 'Akun sudah dihapus');
  const sessions = await sessionsOf(deps.db, 'customer', customerId);
  const [payments, ratings, reports] = await Promise.all([
    paymentRowsOfSessions(
      deps.db,
      sessions.map((s) => s.id),
    ),
    ratingsOf(deps.db, 'customer', customerId),
    reportsFiledBy(deps.db, 'customer', customerId),
  ]);
  return {
    head: {
      exported_at: deps.clock.now().toISOString(),
      profile: customerProfile(customer),
      sessions: sessions.map((s) => sessionEntry(s, 'customer')),
      payments: payments.map(paymentEntry),
      ratings: ratings.map((r) => ({ ...ratingEntry(r), comment: r.comment })),
      reports: reports.map(reportEntry),
    },
    messages: () => messagePages(deps, 'customer', sessions),
  };
}

export async function exportMitraAccount(deps: ExportDeps, mitraId: string): Promise<AccountExport> {
  const mitra = await findMitra(deps.db, mitraId);
  if (!mitra || mitra.erased_at) throw new AppError('TOKEN_INVALID', 'Akun sudah dihapus');
  const [sessions, ratings, reports] = await Promise.all([
    sessionsOf(deps.db, 'mitra', mitraId),
    ratingsOf(deps.db, 'mitra', mitraId),
    reportsFiledBy(deps.db, 'mitra', mitraId),
  ]);
  return {
    head: {
      exported_at: deps.clock.now().toISOString(),
      profile: mitraProfile(mitra),
      sessions: sessions.map((s) => ({ ...sessionEntry(s, 'mitra'), topic_sensitivity: s.topic_sensitivity })),
      ratings_received: ratings.map(ratingEntry),
      reports: reports.map(reportEntry),
    },
    messages: () => messagePages(deps, 'mitra', sessions),
  };
}

type ExportDeps = Pick<PrivacyDeps, 'db' | 'clock' | 'logger'>;

async function* messagePages(deps: ExportDeps, side: 'customer' | 'mitra', sessions: SessionRow[]) {
  for (let i = 0; i < sessions.length; i += EXPORT_SESSIONS_PER_PAGE) {
    const ids = sessions.slice(i, i + EXPORT_SESSIONS_PER_PAGE).map((s) => s.id);
    const rows = await ownMessagesIn(deps.db, side, ids).catch((err: Error) => {
      // The status line is already sent: the client sees a cut document, the log says why.
      deps.logger.error('export cut short', { side, error: err.message });
      throw err;
    });
    yield rows.map(messageEntry);
  }
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

function sessionEntry(s: SessionRow, side: 'customer' | 'mitra') {
  const at = s[`${side}_goodbye_at`];
  return {
    id: s.id,
    status: s.status,
    is_free_trial: s.is_free_trial,
    tier_id: s.tier_id,
    duration_minutes: s.duration_minutes,
    price_idr: s.price_idr,
    created_at: s.created_at.toISOString(),
    started_at: iso(s.started_at),
    ends_at: iso(s.ends_at),
    closing_at: iso(s.closing_at),
    closing_reason: s.closing_reason,
    completed_at: iso(s.completed_at),
    cancelled_at: iso(s.cancelled_at),
    your_goodbye: at ? { message: s[`${side}_goodbye`], at: at.toISOString() } : null,
  };
}

const messageEntry = (m: MessageRow) => ({
  session_id: m.session_id,
  seq: m.seq,
  body: m.body,
  removed: m.removed_reason,
  created_at: m.created_at.toISOString(),
});

const paymentEntry = (p: SessionPaymentRow & { session_id: string }) => ({
  session_id: p.session_id,
  kind: p.extension_id ? ('extension' as const) : ('session' as const),
  external_id: p.external_id,
  amount_idr: p.amount_idr,
  currency: p.currency,
  status: p.status,
  paid_amount: p.paid_amount,
  paid_at: iso(p.paid_at),
  created_at: p.created_at.toISOString(),
});

const ratingEntry = (r: RatingRow) => ({
  session_id: r.session_id,
  stars: r.stars,
  created_at: r.created_at.toISOString(),
});

const reportEntry = (r: ReportRow) => ({
  id: r.id,
  session_id: r.session_id,
  reason: r.reason,
  description: r.description,
  status: r.status,
  created_at: r.created_at.toISOString(),
});
