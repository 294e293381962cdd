import { createHash, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import type { PoolClient } from 'pg';
import type { Clock } from '../clock';
import type { ConfigReader } from '../config/reader';
import type { Db } from '../db/pool';
import { tx } from '../db/tx';
import { AppError } from '../errors';
import type { OtpProvider } from '../ports/otp-provider';
import { normaliseIndonesianPhone } from './phone';

export const OTP_TTL_SECONDS = 300;
export type OtpUserType = 'customer' | 'mitra';

const codeHash = (id: string, code: string) => createHash('sha256').update(`${id}:${code}`).digest();
const secondsBetween = (later: Date, earlier: Date) => (later.getTime() - earlier.getTime()) / 1000;

export interface OtpDeps {
  db: Db;
  clock: Clock;
  config: ConfigReader;
  provider: OtpProvider;
}

/** Rate-limited OTP issue. Limits are settled under per-phone and per-IP advisory locks. */
export async function requestOtp(
  deps: OtpDeps,
  input: { userType: OtpUserType; phone: string; ip: string | undefined },
) {
  const phone = normaliseIndonesianPhone(input.phone);
  const cfg = await deps.config.get();
  const now = deps.clock.now();
  const hourAgo = new Date(now.getTime() - 3600_000);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');

  const otpId = await tx(deps.db, async (c) => {
    await c.query("SELECT pg_advisory_xact_lock(hashtext('otp-phone:' || $1))", [phone]);
    if (input.ip) await c.query("SELECT pg_advisory_xact_lock(hashtext('otp-ip:' || $1))", [input.ip]);

    const byPhone = await c.query<{ n: number; newest: Date | null; oldest: Date | null }>(
      `SELECT count(*)::int AS n, max(created_at) AS newest, min(created_at) AS oldest
       FROM otp_requests WHERE phone = $1 AND user_type = $2 AND created_at > $3`,
      [phone, input.userType, hourAgo],
    );
    const p = byPhone.rows[0]!;
    if (p.newest && secondsBetween(now, p.newest) < cfg.otp_resend_cooldown_seconds) {
      throw AppError.rateLimited('OTP_COOLDOWN', cfg.otp_resend_cooldown_seconds - secondsBetween(now, p.newest));
    }
    if (p.n >= cfg.otp_max_per_phone_per_hour) {
      throw AppError.rateLimited('OTP_RATE_LIMIT_PHONE', 3600 - secondsBetween(now, p.oldest!));
    }
    if (input.ip) {
      const byIp = await c.query<{ n: number; oldest: Date | null }>(
        'SELECT count(*)::int AS n, min(created_at) AS oldest FROM otp_requests WHERE ip = $1 AND created_at > $2',
        [input.ip, hourAgo],
      );
      const i = byIp.rows[0]!;
      if (i.n >= cfg.otp_max_per_ip_per_hour) {
        throw AppError.rateLimited('OTP_RATE_LIMIT_IP', 3600 - secondsBetween(now, i.oldest!));
      }
    }
    const id = randomUUID();
    await c.query(
      `INSERT INTO otp_requests (id, user_type, phone, ip, code_hash, provider, expires_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        id,
        input.userType,
        phone,
        input.ip ?? null,
        codeHash(id, code).toString('hex'),
        deps.provider.name,
        new Date(now.getTime() + OTP_TTL_SECONDS * 1000),
        now,
      ],
    );
    return id;
  });

  try {
    const { providerRef } = await deps.provider.send({ otpRequestId: otpId, phone, code });
    await deps.db.query('UPDATE otp_requests SET provider_ref = $2 WHERE id = $1', [otpId, providerRef]);
  } catch {
    // Not sent: do not let it count against the user's limits.
    await deps.db.query('DELETE FROM otp_requests WHERE id = $1', [otpId]);
    throw new AppError('OTP_SEND_FAILED', 'Kode OTP gagal dikirim, coba lagi');
  }
  return {
    otp_request_id: otpId,
    expires_at: new Date(now.getTime() + OTP_TTL_SECONDS * 1000).toISOString(),
    resend_after_seconds: cfg.otp_resend_cooldown_seconds,
  };
}

export type OtpCheck = { ok: true; phone: string } | { ok: false; error: AppError };

/**
 * Checks and consumes an OTP inside the caller's transaction (row-locked, so a code is used once).
 * Failures that must be remembered (a wrong attempt) are returned, not thrown, so the caller commits.
 */
export async function consumeOtp(
  c: PoolClient,
  input: { otpRequestId: string; userType: OtpUserType; code: string },
  now: Date,
  maxAttempts: number,
): Promise<OtpCheck> {
  const { rows } = await c.query<{
    user_type: OtpUserType;
    phone: string;
    code_hash: string;
    attempts: number;
    expires_at: Date;
    used_at: Date | null;
  }>(
    'SELECT user_type, phone, code_hash, attempts, expires_at, used_at FROM otp_requests WHERE id = $1 FOR NO KEY UPDATE',
    [input.otpRequestId],
  );
  const otp = rows[0];
  if (!otp) return { ok: false, error: new AppError('OTP_NOT_FOUND', 'Permintaan OTP tidak ditemukan') };
  if (otp.user_type !== input.userType)
    return { ok: false, error: new AppError('WRONG_FLOW', 'Kode ini untuk aplikasi lain') };
  if (otp.used_at) return { ok: false, error: new AppError('OTP_USED', 'Kode sudah digunakan') };
  if (otp.expires_at <= now)
    return { ok: false, error: new AppError('OTP_EXPIRED', 'Kode OTP kedaluwarsa. Minta kode baru.') };
  if (otp.attempts >= maxAttempts) {
    return {
      ok: false,
      error: AppError.rateLimited('OTP_ATTEMPTS_EXCEEDED', secondsBetween(otp.expires_at, now)),
    };
  }
  const expected = Buffer.from(otp.code_hash, 'hex');
  const given = codeHash(input.otpRequestId, input.code);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    await c.query('UPDATE otp_requests SET attempts = attempts + 1 WHERE id = $1', [input.otpRequestId]);
    return {
      ok: false,
      error: new AppError('CODE_MISMATCH', 'Kode OTP salah', {
        attempts_left: Math.max(0, maxAttempts - otp.attempts - 1),
      }),
    };
  }
  await c.query('UPDATE otp_requests SET used_at = $2 WHERE id = $1', [input.otpRequestId, now]);
  return { ok: true, phone: otp.phone };
}
