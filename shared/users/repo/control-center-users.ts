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

/**
 * Takes one login attempt for the account before its password is checked (SPEC §4, §13): counted, and
 * the Nth consecutive one sets the lock, in one statement under the row's lock, so N parallel guesses
 * take N numbered attempts and the (max + 1)th finds the account locked. Undefined when no account has
 * this email or it is locked now; an expired lock starts the count again. A success resets the count.
 */
export async function claimLoginAttempt(
  q: Queryable,
  email: string,
  now: Date,
  maxFailures: number,
  lockMinutes: number,
): Promise<CcUserRow | undefined> {
  const next = 'CASE WHEN lockout_until IS NOT NULL THEN 1 ELSE failed_login_count + 1 END';
  const { rows } = await q.query<CcUserRow>(
    `UPDATE control_center_users SET
       failed_login_count = ${next},
       lockout_until = CASE WHEN ${next} >= $3 THEN $2::timestamptz + make_interval(mins => $4) END
     WHERE lower(email) = lower($1) AND (lockout_until IS NULL OR lockout_until <= $2)
     RETURNING ${ALL}`,
    [email, now, maxFailures, lockMinutes],
  );
  return rows[0];
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
