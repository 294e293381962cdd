import type { Queryable } from '../../db/pool';

export interface CcUserRow {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  role_id: string;
  failed_login_count: number;
  lockout_until: Date | null;
  created_at: Date;
}

/** control_center_users: every column, in one list; the projections beside it are subsets of it. */
export const COLUMNS = [
  'id',
  'email',
  'display_name',
  'password_hash',
  'role_id',
  'failed_login_count',
  'lockout_until',
  'created_at',
] as const satisfies readonly (keyof CcUserRow)[];
const ALL = COLUMNS.join(', ');

export async function findCcUserByEmail(q: Queryable, email: string): Promise<CcUserRow | undefined> {
  const { rows } = await q.query<CcUserRow>(`SELECT ${ALL} FROM control_center_users WHERE lower(email) = lower($1)`, [
    email,
  ]);
  return rows[0];
}

export async function findCcUser(q: Queryable, id: string): Promise<CcUserRow | undefined> {
  const { rows } = await q.query<CcUserRow>(`SELECT ${ALL} FROM control_center_users WHERE id = $1`, [id]);
  return rows[0];
}

/** Returns undefined when the email is taken (unique index on lower(email)). */
export async function insertCcUser(
  q: Queryable,
  u: { email: string; display_name: string; password_hash: string; role_id: string },
  now: Date,
): Promise<CcUserRow | undefined> {
  const { rows } = await q.query<CcUserRow>(
    `INSERT INTO control_center_users (email, display_name, password_hash, role_id, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT DO NOTHING RETURNING ${ALL}`,
    [u.email, u.display_name, u.password_hash, u.role_id, now],
  );
  return rows[0];
}

/** Counts a failed login; the Nth consecutive failure locks the account. An expired lock restarts the count. */
export async function recordFailedLogin(
  q: Queryable,
  id: string,
  now: Date,
  maxFailures: number,
  lockMinutes: number,
): Promise<void> {
  await q.query(
    `UPDATE control_center_users SET
       failed_login_count = CASE WHEN lockout_until IS NOT NULL AND lockout_until <= $2 THEN 1 ELSE failed_login_count + 1 END,
       lockout_until = CASE
         WHEN (CASE WHEN lockout_until IS NOT NULL AND lockout_until <= $2 THEN 1 ELSE failed_login_count + 1 END) >= $3
           THEN $2 + make_interval(mins => $4)
         WHEN lockout_until IS NOT NULL AND lockout_until <= $2 THEN NULL
         ELSE lockout_until END
     WHERE id = $1`,
    [id, now, maxFailures, lockMinutes],
  );
}

export async function resetFailedLogins(q: Queryable, id: string): Promise<void> {
  await q.query('UPDATE control_center_users SET failed_login_count = 0, lockout_until = NULL WHERE id = $1', [id]);
}

export async function setPasswordHash(q: Queryable, id: string, hash: string, now: Date): Promise<boolean> {
  const res = await q.query(
    'UPDATE control_center_users SET password_hash = $2, updated_at = $3, failed_login_count = 0, lockout_until = NULL WHERE id = $1',
    [id, hash, now],
  );
  return (res.rowCount ?? 0) > 0;
}
