import { AppError } from '../errors';
import { type Tx } from '../outbox';
import { invoiceTask } from '../payments';
import { sessionDocEntries, timers } from './effects';
import { insertSession } from './repo/chat-sessions';
import type { SessionRow, Sensitivity } from './types';

/** What pairing hands over when a mitra wins a request. */
export interface SessionStart {
  request_id: string;
  customer_id: string;
  mitra_id: string;
  topic_sensitivity: Sensitivity;
  is_free_trial: boolean;
  tier_id: string | null;
  duration_minutes: number;
  price_idr: number;
}

/**
 * The first state of a session, in the accept's transaction: a free trial starts active with its
 * expiry timer, a paid session waits for payment, and its invoice is created through the outbox (a
 * provider outage delays the invoice, never the accept); its hold timer cancels it unpaid after
 * `paymentHoldSeconds` (SPEC §13). Both session documents are written here.
 */
export async function startSession(
  t: Tx,
  start: SessionStart,
  now: Date,
  paymentHoldSeconds: number,
): Promise<SessionRow> {
  const free = start.is_free_trial;
  let s: SessionRow;
  try {
    s = await insertSession(
      t,
      {
        ...start,
        status: free ? 'active' : 'pending_payment',
        started_at: free ? now : null,
        ends_at: free ? new Date(now.getTime() + start.duration_minutes * 60_000) : null,
      },
      now,
    );
  } catch (err) {
    // The one-live-session-per-customer index: the customer got a session another way meanwhile.
    if ((err as { code?: string }).code === '23505')
      throw new AppError('ALREADY_ACTIVE', 'Customer sudah punya sesi aktif');
    throw err;
  }
  await t.enqueue([
    ...(free
      ? [timers.expire(s)]
      : [{ item: invoiceTask('session', s.id, now) }, timers.paymentHold(s, paymentHoldSeconds)]),
    ...(await sessionDocEntries(t, s.id)),
  ]);
  return s;
}
