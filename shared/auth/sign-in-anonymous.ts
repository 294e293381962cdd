import { tx } from '../db/tx';
import { createCustomer, customerProfile, generatedDisplayName } from '../users';
import type { AuthDeps } from './deps';
import { signedIn, startSession } from './issue-tokens';
import type { DeviceInfo } from './refresh-sessions';

/** A guest customer (a generated name when none is given) with its first session. */
export async function signInAnonymous(
  deps: Pick<AuthDeps, 'db' | 'clock' | 'refreshPolicy' | 'tokens'>,
  input: { displayName?: string; device: DeviceInfo },
) {
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
