import type { Queryable } from '../db/pool';
import { unpaidCancellationsSince } from './repo/chat-sessions.customer';

const WINDOW_MS = 24 * 3600_000;

/**
 * SPEC §13's unpaid cool-down: a customer with `max` sessions cancelled unpaid in the last 24 h may not
 * ask again until enough of them leave the window. Answers the seconds to wait, 0 when free to ask.
 */
export async function unpaidCooldownSeconds(q: Queryable, customerId: string, now: Date, max: number) {
  const cancelled = await unpaidCancellationsSince(q, customerId, new Date(now.getTime() - WINDOW_MS));
  if (cancelled.length < max) return 0;
  // Below `max` again once all but max - 1 of them have left: the (n - max + 1)-th oldest is the last to go.
  const last = cancelled[cancelled.length - max]!;
  return Math.max(0, (last.getTime() + WINDOW_MS - now.getTime()) / 1000);
}
