import { randomUUID } from 'node:crypto';
import { tx } from '../db/tx';
import { AppError } from '../errors';
import { ipKey } from '../limits';
import type { AuthDeps } from './deps';
import { newOtpCode, OTP_TTL_SECONDS, otpCodeHash, secondsBetween } from './otp-code';
import {
  deleteOtp,
  insertOtp,
  lockOtpLimit,
  recentByIpKey,
  recentByPhone,
  sentSince,
  setProviderRef,
  type OtpUserType,
} from './repo/otp-requests';
import { normaliseIndonesianPhone } from './phone';
import { mayHaveBeenSent } from '../ports/otp-provider';

export type { OtpUserType };

/** The log line the Terraform alert on the SMS budget counts (terraform/monitoring.tf): keep it verbatim. */
export const OTP_BUDGET_EXHAUSTED = 'OTP hourly SMS budget exhausted';

/**
 * Rate-limited OTP issue (SPEC §4, §13): the resend cool-down and 3 codes an hour per phone across both
 * apps' flows, 10 an hour per address key (an IPv6 /64; an unknown address is one shared key), and the
 * whole service's hourly SMS budget. Each is counted under its own advisory lock, in that order, so
 * parallel requests cannot both pass on the same count.
 */
export async function requestOtp(
  deps: Pick<AuthDeps, 'db' | 'clock' | 'config' | 'otpProvider' | 'appCheck' | 'logger'>,
  input: { userType: OtpUserType; phone: string; ip: string | undefined; appCheckToken?: string },
) {
  await deps.appCheck.require(input.appCheckToken);
  const phone = normaliseIndonesianPhone(input.phone);
  const address = ipKey(input.ip);
  const cfg = await deps.config.get();
  const now = deps.clock.now();
  const hourAgo = new Date(now.getTime() - 3600_000);
  const expiresAt = new Date(now.getTime() + OTP_TTL_SECONDS * 1000);
  const code = newOtpCode();

  const otpId = await tx(deps.db, async (c) => {
    await lockOtpLimit(c, { phone });
    const p = await recentByPhone(c, phone, hourAgo);
    if (p.newest && secondsBetween(now, p.newest) < cfg.otp_resend_cooldown_seconds) {
      throw AppError.rateLimited('OTP_COOLDOWN', cfg.otp_resend_cooldown_seconds - secondsBetween(now, p.newest));
    }
    if (p.n >= cfg.otp_max_per_phone_per_hour) {
      throw AppError.rateLimited('OTP_RATE_LIMIT_PHONE', 3600 - secondsBetween(now, p.oldest!));
    }
    await lockOtpLimit(c, { ipKey: address });
    const i = await recentByIpKey(c, address, hourAgo);
    if (i.n >= cfg.otp_max_per_ip_per_hour) {
      throw AppError.rateLimited('OTP_RATE_LIMIT_IP', 3600 - secondsBetween(now, i.oldest!));
    }
    await lockOtpLimit(c, 'budget');
    const sent = await sentSince(c, hourAgo);
    if (sent.n >= cfg.limits.otp.hourly_budget) {
      deps.logger.error(OTP_BUDGET_EXHAUSTED, { budget: cfg.limits.otp.hourly_budget, sent_last_hour: sent.n });
      throw new AppError('OTP_UNAVAILABLE', undefined, {
        retry_after_seconds: Math.max(1, Math.ceil(3600 - secondsBetween(now, sent.oldest!))),
      });
    }
    const id = randomUUID();
    await insertOtp(c, {
      id,
      userType: input.userType,
      phone,
      ip: input.ip,
      ipKey: address,
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
  } catch (err) {
    // Surely not sent: it does not count against the user's limits. Perhaps sent (a timeout): it counts,
    // so the resend cool-down stands between the user's retry and a second SMS.
    if (!mayHaveBeenSent(err)) await deleteOtp(deps.db, otpId);
    deps.logger.warn('OTP send failed', {
      otp_request_id: otpId,
      maybe_sent: mayHaveBeenSent(err),
      error: err as Error,
    });
    throw new AppError('OTP_SEND_FAILED');
  }
  return {
    otp_request_id: otpId,
    expires_at: expiresAt.toISOString(),
    resend_after_seconds: cfg.otp_resend_cooldown_seconds,
  };
}
