import { randomInt } from 'node:crypto';
import type { Queryable } from '../db/pool';

export interface CustomerRow {
  id: string;
  display_name: string;
  phone: string | null;
  email: string | null;
  google_sub: string | null;
  apple_sub: string | null;
  is_banned: boolean;
  created_at: Date;
}

export type IdentityField = 'phone' | 'google_sub' | 'apple_sub';

const COLUMNS = 'id, display_name, phone, email, google_sub, apple_sub, is_banned, created_at';

export const isGuest = (c: CustomerRow) => !c.phone && !c.google_sub && !c.apple_sub;

export function generatedDisplayName(): string {
  return `Bestie ${randomInt(1000, 10000)}`;
}

export async function createCustomer(
  q: Queryable,
  fields: { display_name: string; phone?: string; email?: string | null; google_sub?: string; apple_sub?: string },
  now: Date,
): Promise<CustomerRow> {
  const { rows } = await q.query<CustomerRow>(
    `INSERT INTO customers (display_name, phone, email, google_sub, apple_sub, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING ${COLUMNS}`,
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
    `SELECT ${COLUMNS} FROM customers WHERE id = $1${lock ? ' FOR NO KEY UPDATE' : ''}`,
    [id],
  );
  return rows[0];
}

export async function findCustomerBy(
  q: Queryable,
  field: IdentityField,
  value: string,
): Promise<CustomerRow | undefined> {
  const { rows } = await q.query<CustomerRow>(`SELECT ${COLUMNS} FROM customers WHERE ${field} = $1`, [value]);
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
    `UPDATE customers SET ${field} = $2, email = COALESCE(email, $3), updated_at = $4 WHERE id = $1 RETURNING ${COLUMNS}`,
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
    `UPDATE customers SET display_name = $2, updated_at = $3 WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, displayName, now],
  );
  return rows[0];
}

export function customerProfile(c: CustomerRow) {
  return {
    id: c.id,
    display_name: c.display_name,
    phone: c.phone,
    email: c.email,
    is_guest: isGuest(c),
    linked: { phone: !!c.phone, google: !!c.google_sub, apple: !!c.apple_sub },
    created_at: c.created_at.toISOString(),
  };
}
