import type { Queryable } from '../db/pool';

/** The control center's reads and operator writes over users (SPEC §9); the users feature owns these tables. */

export interface AdminMitraRow {
  id: string;
  phone: string;
  display_name: string;
  is_active: boolean;
  is_online: boolean;
  last_heartbeat_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const MITRA_COLUMNS = 'id, phone, display_name, is_active, is_online, last_heartbeat_at, created_at, updated_at';

/** `%…%` for ILIKE with the caller's wildcards taken literally. */
export const likePattern = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** What a search string may mean as a phone: its digits, a leading 0 read as Indonesia's 62 (phones are E.164). */
export function phoneDigits(q: string): string | null {
  const digits = q.replace(/\D/g, '');
  if (digits.length < 3) return null;
  return digits.startsWith('0') ? `62${digits.slice(1)}` : digits;
}

export interface MitraFilter {
  q?: string;
  online?: boolean;
  active?: boolean;
  /** Restricts to these ids (the flagged filter). */
  ids?: string[];
}

/** Newest first, keyset on (created_at, id); search over name and phone. */
export async function listMitras(
  q: Queryable,
  f: MitraFilter,
  page: { limit: number; before?: [string, string] },
): Promise<AdminMitraRow[]> {
  const { rows } = await q.query<AdminMitraRow>(
    `SELECT ${MITRA_COLUMNS} FROM mitras
     WHERE ($1::text IS NULL OR display_name ILIKE $1 OR ($2::text IS NOT NULL AND phone LIKE $2))
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

export async function findAdminMitra(q: Queryable, id: string, lock = false): Promise<AdminMitraRow | undefined> {
  const { rows } = await q.query<AdminMitraRow>(
    `SELECT ${MITRA_COLUMNS} FROM mitras WHERE id = $1${lock ? ' FOR NO KEY UPDATE' : ''}`,
    [id],
  );
  return rows[0];
}

/** An operator's edit; a deactivated mitra is offline too (it can no longer heartbeat or accept). */
export async function updateMitraByOperator(
  q: Queryable,
  id: string,
  patch: { display_name?: string; is_active?: boolean },
  now: Date,
): Promise<AdminMitraRow | undefined> {
  const { rows } = await q.query<AdminMitraRow>(
    `UPDATE mitras SET display_name = COALESCE($2, display_name), is_active = COALESCE($3, is_active),
       is_online = CASE WHEN $3 = false THEN false ELSE is_online END, updated_at = $4
     WHERE id = $1 RETURNING ${MITRA_COLUMNS}`,
    [id, patch.display_name ?? null, patch.is_active ?? null, now],
  );
  return rows[0];
}

export interface AdminCustomerRow {
  id: string;
  display_name: string;
  phone: string | null;
  email: string | null;
  google_sub: string | null;
  apple_sub: string | null;
  is_banned: boolean;
  banned_at: Date | null;
  ban_reason: string | null;
  created_at: Date;
}

const CUSTOMER_COLUMNS =
  'id, display_name, phone, email, google_sub, apple_sub, is_banned, banned_at, ban_reason, created_at';

/** Newest first, keyset on (created_at, id); search over name, phone and email. */
export async function listCustomers(
  q: Queryable,
  f: { q?: string; banned?: boolean; ids?: string[] },
  page: { limit: number; before?: [string, string] },
): Promise<AdminCustomerRow[]> {
  const { rows } = await q.query<AdminCustomerRow>(
    `SELECT ${CUSTOMER_COLUMNS} FROM customers
     WHERE ($1::text IS NULL OR display_name ILIKE $1 OR email ILIKE $1 OR ($2::text IS NOT NULL AND phone LIKE $2))
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

export async function findAdminCustomer(q: Queryable, id: string): Promise<AdminCustomerRow | undefined> {
  const { rows } = await q.query<AdminCustomerRow>(`SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE id = $1`, [id]);
  return rows[0];
}

/**
 * Bans (with a reason) or unbans. A repeated ban keeps the first `banned_at` and takes the new reason.
 * Locks the row, so a ban and a refresh of the same customer are ordered.
 */
export async function setCustomerBan(
  q: Queryable,
  id: string,
  ban: { reason: string } | null,
  now: Date,
): Promise<AdminCustomerRow | undefined> {
  const { rows } = await q.query<AdminCustomerRow>(
    `UPDATE customers SET is_banned = $2, banned_at = CASE WHEN $2 THEN COALESCE(banned_at, $4) END,
       ban_reason = CASE WHEN $2 THEN $3 END, updated_at = $4
     WHERE id = $1 RETURNING ${CUSTOMER_COLUMNS}`,
    [id, ban !== null, ban?.reason ?? null, now],
  );
  return rows[0];
}

/** Display names of the people a page mentions, in one round trip per kind. */
export async function namesOf(
  q: Queryable,
  ids: { customers: string[]; mitras: string[] },
): Promise<{ customers: Map<string, string>; mitras: Map<string, string> }> {
  const [c, m] = await Promise.all([
    ids.customers.length
      ? q.query<{ id: string; display_name: string }>(
          'SELECT id, display_name FROM customers WHERE id = ANY($1::uuid[])',
          [[...new Set(ids.customers)]],
        )
      : { rows: [] },
    ids.mitras.length
      ? q.query<{ id: string; display_name: string }>(
          'SELECT id, display_name FROM mitras WHERE id = ANY($1::uuid[])',
          [[...new Set(ids.mitras)]],
        )
      : { rows: [] },
  ]);
  return {
    customers: new Map(c.rows.map((r) => [r.id, r.display_name])),
    mitras: new Map(m.rows.map((r) => [r.id, r.display_name])),
  };
}

export interface AdminCcUserRow {
  id: string;
  email: string;
  display_name: string;
  role_id: string;
  lockout_until: Date | null;
  created_at: Date;
}

/** Control-center users, newest first, keyset on (created_at, id); search over email and name. */
export async function listCcUsers(
  q: Queryable,
  f: { q?: string; role?: string },
  page: { limit: number; before?: [string, string] },
): Promise<AdminCcUserRow[]> {
  const { rows } = await q.query<AdminCcUserRow>(
    `SELECT id, email, display_name, role_id, lockout_until, created_at FROM control_center_users
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
  const { rows } = await q.query<{ id: string; email: string; display_name: string }>(
    'SELECT id, email, display_name FROM control_center_users WHERE id = ANY($1::uuid[])',
    [[...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.id, { email: r.email, display_name: r.display_name }]));
}
