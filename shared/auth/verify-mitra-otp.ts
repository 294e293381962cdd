import { AppError } from '../errors';
import { findOrCreateMitraByPhone, mitraProfile } from '../users';
import { consumeOtp } from './consume-otp';
import type { AuthDeps } from './deps';
import { signedIn, startSession } from './issue-tokens';
import { FailAfterCommit, txKeepingWrites } from './keep-writes';
import type { DeviceInfo } from './refresh-sessions';

/** Mitra OTP sign-in. An unknown phone becomes an inactive mitra, which an operator activates. */
export async function verifyMitraOtp(
  deps: Pick<AuthDeps, 'db' | 'clock' | 'config' | 'refreshPolicy' | 'tokens'>,
  input: { otpRequestId: string; code: string },
  device: DeviceInfo,
) {
  const cfg = await deps.config.get();
  const { mitra, session } = await txKeepingWrites(deps.db, async (c) => {
    const now = deps.clock.now();
    const phone = await consumeOtp(
      c,
      { otpRequestId: input.otpRequestId, userType: 'mitra', code: input.code },
      now,
      cfg.otp_max_verify_attempts,
    );
    const { mitra } = await findOrCreateMitraByPhone(c, phone, now);
    // The new inactive mitra and the used code commit; the operator activates the account.
    if (!mitra.is_active) throw new FailAfterCommit(new AppError('ACCOUNT_INACTIVE'));
    return { mitra, session: await startSession(deps, c, { userType: 'mitra', userId: mitra.id }, device) };
  });
  return signedIn(deps, session, mitraProfile(mitra));
}
