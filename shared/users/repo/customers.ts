import type { Queryable } from '../../db/pool';

export interface CustomerRow {
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
  /** Set when the account was deleted (SPEC §14): the row is then a stub without personal data. */
  erased_at: Date | null;
}

export type IdentityField = 'phone' | 'google_sub' | 'apple_sub';

/** customers: every column a reader gets, in one list (the control center reads them all). */
export const COLUMNS = [
  'id',
  'display_name',
  'phone',
  'email',
  'google_sub',
  'apple_sub',
  'is_banned',
  'banned_at',
  'ban_reason',
  'created_at',
  'erased_at',
] as const satisfies readonly (keyof CustomerRow)[];
const ALL = COLUMNS.join(', ');

export async function createCustomer(
  q: Queryable,
  fields: { display_name: string; phone?: string; email?: string | null; google_sub?: string; apple_sub?: string },
  now: Date,
): Promise<CustomerRow> {
  const { rows } = await q.query<CustomerRow>(
    `INSERT INTO customers (display_name, phone, email, google_sub, apple_sub, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING ${ALL}`,
    [
      fields.display_name,
      fields.phone ?? null,
      fields.email ?? null,
      fields.google_sub ?? null,
      fields.apple_sub ?? null,
      now,
    ],
  );
  return rows[0]!;
}

/** Serialises every sign-in for one identity, so parallel first sign-ins create one row. */
export async function lockIdentity(q: Queryable, field: IdentityField, value: string): Promise<void> {
  await q.query("SELECT pg_advisory_xact_lock(hashtext('identity:' || $1 || ':' || $2))", [field, value]);
}

export async function findCustomer(q: Queryable, id: string, lock = false): Promise<CustomerRow | undefined> {
  const { rows } = await q.query<CustomerRow>(
    `SELECT ${ALL} FROM customers WHERE id = $1${lock ? ' FOR NO KEY UPDATE' : ''}`,
    [id],
  );
  return rows[0];
}

export async function findCustomerBy(
  q: Queryable,
  field: IdentityField,
  value: string,
): Promise<CustomerRow | undefined> {
  const { rows } = await q.query<CustomerRow>(`SELECT ${ALL} FROM customers WHERE ${field} = $1`, [value]);
  return rows[0];
}

/** Adds an identity to an existing row (guest upgrade); the id and display name stay. */
export async function linkIdentity(
  q: Queryable,
  id: string,
  field: IdentityField,
  value: string,
  email: string | null | undefined,
  now: Date,
): Promise<CustomerRow> {
  const { rows } = await q.query<CustomerRow>(
    `UPDATE customers SET ${field} = $2, email = COALESCE(email, $3), updated_at = $4 WHERE id = $1 RETURNING ${ALL}`,
    [id, value, email ?? null, now],
  );
  return rows[0]!;
}

export async function updateDisplayName(
  q: Queryable,
  id: string,
  displayName: string,
  now: Date,
): Promise<CustomerRow | undefined> {
  const { rows } = await q.query<CustomerRow>(
    `UPDATE customers SET display_name = $2, updated_at = $3 WHERE id = $1 AND erased_at IS NULL RETURNING ${ALL}`,
    [id, displayName, now],
  );
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
): Promise<CustomerRow | undefined> {
  const { rows } = await q.query<CustomerRow>(
    `UPDATE customers SET is_banned = $2, banned_at = CASE WHEN $2 THEN COALESCE(banned_at, $4) END,
       ban_reason = CASE WHEN $2 THEN $3 END, updated_at = $4
     WHERE id = $1 AND erased_at IS NULL RETURNING ${ALL}`,
    [id, ban !== null, ban?.reason ?? null, now],
  );
  return rows[0];
}

/** What a deleted customer's row keeps of a name: the apps and the control center show this instead. */
export const ERASED_NAME = 'Akun dihapus';

/**
 * Account deletion (SPEC §14): the row stays (sessions, payments and ratings point at its id, which is
 * all that is left of the person) and every personal field goes. Undefined for an unknown customer;
 * a second call changes nothing but answers the row.
 */
export async function eraseCustomerRow(q: Queryable, id: string, now: Date): Promise<CustomerRow | undefined> {
  const { rows } = await q.query<CustomerRow>(
    `UPDATE customers SET display_name = $2, phone = NULL, email = NULL, google_sub = NULL, apple_sub = NULL,
       ban_reason = NULL, erased_at = COALESCE(erased_at, $3), updated_at = $3
     WHERE id = $1 RETURNING ${ALL}`,
    [id, ERASED_NAME, now],
  );
  return rows[0];
}
