import type { PaymentsDeps } from './deps';
import { processCallback } from './receive-callback';
import { unprocessedCallbacks } from './repo/payment-callbacks';
import { stuckPayments } from './repo/payments';
import { settleFromProvider } from './payment-timeout';

/** How long past its expiry an open payment must be before reconciliation asks about it. */
export const RECONCILE_AFTER_SECONDS = 120;
/** One run's work, bounded so a backlog is worked off over several runs instead of timing one out. */
export const RECONCILE_BATCH = 100;

export interface ReconcileResult {
  checked: number;
  settled: number;
  failed: number;
  callbacks_reprocessed: number;
}

/**
 * Cloud Scheduler, every 10 minutes: open payments stuck past their expiry are settled by what the
 * provider reports (paid → unlock, expired → cancel); callbacks recorded but never processed (our own
 * failure after recording) are processed. One payment's failure does not stop the others.
 */
export async function reconcile(deps: PaymentsDeps): Promise<ReconcileResult> {
  const now = deps.clock.now();
  const before = new Date(now.getTime() - RECONCILE_AFTER_SECONDS * 1000);
  const result: ReconcileResult = { checked: 0, settled: 0, failed: 0, callbacks_reprocessed: 0 };
  for (const id of await unprocessedCallbacks(deps.db, before, RECONCILE_BATCH)) {
    if (await processCallback(deps, id)) result.callbacks_reprocessed++;
  }
  for (const payment of await stuckPayments(deps.db, before, RECONCILE_BATCH)) {
    result.checked++;
    try {
      const outcome = await settleFromProvider(deps, payment, 'reconcile');
      if (outcome !== 'still_pending' && outcome !== 'already_settled') result.settled++;
    } catch (err) {
      result.failed++;
      deps.logger.warn('reconciliation could not settle a payment', { payment_id: payment.id, error: err as Error });
    }
  }
  if (result.checked || result.callbacks_reprocessed) deps.logger.info('payments reconciled', { ...result });
  return result;
}
