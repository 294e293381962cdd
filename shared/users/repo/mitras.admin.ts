import type { Queryable } from '../../db/pool';
import { likePattern, phoneDigits } from '../search';
import { COLUMNS, liveStatusList, type MitraRow } from './mitras';

/** The control center's reads over mitras (SPEC §9), with the projections it reads through. */

/** What the control center reads: every column. */
const ADMIN = COLUMNS.join(', ');
/** What a page names a mitra by. */
const NAME = ['id', 'display_name'] as const satisfies readonly (typeof COLUMNS)[number][];

/**
 * Dashboard fragment (a one-row CTE body): online, available (SPEC §6 definition), active and all mitras.
 * Placeholders are the caller's, so the dashboard stays one statement; `liveStatuses` are the session
 * statuses that hold a place (the sessions feature's).
 */
export function mitraFiguresSql(p: {
  now: string;
  staleSeconds: string;
  maxSessions: string;
  liveStatuses: readonly string[];
}): string {
  return `SELECT
      count(*) FILTER (WHERE m.is_online AND m.is_active)::int AS online_mitras,
      count(*) FILTER (WHERE m.is_online AND m.is_active
        AND m.last_heartbeat_at > ${p.now}::timestamptz - make_interval(secs => ${p.staleSeconds})
        AND COALESCE(cap.n, 0) < ${p.maxSessions})::int AS available_mitras,
      count(*) FILTER (WHERE m.is_active)::int AS active_mitras,
      count(*)::int AS total_mitras
    FROM mitras m
    LEFT JOIN (SELECT mitra_id, count(*) AS n FROM chat_sessions WHERE status IN (${liveStatusList(p.liveStatuses)}) GROUP BY mitra_id) cap
      ON cap.mitra_id = m.id`;
}

export interface MitraFilter {
  q?: string;
  online?: boolean;
  active?: boolean;
  /** Restricts to these ids (the flagged filter). */
  ids?: string[];
}

/** Newest first, keyset on (created_at, id); search over name and phone. Deleted accounts are gone here. */
export async function listMitras(
  q: Queryable,
  f: MitraFilter,
  page: { limit: number; before?: [string, string] },
): Promise<MitraRow[]> {
  const { rows } = await q.query<MitraRow>(
    `SELECT ${ADMIN} FROM mitras
     WHERE erased_at IS NULL AND ($1::text IS NULL OR display_name ILIKE $1 OR ($2::text IS NOT NULL AND phone LIKE $2))
       AND ($3::boolean IS NULL OR (is_online AND is_active) = $3) AND ($4::boolean IS NULL OR is_active = $4)
       AND ($5::uuid[] IS NULL OR id = ANY($5::uuid[]))
       AND ($6::timestamptz IS NULL OR (created_at, id) < ($6::timestamptz, $7::uuid))
     ORDER BY created_at DESC, id DESC LIMIT $8`,
    [
      f.q ? likePattern(f.q) : null,
      f.q && phoneDigits(f.q) ? likePattern(phoneDigits(f.q)!) : null,
      f.online ?? null,
      f.active ?? null,
      f.ids ?? null,
      page.before?.[0] ?? null,
      page.before?.[1] ?? null,
      page.limit,
    ],
  );
  return rows;
}

/** Display names of the mitras a page mentions. */
export async function mitraNames(q: Queryable, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const { rows } = await q.query<Pick<MitraRow, (typeof NAME)[number]>>(
    `SELECT ${NAME.join(', ')} FROM mitras WHERE id = ANY($1::uuid[])`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
