import type { Queryable } from '../../db/pool';
import type { SessionRow, Side } from '../types';

/** The chat path's statements over chat_sessions: the seq slot and message bucket, receipts, typing. */

/** Receipt watermarks only move forward and never past the last message; read implies delivered. */
export async function markReceipts(
  q: Queryable,
  id: string,
  side: Side,
  userId: string,
  upTo: number,
  status: 'delivered' | 'read',
  now: Date,
) {
  const d = `${side}_delivered_seq`;
  const r = `${side}_read_seq`;
  const readSet = status === 'read' ? `, ${r} = GREATEST(${r}, LEAST($3, last_seq))` : '';
  const { rows } = await q.query<{ delivered_seq: number; read_seq: number; last_seq: number }>(
    `UPDATE chat_sessions SET ${d} = GREATEST(${d}, LEAST($3, last_seq))${readSet}, ${side}_last_active_at = $4
     WHERE id = $1 AND ${side}_id = $2 RETURNING ${d} AS delivered_seq, ${r} AS read_seq, last_seq`,
    [id, userId, upTo, now],
  );
  return rows[0];
}

/**
 * A sender's message bucket (SPEC §13), as SQL over the row's own columns: `burst` at most, refilled at
 * `perSecond` since `_msg_at` (a clock running backwards refills nothing). $3 is now, $4 the burst, $5
 * the refill; a null bucket is full.
 */
const bucketNow = (side: Side, burst: string, perSecond: string) =>
  `LEAST(${burst}::float8, COALESCE(${side}_msg_tokens + GREATEST(0, EXTRACT(EPOCH FROM $3::timestamptz - ${side}_msg_at)) * ${perSecond}::float8, ${burst}::float8))`;

export interface MessageBucket {
  burst: number;
  perSecond: number;
}

/** The same bucket in TypeScript, for a refusal's Retry-After from the row. */
export function messageTokens(s: SessionRow, side: Side, now: Date, bucket: MessageBucket): number {
  const tokens = s[`${side}_msg_tokens`];
  const at = s[`${side}_msg_at`];
  if (tokens === null || at === null) return bucket.burst;
  return Math.min(bucket.burst, tokens + Math.max(0, (now.getTime() - at.getTime()) / 1000) * bucket.perSecond);
}

/**
 * The CTE `slot` that takes the next seq ($1 session, $2 sender, $3 now; the sender's message bucket's
 * burst and refill in the two parameters named): the session row's counter, incremented under its row
 * lock, so two senders are serialised and seq stays gap-free (a rolled-back statement gives its number
 * back). Also the participant and state check, the sender's message token (none left: the slot is empty
 * and nothing is written; SPEC §13) and the sender's activity mark.
 */
export function seqSlotCte(side: Side, burst: string, perSecond: string): string {
  const other = side === 'customer' ? 'mitra' : 'customer';
  const tokens = bucketNow(side, burst, perSecond);
  return `slot AS (
    UPDATE chat_sessions SET last_seq = last_seq + 1, ${side}_last_active_at = $3,
      ${side}_msg_tokens = ${tokens} - 1, ${side}_msg_at = $3
    WHERE id = $1 AND ${side}_id = $2 AND status = 'active' AND ${tokens} >= 1
    RETURNING last_seq AS seq, customer_id, mitra_id, ${other}_last_active_at AS other_last_active_at)`;
}

/**
 * A typing flag may be written (SPEC §7: at most once per side per `minGapSeconds`): one conditional
 * UPDATE that claims the write and marks the side active (at most every `activityGapSeconds`). False:
 * not a participant, not active, or a write within the gap (the caller tells which only when needed).
 */
export async function claimTypingWrite(
  q: Queryable,
  id: string,
  side: Side,
  userId: string,
  now: Date,
  gaps: { minGapSeconds: number; activityGapSeconds: number },
): Promise<boolean> {
  const active = `${side}_last_active_at`;
  const typing = `${side}_typing_at`;
  const { rowCount } = await q.query(
    `UPDATE chat_sessions SET ${typing} = $3,
       ${active} = CASE WHEN ${active} IS NULL OR ${active} < $3::timestamptz - make_interval(secs => $5) THEN $3 ELSE ${active} END
     WHERE id = $1 AND ${side}_id = $2 AND status = 'active'
       AND (${typing} IS NULL OR ${typing} <= $3::timestamptz - make_interval(secs => $4))`,
    [id, userId, now, gaps.minGapSeconds, gaps.activityGapSeconds],
  );
  return (rowCount ?? 0) > 0;
}
