import type { Queryable } from '../db/pool';
import { MAX_OUTBOX_ATTEMPTS } from './relay-outcomes';

/** What an erased row's payload becomes: the relay never reads a delivered row again. */
const ERASED = '{"erased": true}';

/** The newest row's id: where an erasure's scrub of the outbox ends (rows after it are its own or later). */
export async function newestOutboxId(q: Queryable): Promise<number> {
  const { rows } = await q.query<{ id: string | null }>('SELECT max(id) AS id FROM outbox');
  return Number(rows[0]?.id ?? 0);
}

/**
 * Account deletion (SPEC §14): delivered rows with ids in (afterId, afterId + span], up to `untilId`,
 * whose payload names the user (a path, a push's user id) or concerns one of their sessions (message and
 * session docs, pushes) keep their dedupe key but lose their payload, so a redelivered trigger still
 * records its effect only once. Undelivered rows are left to deliver (erasing one could let a later
 * write to its document overtake it) and go with the retention window. Answers where the next batch starts.
 */
export async function scrubDeliveredMentions(
  q: Queryable,
  range: { afterId: number; untilId: number; span: number },
  mentions: { texts: string[]; sessionIds: string[] },
): Promise<{ next: number; scrubbed: number }> {
  const end = Math.min(range.untilId, range.afterId + range.span);
  const res = await q.query(
    `UPDATE outbox SET payload = $5::jsonb
     WHERE id > $1 AND id <= $2 AND delivered_at IS NOT NULL AND payload <> $5::jsonb
       AND (EXISTS (SELECT 1 FROM unnest($3::text[]) AS m(t) WHERE strpos(payload::text, m.t) > 0)
         OR split_part(payload->>'path', '/', 2) = ANY($4::text[])
         OR payload->'message'->'data'->>'session_id' = ANY($4::text[]))`,
    [range.afterId, end, mentions.texts, mentions.sessionIds, ERASED],
  );
  return { next: end, scrubbed: res.rowCount ?? 0 };
}

/**
 * Retention (SPEC §14): up to `limit` rows delivered before `cutoff` (and dead letters created before it)
 * go. `cutoff` must lie beyond every redelivery horizon (Cloud Tasks retries for a day, the blast
 * subscription dead-letters within hours), so a dedupe key is never dropped while its trigger can come back.
 */
export async function purgeDeliveredBefore(q: Queryable, cutoff: Date, limit: number): Promise<number> {
  const res = await q.query(
    `DELETE FROM outbox WHERE id = ANY(ARRAY(
       SELECT id FROM outbox
       WHERE delivered_at < $1 OR (delivered_at IS NULL AND attempts >= $3 AND created_at < $1)
       ORDER BY id LIMIT $2))`,
    [cutoff, limit, MAX_OUTBOX_ATTEMPTS],
  );
  return res.rowCount ?? 0;
}
