import type { Queryable } from '../../db/pool';
import { CURRENT_STATUSES } from './chat-sessions';

/** Safety screening's statements over chat_sessions (SPEC §15): the flag and the mitra's crisis notice. */

/**
 * Flags the session for operators (idempotent) and, when a notice is given, keeps the first one: the
 * row lock orders concurrent screenings of one session, so exactly one of them sees `noticed_now`.
 */
export async function flagForSafety(q: Queryable, id: string, notice: string | null, now: Date) {
  const { rows } = await q.query<{ noticed_now: boolean; customer_id: string; mitra_id: string }>(
    `WITH before AS (SELECT id, safety_notice_at FROM chat_sessions WHERE id = $1 FOR NO KEY UPDATE)
     UPDATE chat_sessions s SET safety_flag = true, safety_flagged_at = COALESCE(s.safety_flagged_at, $3),
       safety_notice = CASE WHEN $2::text IS NOT NULL AND s.safety_notice_at IS NULL THEN $2 ELSE s.safety_notice END,
       safety_notice_at = CASE WHEN $2::text IS NOT NULL THEN COALESCE(s.safety_notice_at, $3) ELSE s.safety_notice_at END
     FROM before WHERE s.id = before.id
     RETURNING ($2::text IS NOT NULL AND before.safety_notice_at IS NULL) AS noticed_now, s.customer_id, s.mitra_id`,
    [id, notice, now],
  );
  return rows[0];
}

/** Per customer, the latest session still in the apps whose mitra was given a crisis notice. */
export async function currentSafetyNotices(q: Queryable) {
  const { rows } = await q.query<{ customer_id: string; session_id: string; at: Date }>(
    `SELECT DISTINCT ON (customer_id) customer_id, id AS session_id, safety_notice_at AS at FROM chat_sessions
     WHERE status = ANY($1) AND safety_notice_at IS NOT NULL ORDER BY customer_id, safety_notice_at DESC`,
    [CURRENT_STATUSES],
  );
  return rows;
}
