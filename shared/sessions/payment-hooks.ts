import type { Tx } from '../outbox';
import type { SessionsDeps } from './deps';
import { sessionDocEntries } from './effects';
import { findExtension, moveExtension } from './repo/session-extensions';
import { findSession } from './repo/chat-sessions';
import { moveSession } from './transitions';

/**
 * The session changes a payment settles, in the shape the payments feature asks for
 * (`SessionPayments` in shared/payments): each runs in the settlement's transaction and answers
 * whether it changed anything (false: the session or extension had moved on).
 */
export function sessionPaymentHooks(deps: SessionsDeps) {
  return {
    activatePaidSession: async (t: Tx, sessionId: string, now: Date) =>
      Boolean(await moveSession(t, deps, sessionId, 'activate', { now })),

    cancelUnpaidSession: async (t: Tx, sessionId: string, now: Date, reason: string) =>
      Boolean(await moveSession(t, deps, sessionId, 'cancel', { now, reason })),

    /** Lock order as everywhere: session row, then extension row. */
    async applyPaidExtension(t: Tx, extensionId: string, now: Date) {
      const e = await findExtension(t, extensionId);
      if (!e) return false;
      const s = await findSession(t, e.session_id, true);
      if (!s || s.status !== 'expired') return false;
      if (!(await moveExtension(t, extensionId, ['accepted'], 'applied', now))) return false;
      const args = { now, version: s.version, extensionId, minutes: e.duration_minutes };
      return Boolean(await moveSession(t, deps, s.id, 'extend', args));
    },

    /** The accepted extension's invoice expired: it lapses and the session closes. */
    async lapseExtension(t: Tx, extensionId: string, now: Date) {
      const e = await findExtension(t, extensionId);
      if (!e) return false;
      const s = await findSession(t, e.session_id, true);
      if (!(await moveExtension(t, extensionId, ['accepted'], 'lapsed', now))) return false;
      if (s?.status === 'expired')
        await moveSession(t, deps, s.id, 'close', { now, version: s.version, reason: 'extension_lapsed' });
      return true;
    },

    /** A payment changed without moving the session (an invoice created, a flagged payment): its docs show it. */
    async paymentChanged(t: Tx, sessionId: string) {
      if (await findSession(t, sessionId)) await t.enqueue(await sessionDocEntries(t, sessionId));
    },

    /** What an invoice is for: its price and whether it still waits for payment. */
    async payable(t: Tx, kind: 'session' | 'extension', id: string) {
      if (kind === 'extension') {
        const e = await findExtension(t, id);
        return (
          e && {
            sessionId: e.session_id,
            amountIdr: e.price_idr,
            description: `Perpanjangan Halo Bestie ${e.duration_minutes} menit`,
            payable: e.status === 'accepted',
            waitingSince: e.responded_at ?? e.created_at,
          }
        );
      }
      const s = await findSession(t, id);
      return (
        s && {
          sessionId: s.id,
          amountIdr: s.price_idr,
          description: `Halo Bestie ${s.duration_minutes} menit`,
          payable: s.status === 'pending_payment' && !s.is_free_trial,
          waitingSince: s.created_at,
        }
      );
    },
  };
}
