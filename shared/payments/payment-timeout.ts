import { commitWithEffects } from '../outbox';
import { AppError } from '../errors';
import type { Invoice } from '../ports/payment-provider';
import type { PaymentsDeps } from './deps';
import { findPayment, OPEN_STATUSES, type PaymentRow } from './repo/payments';
import { settlePayment, type ProviderReport, type SettleOutcome } from './settle-payment';

/**
 * Settles an open payment by asking the provider (its callback may have been lost). The answer goes
 * through the same settlement as a callback, so whichever arrives first wins and the other is a no-op.
 */
export async function settleFromProvider(
  deps: PaymentsDeps,
  payment: PaymentRow,
  source: ProviderReport['source'],
): Promise<SettleOutcome> {
  let report: ProviderReport;
  if (payment.provider_invoice_id) {
    let invoice: Invoice;
    try {
      invoice = await deps.provider.getInvoice(payment.provider_invoice_id);
    } catch (err) {
      deps.logger.warn('invoice lookup failed', { payment_id: payment.id, error: err as Error });
      throw new AppError('PROVIDER_UNAVAILABLE', 'Layanan pembayaran tidak dapat dihubungi. Coba lagi.');
    }
    report = {
      invoiceId: invoice.id,
      status: invoice.status,
      amount: invoice.amount,
      currency: invoice.currency,
      source,
    };
  } else {
    // No invoice yet: the create-invoice task is still retrying. Past the deadline the customer never
    // saw a link to pay, so the session is released instead of waiting for a provider that stayed down.
    if (payment.expires_at && payment.expires_at > deps.clock.now()) return 'still_pending';
    report = {
      invoiceId: undefined,
      status: 'EXPIRED',
      amount: payment.amount_idr,
      currency: payment.currency,
      source,
    };
  }
  const now = deps.clock.now();
  const outcome = await commitWithEffects(deps, async (c) =>
    settlePayment(c, deps, (await findPayment(c, payment.id, true))!, report, now),
  );
  return outcome;
}

/** The per-invoice timeout task: a late or repeated one finds the payment settled and does nothing. */
export async function paymentTimeout(deps: PaymentsDeps, paymentId: string): Promise<SettleOutcome | 'not_found'> {
  const payment = await findPayment(deps.db, paymentId);
  if (!payment) return 'not_found';
  if (!OPEN_STATUSES.includes(payment.status)) return 'already_settled';
  return settleFromProvider(deps, payment, 'timeout');
}
