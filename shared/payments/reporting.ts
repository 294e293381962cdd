import type { Queryable } from '../db/pool';

/** The control center's reads over payments (SPEC §9); the payments feature owns the table. */

/**
 * Dashboard fragment (a one-row CTE body): revenue is what paid payments brought in [from, to), by
 * `paid_at` (the partial index on paid payments), in the amount the provider reported when it did.
 */
export function paidRevenueSql(p: { from: string; to: string }): string {
  return `SELECT COALESCE(sum(COALESCE(paid_amount, amount_idr)), 0)::bigint AS revenue_idr, count(*)::int AS paid_payments
    FROM payments WHERE status = 'paid' AND paid_at >= ${p.from} AND paid_at < ${p.to}`;
}

export interface SessionPaymentRow {
  id: string;
  extension_id: string | null;
  external_id: string;
  amount_idr: number;
  currency: string;
  status: string;
  flag_reason: string | null;
  expires_at: Date | null;
  paid_at: Date | null;
  paid_amount: number | null;
  created_at: Date;
}

/** Every payment of a session (the session's and its extensions'), oldest first. */
export async function paymentsOfSession(q: Queryable, sessionId: string): Promise<SessionPaymentRow[]> {
  const { rows } = await q.query<SessionPaymentRow>(
    `SELECT id, extension_id, external_id, amount_idr, currency, status, flag_reason, expires_at, paid_at, paid_amount, created_at
     FROM payments WHERE session_id = $1 ORDER BY created_at, id`,
    [sessionId],
  );
  return rows;
}
