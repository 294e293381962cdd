import type { Queryable } from '../db/pool';
import type { PaymentRow } from './repo';

/**
 * What the apps see of a session's payment: the same fields in the REST session payload and in the
 * Firestore session doc (`sessions/{id}`), so the two can never disagree.
 */
export interface PaymentFields {
  xendit_invoice_url: string | null;
  payment_expires_at: string | null;
  payment_status: PaymentRow['status'] | null;
  /** What the open invoice pays for: the session itself or an extension of it. */
  payment_for: 'session' | 'extension' | null;
  payment_extension_id: string | null;
}

export const NO_PAYMENT: PaymentFields = {
  xendit_invoice_url: null,
  payment_expires_at: null,
  payment_status: null,
  payment_for: null,
  payment_extension_id: null,
};

/** The pay link is only offered while the invoice can still be paid; a settled one shows no link. */
export function paymentFields(p: PaymentRow | undefined): PaymentFields {
  if (!p) return NO_PAYMENT;
  const open = p.status === 'pending';
  return {
    xendit_invoice_url: open ? p.invoice_url : null,
    payment_expires_at: open ? (p.expires_at?.toISOString() ?? null) : null,
    payment_status: p.status,
    payment_for: p.extension_id ? 'extension' : 'session',
    payment_extension_id: p.extension_id,
  };
}

/** The session's most recent payment (its own or its latest extension's). */
export async function paymentOfSession(q: Queryable, sessionId: string): Promise<PaymentFields> {
  const { rows } = await q.query<PaymentRow>(
    `SELECT id, session_id, extension_id, external_id, provider_invoice_id, invoice_url, amount_idr, currency, status,
       flag_reason, expires_at, paid_at, paid_amount, paid_currency, created_at, updated_at
     FROM payments WHERE session_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1`,
    [sessionId],
  );
  return paymentFields(rows[0]);
}

/** The link the customer should pay now, if any (for views that only need the URL). */
export async function latestInvoiceUrl(q: Queryable, sessionId: string): Promise<string | null> {
  return (await paymentOfSession(q, sessionId)).xendit_invoice_url;
}

/** Payments the operators must look at (amount/currency mismatch, money for a session that moved on). */
export async function flaggedPayments(q: Queryable, limit = 100) {
  const { rows } = await q.query<
    Pick<PaymentRow, 'id' | 'session_id' | 'external_id' | 'flag_reason'> & { updated_at: Date }
  >(
    `SELECT id, session_id, external_id, flag_reason, updated_at FROM payments WHERE status = 'flagged'
     ORDER BY updated_at DESC, id DESC LIMIT $1`,
    [limit],
  );
  return rows;
}

/** Each session's most recent payment, for a page of sessions in one query. */
export async function paymentsOfSessions(q: Queryable, sessionIds: string[]): Promise<Map<string, PaymentFields>> {
  if (sessionIds.length === 0) return new Map();
  const { rows } = await q.query<PaymentRow>(
    `SELECT DISTINCT ON (session_id) id, session_id, extension_id, external_id, provider_invoice_id, invoice_url,
       amount_idr, currency, status, flag_reason, expires_at, paid_at, paid_amount, paid_currency, created_at, updated_at
     FROM payments WHERE session_id = ANY($1::uuid[]) ORDER BY session_id, created_at DESC, id DESC`,
    [sessionIds],
  );
  return new Map(rows.map((p) => [p.session_id, paymentFields(p)]));
}
