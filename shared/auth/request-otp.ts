import { randomUUID } from 'node:crypto';
import { tx } from '../db/tx';
import { AppError } from '../errors';
import type { AuthDeps } from './deps';
import { newOtpCode, OTP_TTL_SECONDS, otpCodeHash, secondsBetween } from './otp-code';
import {
  deleteOtp,
  insertOtp,
  lockOtpLimits,
  recentByIp,
  recentByPhone,
  setProviderRef,
  type OtpUserType,
} from './repo/otp-requests';
import { normaliseIndonesianPhone } from './phone';

export type { OtpUserType };

/** Rate-limited OTP issue. Limits are settled under per-phone and per-IP advisory locks. */
export async function requestOtp(
  deps: Pick<AuthDeps, 'db' | 'clock' | 'config' | 'otpProvider'>,
  input: { userType: OtpUserType; phone: string; ip: string | undefined },
) {
  const phone = normaliseIndonesianPhone(input.phone);
  const cfg = await deps.config.get();
  const now = deps.clock.now();
  const hourAgo = new Date(now.getTime() - 3600_000);
  const expiresAt = new Date(now.getTime() + OTP_TTL_SECONDS * 1000);
  const code = newOtpCode();

  const otpId = await tx(deps.db, async (c) => {
    await lockOtpLimits(c, phone, input.ip);
    const p = await recentByPhone(c, phone, input.userType, hourAgo);
    if (p.newest && secondsBetween(now, p.newest) < cfg.otp_resend_cooldown_seconds) {
      throw AppError.rateLimited('OTP_COOLDOWN', cfg.otp_resend_cooldown_seconds - secondsBetween(now, p.newest));
    }
    if (p.n >= cfg.otp_max_per_phone_per_hour) {
      throw AppError.rateLimited('OTP_RATE_LIMIT_PHONE', 3600 - secondsBetween(now, p.oldest!));
    }
    if (input.ip) {
      const i = await recentByIp(c, input.ip, hourAgo);
      if (i.n >= cfg.otp_max_per_ip_per_hour) {
        throw AppError.rateLimited('OTP_RATE_LIMIT_IP', 3600 - secondsBetween(now, i.oldest!));
      }
    }
    const id = randomUUID();
    await insertOtp(c, {
      id,
      userType: input.userType,
      phone,
      ip: input.ip,
      codeHash: otpCodeHash(id, code).toString('hex'),
      provider: deps.otpProvider.name,
      expiresAt,
      now,
    });
    return id;
  });

  try {
    const { providerRef } = await deps.otpProvider.send({ otpRequestId: otpId, phone, code });
    await setProviderRef(deps.db, otpId, providerRef);
  } catch {
    // Not sent: do not let it count against the user's limits.
    await deleteOtp(deps.db, otpId);
    throw new AppError('OTP_SEND_FAILED');
  }
  return {
    otp_request_id: otpId,
    expires_at: expiresAt.toISOString(),
    resend_after_seconds: cfg.otp_resend_cooldown_seconds,
  };
}
