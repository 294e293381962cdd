import { tx } from '../db/tx';
import { enforceLimit, ipKey } from '../limits';
import { createCustomer, customerProfile, generatedDisplayName } from '../users';
import type { AuthDeps } from './deps';
import { signedIn, startSession } from './issue-tokens';
import type { DeviceInfo } from './refresh-sessions';

/**
 * A guest customer (a generated name when none is given) with its first session. Anyone may ask, so
 * the app must prove itself (App Check) and SPEC §13 limits guests per client address and per device
 * before a row is written.
 */
export async function signInAnonymous(
  deps: Pick<AuthDeps, 'db' | 'clock' | 'config' | 'refreshPolicy' | 'tokens' | 'appCheck'>,
  input: { displayName?: string; device: DeviceInfo; deviceId?: string; appCheckToken?: string },
) {
  await deps.appCheck.require(input.appCheckToken);
  await enforceLimit(deps, 'guest_signup', ipKey(input.device.ip), input.deviceId);
  const { customer, session } = await tx(deps.db, async (c) => {
    const customer = await createCustomer(
      c,
      { display_name: input.displayName ?? generatedDisplayName() },
      deps.clock.now(),
    );
    return {
      customer,
      session: await startSession(deps, c, { userType: 'customer', userId: customer.id }, input.device),
    };
  });
  return signedIn(deps, session, customerProfile(customer));
}
