import { AppError } from '../errors';
import type { Queryable } from '../db/pool';
import { findAlert, setAlertReview, type AlertStatus } from './repo/safety-alerts';
import { safetyAlertView } from './views';

/** `resolved` and `dismissed` close an alert; `acknowledged` says someone is on it (it may still be closed). */
const CLOSED: AlertStatus[] = ['resolved', 'dismissed'];

/**
 * An operator's answer to an alert, in the caller's transaction (the control center audits it in the
 * same one): the alert before and after, or 404 / 409 when it is gone or already closed.
 */
export async function reviewSafetyAlertIn(
  t: Queryable,
  reviewerId: string,
  alertId: string,
  input: { status: 'acknowledged' | 'resolved' | 'dismissed'; note?: string },
  now: Date,
) {
  const before = await findAlert(t, alertId, true);
  if (!before) throw new AppError('NOT_FOUND', 'Peringatan keamanan tidak ditemukan');
  if (CLOSED.includes(before.status)) throw new AppError('SAFETY_ALERT_CLOSED', undefined, { status: before.status });
  const after = await setAlertReview(t, alertId, { status: input.status, note: input.note ?? null, reviewerId }, now);
  return { before: safetyAlertView(before), after: safetyAlertView(after) };
}
