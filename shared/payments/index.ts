/** Payments: invoices, the verified webhook, settlement and reconciliation (SPEC §8). */
export { createInvoice, redirectUrls, TIMEOUT_GRACE_SECONDS } from './create-invoice';
export { paymentsDeps, type PaymentsDeps, type SessionPayments } from './deps';
export { externalIdOf, invoiceTask, PAYMENT_PATHS, type InvoiceKind } from './invoice-task';
export { paymentTimeout, settleFromProvider } from './payment-timeout';
export { callbackTokenMatches, processCallback, receiveCallback, type InvoiceCallback } from './receive-callback';
export { reconcile, RECONCILE_AFTER_SECONDS, RECONCILE_BATCH } from './reconcile';
export type { PaymentRow } from './repo/payments';
export {
  flaggedPayments,
  paidRevenueSql,
  paymentsOfSession,
  paymentRowsOfSessions,
  type SessionPaymentRow,
} from './repo/payments.admin';
export { settlePayment, type ProviderReport, type SettleOutcome } from './settle-payment';
export {
  NO_PAYMENT,
  paymentFields,
  paymentFieldsShape,
  paymentOfSession,
  paymentsOfSessions,
  type PaymentFields,
} from './views';
