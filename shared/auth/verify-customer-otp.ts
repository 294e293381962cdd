import { customerProfile } from '../users';
import type { Principal } from './access-tokens';
import { consumeOtp } from './consume-otp';
import { assertNotBanned, resolveCustomer } from './customer-identity';
import type { AuthDeps } from './deps';
import { signedIn, startSession } from './issue-tokens';
import { txKeepingWrites } from './keep-writes';
import type { DeviceInfo } from './refresh-sessions';

/** Customer OTP sign-in, or the upgrade of the caller's own guest (`anonymousCustomerId`). */
export async function verifyCustomerOtp(
  deps: Pick<AuthDeps, 'db' | 'clock' | 'config' | 'refreshPolicy' | 'tokens'>,
  input: { otpRequestId: string; code: string; anonymousCustomerId?: string },
  caller: Principal | undefined,
  device: DeviceInfo,
) {
  const cfg = await deps.config.get();
  const { customer, session } = await txKeepingWrites(deps.db, async (c) => {
    const now = deps.clock.now();
    const phone = await consumeOtp(
      c,
      { otpRequestId: input.otpRequestId, userType: 'customer', code: input.code },
      now,
      cfg.otp_max_verify_attempts,
    );
    const customer = await resolveCustomer(c, { field: 'phone', value: phone }, input.anonymousCustomerId, caller, now);
    assertNotBanned(customer);
    return { customer, session: await startSession(deps, c, { userType: 'customer', userId: customer.id }, device) };
  });
  return signedIn(deps, session, customerProfile(customer));
}
