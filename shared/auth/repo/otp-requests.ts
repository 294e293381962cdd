import type { Queryable } from '../../db/pool';

export type OtpUserType = 'customer' | 'mitra';

export interface OtpRequestRow {
  id: string;
  user_type: OtpUserType;
  phone: string;
  ip: string | null;
  code_hash: string;
  provider: string;
  provider_ref: string | null;
  attempts: number;
  expires_at: Date;
  used_at: Date | null;
  created_at: Date;
}

/** otp_requests: every column, in one list; the projection below is a subset of it. */
export const COLUMNS = [
  'id',
  'user_type',
  'phone',
  'ip',
  'code_hash',
  'provider',
  'provider_ref',
  'attempts',
  'expires_at',
  'used_at',
  'created_at',
] as const satisfies readonly (keyof OtpRequestRow)[];
/** What a verification decides a code by. */
const VERIFY = [
  'user_type',
  'phone',
  'code_hash',
  'attempts',
  'expires_at',
  'used_at',
] as const satisfies readonly (typeof COLUMNS)[number][];
export type OtpRow = Pick<OtpRequestRow, (typeof VERIFY)[number]>;

/** Serialises every OTP request for this phone and this IP (limits are counted under them). */
export async function lockOtpLimits(q: Queryable, phone: string, ip: string | undefined): Promise<void> {
  await q.query("SELECT pg_advisory_xact_lock(hashtext('otp-phone:' || $1))", [phone]);
  if (ip) await q.query("SELECT pg_advisory_xact_lock(hashtext('otp-ip:' || $1))", [ip]);
}

export async function recentByPhone(q: Queryable, phone: string, userType: OtpUserType, since: Date) {
  const { rows } = await q.query<{ n: number; newest: Date | null; oldest: Date | null }>(
    `SELECT count(*)::int AS n, max(created_at) AS newest, min(created_at) AS oldest
     FROM otp_requests WHERE phone = $1 AND user_type = $2 AND created_at > $3`,
    [phone, userType, since],
  );
  return rows[0]!;
}

export async function recentByIp(q: Queryable, ip: string, since: Date) {
  const { rows } = await q.query<{ n: number; oldest: Date | null }>(
    'SELECT count(*)::int AS n, min(created_at) AS oldest FROM otp_requests WHERE ip = $1 AND created_at > $2',
    [ip, since],
  );
  return rows[0]!;
}

export async function insertOtp(
  q: Queryable,
  o: {
    id: string;
    userType: OtpUserType;
    phone: string;
    ip?: string;
    codeHash: string;
    provider: string;
    expiresAt: Date;
    now: Date;
  },
): Promise<void> {
  await q.query(
    `INSERT INTO otp_requests (id, user_type, phone, ip, code_hash, provider, expires_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [o.id, o.userType, o.phone, o.ip ?? null, o.codeHash, o.provider, o.expiresAt, o.now],
  );
}

export async function setProviderRef(q: Queryable, id: string, providerRef: string): Promise<void> {
  await q.query('UPDATE otp_requests SET provider_ref = $2 WHERE id = $1', [id, providerRef]);
}

export async function deleteOtp(q: Queryable, id: string): Promise<void> {
  await q.query('DELETE FROM otp_requests WHERE id = $1', [id]);
}

/** Row-locked, so one verification at a time decides a code. */
export async function lockOtp(q: Queryable, id: string): Promise<OtpRow | undefined> {
  const { rows } = await q.query<OtpRow>(
    `SELECT ${VERIFY.join(', ')} FROM otp_requests WHERE id = $1 FOR NO KEY UPDATE`,
    [id],
  );
  return rows[0];
}

export async function countWrongAttempt(q: Queryable, id: string): Promise<void> {
  await q.query('UPDATE otp_requests SET attempts = attempts + 1 WHERE id = $1', [id]);
}

export async function markOtpUsed(q: Queryable, id: string, now: Date): Promise<void> {
  await q.query('UPDATE otp_requests SET used_at = $2 WHERE id = $1', [id, now]);
}
