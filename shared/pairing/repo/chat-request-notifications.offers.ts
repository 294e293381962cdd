import type { Queryable } from '../../db/pool';
import { availableMitrasSql } from '../../users';

/** The offer statements (SPEC §6): a request's wave, and a mitra's re-offer. Each is one INSERT … SELECT. */

export interface Availability {
  now: Date;
  staleSeconds: number;
  maxSessions: number;
  liveStatuses: readonly string[];
}

const AVAILABLE = (live: readonly string[]) =>
  availableMitrasSql({ now: '$1', staleSeconds: '$2', maxSessions: '$3', only: '$4', liveStatuses: live });

/**
 * One wave of a request: the available mitras eligible for its topic (and its target) that it was not
 * offered yet, in the fair order — fewest sessions accepted in 24 h, longest idle, then at random — at
 * most `limit` of them (null: all). Returns the mitras offered.
 */
export async function offerWave(
  q: Queryable,
  a: Availability,
  r: { id: string; topic_sensitivity: string; target_mitra_id: string | null },
  limit: number | null,
): Promise<string[]> {
  const { rows } = await q.query<{ mitra_id: string }>(
    `INSERT INTO chat_request_notifications (request_id, mitra_id, status, topic_sensitivity, active_session_count, offered_at)
     SELECT $5, a.id, 'offered', $6, a.active_session_count, $1 FROM (${AVAILABLE(a.liveStatuses)}) a
     WHERE ($6 = 'regular' OR a.sensitive_ok)
       AND NOT EXISTS (SELECT 1 FROM chat_request_notifications n WHERE n.request_id = $5 AND n.mitra_id = a.id)
     ORDER BY a.accepted_24h, a.idle_since NULLS FIRST, random() LIMIT $7
     ON CONFLICT DO NOTHING RETURNING mitra_id`,
    [a.now, a.staleSeconds, a.maxSessions, r.target_mitra_id, r.id, r.topic_sensitivity, limit],
  );
  return rows.map((x) => x.mitra_id);
}

/**
 * Mitras that can take a request now (one, or every available mitra when `mitraId` is null) are offered
 * the oldest searching requests they are eligible for and were not offered, oldest first, up to each
 * one's free places. Returns each offer made, with the request's customer (whose queue status moved).
 */
export async function offerWaitingRequests(
  q: Queryable,
  a: Availability,
  mitraId: string | null,
): Promise<Array<{ request_id: string; mitra_id: string; customer_id: string }>> {
  const { rows } = await q.query<{ request_id: string; mitra_id: string; customer_id: string }>(
    `WITH offered AS (
     INSERT INTO chat_request_notifications (request_id, mitra_id, status, topic_sensitivity, active_session_count, offered_at)
     SELECT w.id, a.id, 'offered', w.topic_sensitivity, a.active_session_count, $1 FROM (${AVAILABLE(a.liveStatuses)}) a
     CROSS JOIN LATERAL (
       SELECT r.id, r.topic_sensitivity FROM chat_requests r
       WHERE r.status = 'searching' AND r.expires_at > $1
         AND (r.target_mitra_id IS NULL OR r.target_mitra_id = a.id)
         AND (r.topic_sensitivity = 'regular' OR a.sensitive_ok)
         AND NOT EXISTS (SELECT 1 FROM chat_request_notifications n WHERE n.request_id = r.id AND n.mitra_id = a.id)
       ORDER BY r.created_at LIMIT $3 - a.active_session_count
     ) w
     ON CONFLICT DO NOTHING RETURNING request_id, mitra_id
     )
     SELECT o.request_id, o.mitra_id, r.customer_id FROM offered o JOIN chat_requests r ON r.id = o.request_id
     ORDER BY r.created_at, o.mitra_id`,
    [a.now, a.staleSeconds, a.maxSessions, mitraId],
  );
  return rows;
}
