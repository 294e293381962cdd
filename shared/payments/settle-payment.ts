import type { Tx } from '../outbox';
import type { InvoiceStatus } from '../ports/payment-provider';
import type { PaymentsDeps } from './deps';
import { findPayment, flagSettledPayment, OPEN_STATUSES, settlePaymentRow, type PaymentRow } from './repo/payments';

/** What the provider says about an invoice: a verified callback, or its answer to getInvoice. */
export interface ProviderReport {
  /** Undefined only when no invoice was ever created (the provider was down for the whole window). */
  invoiceId: string | undefined;
  status: InvoiceStatus;
  amount: number;
  /** Callbacks carry what was actually paid; getInvoice only the invoice amount. */
  paidAmount?: number;
  currency: string;
  paidAt?: Date;
  source: 'callback' | 'timeout' | 'reconcile';
}

export type SettleOutcome =
  | 'activated'
  | 'extension_applied'
  | 'cancelled'
  | 'extension_lapsed'
  | 'flagged_mismatch'
  | 'paid_but_moved_on'
  | 'expired_but_moved_on'
  | 'already_settled'
  | 'still_pending'
  | 'unknown_invoice';

const MOVED_SESSION = new Set<SettleOutcome>(['activated', 'extension_applied', 'cancelled']);

function mismatch(p: PaymentRow, r: ProviderReport): string | undefined {
  const amounts = [r.amount, ...(r.paidAmount === undefined ? [] : [r.paidAmount])];
  if (r.currency !== p.currency) return `currency_mismatch: expected ${p.currency}, got ${r.currency}`;
  const wrong = amounts.find((a) => a !== p.amount_idr);
  if (wrong !== undefined) return `amount_mismatch: expected ${p.amount_idr} ${p.currency}, got ${wrong} ${r.currency}`;
  return undefined;
}

/**
 * Applies a provider report to one payment, inside the caller's transaction. Only an open payment
 * moves (a conditional UPDATE), so duplicates, replays and the timeout/reconciliation racing a
 * callback settle it exactly once. Nothing is unlocked unless the provider says paid, with the
 * amount and currency we invoiced, for a session or extension still waiting for it.
 */
export async function settlePayment(
  c: Tx,
  deps: PaymentsDeps,
  payment: PaymentRow,
  r: ProviderReport,
  now: Date,
): Promise<SettleOutcome> {
  if (!OPEN_STATUSES.includes(payment.status)) return 'already_settled';
  if (r.status === 'PENDING') return 'still_pending';
  const log = { payment_id: payment.id, external_id: payment.external_id, invoice_id: r.invoiceId, source: r.source };
  let outcome: SettleOutcome;

  if (r.status === 'EXPIRED') {
    if (!(await settlePaymentRow(c, payment.id, { status: 'expired', invoiceId: r.invoiceId }, undefined, now)))
      return 'already_settled';
    const moved = payment.extension_id
      ? await deps.sessions.lapseExtension(c, payment.extension_id, now)
      : await deps.sessions.cancelUnpaidSession(c, payment.session_id, now, 'payment_expired');
    outcome = moved ? (payment.extension_id ? 'extension_lapsed' : 'cancelled') : 'expired_but_moved_on';
  } else {
    const wrong = mismatch(payment, r);
    const paid = { at: r.paidAt ?? now, amount: r.paidAmount ?? r.amount, currency: r.currency };
    const to = wrong
      ? { status: 'flagged' as const, flagReason: wrong, invoiceId: r.invoiceId }
      : { status: 'paid' as const, invoiceId: r.invoiceId };
    if (!(await settlePaymentRow(c, payment.id, to, paid, now))) return 'already_settled';
    if (wrong) {
      deps.logger.warn('payment flagged: nothing unlocked', { ...log, flag_reason: wrong });
      outcome = 'flagged_mismatch';
    } else {
      const unlocked = payment.extension_id
        ? await deps.sessions.applyPaidExtension(c, payment.extension_id, now)
        : await deps.sessions.activatePaidSession(c, payment.session_id, now);
      if (unlocked) outcome = payment.extension_id ? 'extension_applied' : 'activated';
      else {
        // Money for a session that ended or was cancelled meanwhile: keep it visible for a refund.
        await flagSettledPayment(c, payment.id, 'paid_after_session_moved_on', now);
        deps.logger.warn('payment flagged: paid for a session that moved on', log);
        outcome = 'paid_but_moved_on';
      }
    }
  }
  // A transition rewrote the session's documents (payment fields included); otherwise they show the payment now.
  if (!MOVED_SESSION.has(outcome)) await deps.sessions.paymentChanged(c, payment.session_id);
  const settled = (await findPayment(c, payment.id))!;
  deps.logger.info('payment settled', { ...log, outcome, status: settled.status });
  return outcome;
}
