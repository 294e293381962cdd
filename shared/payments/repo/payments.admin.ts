import type { Queryable } from '../../db/pool';
import { COLUMNS, type PaymentRow } from './payments';

/** The control center's reads over payments (SPEC §9), with the projections it reads through. */

type Column = (typeof COLUMNS)[number];
/** What a session's detail lists of each payment (not the provider's invoice id, link or paid currency). */
const DETAIL = [
  'id',
  'extension_id',
  'external_id',
  'amount_idr',
  'currency',
  'status',
  'flag_reason',
  'expires_at',
  'paid_at',
  'paid_amount',
  'created_at',
] as const satisfies readonly Column[];
export type SessionPaymentRow = Pick<PaymentRow, (typeof DETAIL)[number]>;
/** What the operators' refund review reads of a flagged payment. */
const FLAGGED = ['id', 'session_id', 'external_id', 'flag_reason', 'updated_at'] as const satisfies readonly Column[];

/**
 * Dashboard fragment (a one-row CTE body): revenue is what paid payments brought in [from, to), by
 * `paid_at` (the partial index on paid payments), in the amount the provider reported when it did.
 */
export function paidRevenueSql(p: { from: string; to: string }): string {
  return `SELECT COALESCE(sum(COALESCE(paid_amount, amount_idr)), 0)::bigint AS revenue_idr, count(*)::int AS paid_payments
    FROM payments WHERE status = 'paid' AND paid_at >= ${p.from} AND paid_at < ${p.to}`;
}

/** Every payment of a session (the session's and its extensions'), oldest first. */
export async function paymentsOfSession(q: Queryable, sessionId: string): Promise<SessionPaymentRow[]> {
  const { rows } = await q.query<SessionPaymentRow>(
    `SELECT ${DETAIL.join(', ')} FROM payments WHERE session_id = $1 ORDER BY created_at, id`,
    [sessionId],
  );
  return rows;
}

/** Every payment of these sessions, oldest first (a customer's data export, SPEC §14). */
export async function paymentRowsOfSessions(
  q: Queryable,
  sessionIds: string[],
): Promise<Array<SessionPaymentRow & { session_id: string }>> {
  if (sessionIds.length === 0) return [];
  const { rows } = await q.query<SessionPaymentRow & { session_id: string }>(
    `SELECT session_id, ${DETAIL.join(', ')} FROM payments WHERE session_id = ANY($1::uuid[]) ORDER BY created_at, id`,
    [sessionIds],
  );
  return rows;
}

/** Payments the operators must look at (amount/currency mismatch, money for a session that moved on). */
export async function flaggedPayments(q: Queryable, limit = 100) {
  const { rows } = await q.query<Pick<PaymentRow, (typeof FLAGGED)[number]>>(
    `SELECT ${FLAGGED.join(', ')} FROM payments WHERE status = 'flagged' ORDER BY updated_at DESC, id DESC LIMIT $1`,
    [limit],
  );
  return rows;
}
