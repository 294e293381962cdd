import type { PoolClient } from 'pg';
import { AppError } from '../errors';
import { FailAfterCommit } from './keep-writes';
import { otpCodeMatches, secondsBetween } from './otp-code';
import { countWrongAttempt, lockOtp, markOtpUsed, type OtpUserType } from './repo/otp-requests';

/**
 * Checks and consumes an OTP inside the caller's `txKeepingWrites` (row-locked, so a code is used once)
 * and returns its phone. A wrong code is counted before failing, so the attempt limit cannot be raced.
 */
export async function consumeOtp(
  c: PoolClient,
  input: { otpRequestId: string; userType: OtpUserType; code: string },
  now: Date,
  maxAttempts: number,
): Promise<string> {
  const otp = await lockOtp(c, input.otpRequestId);
  if (!otp) throw new AppError('OTP_NOT_FOUND');
  if (otp.user_type !== input.userType) throw new AppError('WRONG_FLOW', 'Kode ini untuk aplikasi lain');
  if (otp.used_at) throw new AppError('OTP_USED');
  if (otp.expires_at <= now) throw new AppError('OTP_EXPIRED');
  if (otp.attempts >= maxAttempts)
    throw AppError.rateLimited('OTP_ATTEMPTS_EXCEEDED', secondsBetween(otp.expires_at, now));
  if (!otpCodeMatches(input.otpRequestId, otp.code_hash, input.code)) {
    await countWrongAttempt(c, input.otpRequestId);
    throw new FailAfterCommit(
      new AppError('CODE_MISMATCH', undefined, { attempts_left: Math.max(0, maxAttempts - otp.attempts - 1) }),
    );
  }
  await markOtpUsed(c, input.otpRequestId, now);
  return otp.phone;
}
