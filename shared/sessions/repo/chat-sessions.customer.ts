import type { Queryable } from '../../db/pool';

/** What a customer's own past sessions allow: the free trial once, the unpaid cooldown (SPEC §13). */

/** "Free trial used" is derived: the customer already had a free-trial session. */
export async function hasUsedFreeTrial(q: Queryable, customerId: string): Promise<boolean> {
  return (
    ((await q.query('SELECT 1 FROM chat_sessions WHERE customer_id = $1 AND is_free_trial LIMIT 1', [customerId]))
      .rowCount ?? 0) > 0
  );
}

/** Why a pending_payment session was cancelled when nobody paid (an operator's cancellation is not one). */
const UNPAID_CANCEL_REASONS = ['payment_expired', 'payment_hold_expired'];

/** When each of the customer's sessions cancelled unpaid since `since` was cancelled, oldest first. */
export async function unpaidCancellationsSince(q: Queryable, customerId: string, since: Date): Promise<Date[]> {
  const { rows } = await q.query<{ cancelled_at: Date }>(
    `SELECT cancelled_at FROM chat_sessions
     WHERE customer_id = $1 AND status = 'cancelled' AND cancelled_at > $2 AND cancel_reason = ANY($3)
     ORDER BY cancelled_at`,
    [customerId, since, UNPAID_CANCEL_REASONS],
  );
  return rows.map((r) => r.cancelled_at);
}
