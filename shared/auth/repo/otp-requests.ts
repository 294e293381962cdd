import type { Queryable } from '../../db/pool';

export type OtpUserType = 'customer' | 'mitra';

export interface OtpRequestRow {
  id: string;
  user_type: OtpUserType;
  phone: string;
  ip: string | null;
  /** What the per-address limit counts by: the address's key (IPv6 /64; 'unknown' when none was seen). */
  ip_key: string;
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
  'ip_key',
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

/**
 * Serialises the OTP requests a limit counts together, each count taken under its lock: the phone's,
 * then the address key's, then (`budget`) the whole service's. Always in that order, so never a cycle.
 */
export async function lockOtpLimit(q: Queryable, on: { phone: string } | { ipKey: string } | 'budget') {
  const key = on === 'budget' ? 'otp-budget' : 'phone' in on ? `otp-phone:${on.phone}` : `otp-ip:${on.ipKey}`;
  await q.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
}

/** Codes sent to a phone since `since`, by both apps' flows together (SPEC §4 counts per phone). */
export async function recentByPhone(q: Queryable, phone: string, since: Date) {
  const { rows } = await q.query<{ n: number; newest: Date | null; oldest: Date | null }>(
    `SELECT count(*)::int AS n, max(created_at) AS newest, min(created_at) AS oldest
     FROM otp_requests WHERE phone = $1 AND created_at > $2`,
    [phone, since],
  );
  return rows[0]!;
}

/** Codes asked for from one address key since `since`, oldest first where it matters (the window's end). */
export async function recentByIpKey(q: Queryable, ipKey: string, since: Date) {
  const { rows } = await q.query<{ n: number; oldest: Date | null }>(
    'SELECT count(*)::int AS n, min(created_at) AS oldest FROM otp_requests WHERE ip_key = $1 AND created_at > $2',
    [ipKey, since],
  );
  return rows[0]!;
}

/** Codes the whole service sent since `since` (the hourly SMS budget). */
export async function sentSince(q: Queryable, since: Date) {
  const { rows } = await q.query<{ n: number; oldest: Date | null }>(
    'SELECT count(*)::int AS n, min(created_at) AS oldest FROM otp_requests WHERE created_at > $1',
    [since],
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
    ipKey: string;
    codeHash: string;
    provider: string;
    expiresAt: Date;
    now: Date;
  },
): Promise<void> {
  await q.query(
    `INSERT INTO otp_requests (id, user_type, phone, ip, ip_key, code_hash, provider, expires_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [o.id, o.userType, o.phone, o.ip ?? null, o.ipKey, o.codeHash, o.provider, o.expiresAt, o.now],
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

/** Every OTP request sent to the phone for this flow (account deletion): the number is not kept. */
export async function deleteOtpRequestsOf(q: Queryable, userType: OtpUserType, phone: string): Promise<number> {
  const res = await q.query('DELETE FROM otp_requests WHERE user_type = $1 AND phone = $2', [userType, phone]);
  return res.rowCount ?? 0;
}

/** Retention (SPEC §14): up to `limit` requests older than `cutoff`, long past every limit that counts them. */
export async function deleteOtpRequestsBefore(q: Queryable, cutoff: Date, limit: number): Promise<number> {
  const res = await q.query(
    'DELETE FROM otp_requests WHERE id IN (SELECT id FROM otp_requests WHERE created_at < $1 LIMIT $2)',
    [cutoff, limit],
  );
  return res.rowCount ?? 0;
}
