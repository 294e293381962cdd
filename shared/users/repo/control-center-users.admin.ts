import type { Queryable } from '../../db/pool';
import { likePattern } from '../search';
import { COLUMNS, type CcUserRow } from './control-center-users';

/** The control center's reads over its users (SPEC §9), with the projections it reads through. */

type Column = (typeof COLUMNS)[number];
/** What the list shows (never the password hash or the failure count). */
const ADMIN = [
  'id',
  'email',
  'display_name',
  'role_id',
  'lockout_until',
  'created_at',
] as const satisfies readonly Column[];
export type AdminCcUserRow = Pick<CcUserRow, (typeof ADMIN)[number]>;
/** What an audit page names an actor by. */
const NAME = ['id', 'email', 'display_name'] as const satisfies readonly Column[];

/** Control-center users, newest first, keyset on (created_at, id); search over email and name. */
export async function listCcUsers(
  q: Queryable,
  f: { q?: string; role?: string },
  page: { limit: number; before?: [string, string] },
): Promise<AdminCcUserRow[]> {
  const { rows } = await q.query<AdminCcUserRow>(
    `SELECT ${ADMIN.join(', ')} FROM control_center_users
     WHERE ($1::text IS NULL OR email ILIKE $1 OR display_name ILIKE $1) AND ($2::text IS NULL OR role_id = $2)
       AND ($3::timestamptz IS NULL OR (created_at, id) < ($3::timestamptz, $4::uuid))
     ORDER BY created_at DESC, id DESC LIMIT $5`,
    [f.q ? likePattern(f.q) : null, f.role ?? null, page.before?.[0] ?? null, page.before?.[1] ?? null, page.limit],
  );
  return rows;
}

/** The control-center users an audit page names. */
export async function ccUsersByIds(q: Queryable, ids: string[]) {
  if (ids.length === 0) return new Map<string, { email: string; display_name: string }>();
  const { rows } = await q.query<Pick<CcUserRow, (typeof NAME)[number]>>(
    `SELECT ${NAME.join(', ')} FROM control_center_users WHERE id = ANY($1::uuid[])`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.id, { email: r.email, display_name: r.display_name }]));
}
