import type { Queryable } from '../../db/pool';
import { likePattern, phoneDigits } from '../search';
import { COLUMNS, type CustomerRow } from './customers';

/** The control center's reads over customers (SPEC §9), with the projections it reads through. */

/** What the control center reads: every column. */
const ADMIN = COLUMNS.join(', ');
/** What a page names a customer by. */
const NAME = ['id', 'display_name'] as const satisfies readonly (typeof COLUMNS)[number][];

/** Newest first, keyset on (created_at, id); search over name, phone and email. Deleted accounts are gone here. */
export async function listCustomers(
  q: Queryable,
  f: { q?: string; banned?: boolean; ids?: string[] },
  page: { limit: number; before?: [string, string] },
): Promise<CustomerRow[]> {
  const { rows } = await q.query<CustomerRow>(
    `SELECT ${ADMIN} FROM customers
     WHERE erased_at IS NULL AND ($1::text IS NULL OR display_name ILIKE $1 OR email ILIKE $1 OR ($2::text IS NOT NULL AND phone LIKE $2))
       AND ($3::boolean IS NULL OR is_banned = $3) AND ($4::uuid[] IS NULL OR id = ANY($4::uuid[]))
       AND ($5::timestamptz IS NULL OR (created_at, id) < ($5::timestamptz, $6::uuid))
     ORDER BY created_at DESC, id DESC LIMIT $7`,
    [
      f.q ? likePattern(f.q) : null,
      f.q && phoneDigits(f.q) ? likePattern(phoneDigits(f.q)!) : null,
      f.banned ?? null,
      f.ids ?? null,
      page.before?.[0] ?? null,
      page.before?.[1] ?? null,
      page.limit,
    ],
  );
  return rows;
}

/** Display names of the customers a page mentions. */
export async function customerNames(q: Queryable, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const { rows } = await q.query<Pick<CustomerRow, (typeof NAME)[number]>>(
    `SELECT ${NAME.join(', ')} FROM customers WHERE id = ANY($1::uuid[])`,
    [[...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
