import { effect, type OutboxItem } from '../outbox';

/** The private routes Cloud Tasks and Cloud Scheduler call on the payment-webhook function. */
export const PAYMENT_PATHS = {
  createInvoice: '/tasks/payments/create-invoice',
  timeout: '/tasks/payments/timeout',
  reconcile: '/tasks/payments/reconcile',
} as const;

export type InvoiceKind = 'session' | 'extension';

/** What an invoice pays for, as Xendit's `external_id` (unique in `payments`, Xendit's idempotency key). */
export const externalIdOf = (kind: InvoiceKind, id: string) => `${kind}:${id}`;

/**
 * The outbox task that creates the invoice for a session or an extension. Enqueued in the accept's
 * own transaction, so a provider outage delays the invoice (the task retries) but never the accept.
 * The name is deterministic: a replayed accept cannot schedule a second creation.
 */
export function invoiceTask(kind: InvoiceKind, id: string, now: Date): OutboxItem {
  const body = kind === 'session' ? { kind, session_id: id } : { kind, extension_id: id };
  return effect.task(`payment-invoice:${externalIdOf(kind, id)}`, PAYMENT_PATHS.createInvoice, body, now);
}

/** The per-invoice timeout: asks the provider once the invoice has expired, in case its callback was lost. */
export function paymentTimeoutTask(paymentId: string, runAt: Date): OutboxItem {
  return effect.task(`payment-timeout:${paymentId}`, PAYMENT_PATHS.timeout, { payment_id: paymentId }, runAt);
}
