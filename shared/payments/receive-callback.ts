import { commitWithEffects } from '../outbox';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { InvoiceStatus } from '../ports/payment-provider';
import type { PaymentsDeps } from './deps';
import { lockCallback, markCallbackProcessed, recordCallback } from './repo/payment-callbacks';
import { findPaymentForInvoice } from './repo/payments';
import { settlePayment, type SettleOutcome } from './settle-payment';

/**
 * Constant time whatever the inputs: both sides are hashed first, so the comparison always runs
 * over 32 equal-length bytes and neither the token's length nor a matching prefix leaks by timing.
 */
export function callbackTokenMatches(expected: string | undefined, given: string | undefined): boolean {
  if (!expected) return false;
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(expected), digest(given ?? ''));
}

/**
 * What is kept of a callback (SPEC §14: raw provider callbacks keep only the fields payments need): what
 * settlement acts on and what reconciles with Xendit's own records. Xendit also sends the payer's e-mail,
 * payment details (e-wallet accounts, card data), the invoice description and our redirect URLs; none is
 * stored. Migration 0023 applied the same list to the callbacks recorded before.
 */
export const KEPT_CALLBACK_FIELDS = [
  'id',
  'external_id',
  'status',
  'amount',
  'paid_amount',
  'currency',
  'paid_at',
  'payment_id',
  'payment_method',
  'payment_channel',
  'created',
  'updated',
] as const;

export function keptCallbackFields(payload: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(KEPT_CALLBACK_FIELDS.filter((k) => k in payload).map((k) => [k, payload[k]]));
}

/** The fields of Xendit's invoice callback we act on. */
export interface InvoiceCallback {
  id: string;
  external_id: string;
  status: Exclude<InvoiceStatus, 'PENDING'>;
  amount: number;
  paid_amount?: number;
  currency?: string;
  paid_at?: string;
}

export type CallbackOutcome = SettleOutcome | 'duplicate';

/**
 * The verified webhook: record first (durable, unique per invoice + status), then process under the
 * record's row lock. A duplicate whose original was processed changes nothing; one whose original
 * failed mid-way is processed now (so a provider retry heals our own failure).
 */
export async function receiveCallback(
  deps: PaymentsDeps,
  cb: InvoiceCallback,
  payload: Record<string, unknown>,
): Promise<{ outcome: CallbackOutcome; duplicate: boolean }> {
  const now = deps.clock.now();
  const rec = await recordCallback(
    deps.db,
    { invoiceId: cb.id, externalId: cb.external_id, status: cb.status, payload: keptCallbackFields(payload) },
    now,
  );
  const result = await processCallback(deps, rec.id);
  if (!rec.fresh) deps.logger.info('duplicate payment callback', { invoice_id: cb.id, status: cb.status });
  return { outcome: result ?? 'duplicate', duplicate: !rec.fresh };
}

/** Processes one recorded callback once; undefined when it had already been processed. */
export async function processCallback(deps: PaymentsDeps, callbackId: number): Promise<CallbackOutcome | undefined> {
  const now = deps.clock.now();
  const outcome = await commitWithEffects(deps, async (c) => {
    const row = await lockCallback(c, callbackId);
    if (row.processed_at) return undefined;
    const cb = row.payload as unknown as InvoiceCallback;
    const payment = await findPaymentForInvoice(c, row.provider_invoice_id, row.external_id ?? undefined);
    const outcome: SettleOutcome = payment
      ? await settlePayment(
          c,
          deps,
          payment,
          {
            invoiceId: cb.id,
            status: cb.status,
            amount: cb.amount,
            paidAmount: cb.paid_amount,
            currency: cb.currency ?? 'IDR',
            paidAt: validDate(cb.paid_at),
            source: 'callback',
          },
          now,
        )
      : 'unknown_invoice';
    await markCallbackProcessed(c, callbackId, outcome, now);
    return outcome;
  });
  return outcome;
}

/** A provider timestamp we cannot read is not a reason to lose a payment: settle at our own time instead. */
function validDate(s: string | undefined): Date | undefined {
  const d = s ? new Date(s) : undefined;
  return d && !Number.isNaN(d.getTime()) ? d : undefined;
}
