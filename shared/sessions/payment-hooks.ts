import type { PoolClient } from 'pg';
import { activatePaidSession } from './activate-paid-session';
import { applyPaidExtension } from './apply-extension';
import { cancelUnpaidSession } from './cancel-unpaid-session';
import type { SessionsDeps } from './deps';
import { findExtension } from './extensions-repo';
import { lapseExtension } from './lapse-extension';
import { findSession } from './repo';

/**
 * The session transitions a payment settles, bound to this feature's deps, in the shape the payments
 * feature asks for (`SessionTransitions` in shared/payments/deps.ts): each runs in the settlement's
 * transaction and answers whether it changed anything.
 */
export function sessionPaymentHooks(deps: SessionsDeps) {
  return {
    activatePaidSession: (c: PoolClient, sessionId: string, now: Date) => activatePaidSession(c, deps, sessionId, now),
    cancelUnpaidSession: (c: PoolClient, sessionId: string, now: Date, reason: string) =>
      cancelUnpaidSession(c, deps, sessionId, now, reason),
    applyPaidExtension: (c: PoolClient, extensionId: string, now: Date) =>
      applyPaidExtension(c, deps, extensionId, now),
    lapseExtension: (c: PoolClient, extensionId: string, now: Date) => lapseExtension(c, deps, extensionId, now),
    /** What an invoice is for: its price and whether it still waits for payment. */
    async payable(c: PoolClient, kind: 'session' | 'extension', id: string) {
      if (kind === 'extension') {
        const e = await findExtension(c, id);
        return (
          e && {
            sessionId: e.session_id,
            amountIdr: e.price_idr,
            description: `Perpanjangan Halo Bestie ${e.duration_minutes} menit`,
            payable: e.status === 'accepted',
          }
        );
      }
      const s = await findSession(c, id);
      return (
        s && {
          sessionId: s.id,
          amountIdr: s.price_idr,
          description: `Halo Bestie ${s.duration_minutes} menit`,
          payable: s.status === 'pending_payment' && !s.is_free_trial,
        }
      );
    },
  };
}
