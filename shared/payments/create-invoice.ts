import { AppError } from '../errors';
import { commitWithEffects } from '../outbox';
import type { PaymentsDeps } from './deps';
import { externalIdOf, paymentTimeoutTask, type InvoiceKind } from './invoice-task';
import { findPaymentByExternalId, insertPayment, markInvoiced } from './repo/payments';
import { settleFromProvider } from './payment-timeout';

/**
 * The timeout task runs this long after the invoice's expiry: Xendit's own EXPIRED callback normally
 * arrives first; the task is only for a callback that never came.
 */
export const TIMEOUT_GRACE_SECONDS = 60;

/** The app's deep links (decisions: payments). They only bring the app back; nothing is unlocked by them. */
export function redirectUrls(sessionId: string, extensionId: string | null) {
  const q = `session_id=${sessionId}${extensionId ? `&extension_id=${extensionId}` : ''}`;
  return { success: `halobestie://payment/success?${q}`, failure: `halobestie://payment/failed?${q}` };
}

export type CreateInvoiceOutcome = 'created' | 'exists' | 'not_payable' | 'expired_before_invoice';

/**
 * The create-invoice task: one payments row per external id, then the provider call with that id as
 * Xendit's idempotency key (a retry after a crash or an outage returns the same invoice), then the
 * link into the session doc and the payment-timeout task. The invoice lasts until the payment hold
 * (`payment_hold_seconds` from when the session started waiting) ends. A provider failure is a 503: the task retries.
 */
export async function createInvoice(
  deps: PaymentsDeps,
  kind: InvoiceKind,
  id: string,
): Promise<{ outcome: CreateInvoiceOutcome; payment_id: string | null }> {
  const now = deps.clock.now();
  const holdSeconds = (await deps.config.get()).payment_hold_seconds;
  const externalId = externalIdOf(kind, id);

  const prepared = await commitWithEffects(deps, async (c) => {
    const what = await deps.sessions.payable(c, kind, id);
    const existing = await findPaymentByExternalId(c, externalId);
    if (existing) return { payment: existing, description: what?.description ?? externalId, payable: !!what?.payable };
    if (!what?.payable) return undefined;
    const payment = await insertPayment(
      c,
      {
        session_id: what.sessionId,
        extension_id: kind === 'extension' ? id : null,
        external_id: externalId,
        amount_idr: what.amountIdr,
        // The hold's end (SPEC §13): the invoice lasts no longer than the session waits for it; if the
        // provider stays down past it, the customer never saw a link to pay.
        expires_at: new Date(what.waitingSince.getTime() + holdSeconds * 1000),
      },
      now,
    );
    return { payment, description: what.description, payable: true };
  });
  if (!prepared) return { outcome: 'not_payable', payment_id: null };
  const { payment: row, description, payable } = prepared;
  if (row.status !== 'creating') return { outcome: 'exists', payment_id: row.id };
  if (row.expires_at! <= now) {
    await settleFromProvider(deps, row, 'timeout');
    return { outcome: 'expired_before_invoice', payment_id: row.id };
  }
  // The session/extension moved on while the provider was down: no invoice (reconciliation closes the row).
  if (!payable) return { outcome: 'not_payable', payment_id: row.id };
  const urls = redirectUrls(row.session_id, row.extension_id);
  let invoice;
  try {
    invoice = await deps.provider.createInvoice({
      externalId,
      amountIdr: row.amount_idr,
      description,
      // From the row, not the clock: every retry sends the same body under the same idempotency key.
      durationSeconds: Math.round((row.expires_at!.getTime() - row.created_at.getTime()) / 1000),
      successRedirectUrl: urls.success,
      failureRedirectUrl: urls.failure,
    });
  } catch (err) {
    deps.logger.warn('invoice creation failed; the task retries', { external_id: externalId, error: err as Error });
    throw new AppError('PROVIDER_UNAVAILABLE', 'Layanan pembayaran tidak dapat dihubungi. Coba lagi.');
  }

  const done = await commitWithEffects(deps, async (c) => {
    const p = await markInvoiced(
      c,
      row.id,
      { providerInvoiceId: invoice.id, invoiceUrl: invoice.invoiceUrl, expiresAt: invoice.expiresAt },
      deps.clock.now(),
    );
    if (!p) return false; // a parallel run of the same task stored it first
    await c.enqueue([
      {
        item: paymentTimeoutTask(p.id, new Date(invoice.expiresAt.getTime() + TIMEOUT_GRACE_SECONDS * 1000)),
      },
    ]);
    await deps.sessions.paymentChanged(c, p.session_id);
    return true;
  });
  return { outcome: done ? 'created' : 'exists', payment_id: row.id };
}
