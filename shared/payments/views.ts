import { z } from 'zod';
import type { Queryable } from '../db/pool';
import { latestPaymentOf, latestPaymentsOf, type PaymentRow, type PaymentStatus } from './repo/payments';

/**
 * What the apps see of a session's payment: the same fields in the REST session payload and in the
 * Firestore session doc (`sessions/{id}`), so the two can never disagree. Built on first use (the
 * published schema of the session doc), not at a cold start.
 */
function buildPaymentFieldsShape() {
  return {
    xendit_invoice_url: z.string().nullable().describe('the pay link, only while the invoice can still be paid'),
    payment_expires_at: z.iso.datetime().nullable(),
    payment_status: z.enum(['creating', 'pending', 'paid', 'expired', 'flagged'] satisfies PaymentStatus[]).nullable(),
    payment_for: z.enum(['session', 'extension']).nullable().describe('what the latest invoice pays for'),
    payment_extension_id: z.uuid().nullable(),
  };
}
let shape: ReturnType<typeof buildPaymentFieldsShape> | undefined;
export const paymentFieldsShape = () => (shape ??= buildPaymentFieldsShape());
export type PaymentFields = z.infer<z.ZodObject<ReturnType<typeof buildPaymentFieldsShape>>>;

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
  return paymentFields(await latestPaymentOf(q, sessionId));
}

/** The link the customer should pay now, if any (for views that only need the URL). */
export async function latestInvoiceUrl(q: Queryable, sessionId: string): Promise<string | null> {
  return (await paymentOfSession(q, sessionId)).xendit_invoice_url;
}

/** Each session's most recent payment, for a page of sessions in one query. */
export async function paymentsOfSessions(q: Queryable, sessionIds: string[]): Promise<Map<string, PaymentFields>> {
  return new Map((await latestPaymentsOf(q, sessionIds)).map((p) => [p.session_id, paymentFields(p)]));
}
