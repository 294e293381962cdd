import { AppError } from '../errors';
import { customerProfile, type IdentityField } from '../users';
import type { Principal } from './access-tokens';
import { assertNotBanned, resolveCustomer } from './customer-identity';
import type { AuthDeps } from './deps';
import { signedIn, startSession } from './issue-tokens';
import { txKeepingWrites } from './keep-writes';
import type { DeviceInfo } from './refresh-sessions';

export type SocialProvider = 'google' | 'apple';
const FIELD: Record<SocialProvider, IdentityField> = { google: 'google_sub', apple: 'apple_sub' };

/** Sign-in (or guest upgrade) with a Google or Apple id_token verified against the provider's keys. */
export async function socialSignIn(
  deps: Pick<AuthDeps, 'db' | 'clock' | 'refreshPolicy' | 'tokens' | 'idTokens'>,
  input: { provider: SocialProvider; idToken: string; anonymousCustomerId?: string },
  caller: Principal | undefined,
  device: DeviceInfo,
) {
  const verifier = deps.idTokens[input.provider];
  if (!verifier) throw new AppError('PROVIDER_NOT_CONFIGURED', `Masuk dengan ${input.provider} belum tersedia`);
  const claims = await verifier.verify(input.idToken);
  const { customer, session } = await txKeepingWrites(deps.db, async (c) => {
    const customer = await resolveCustomer(
      c,
      { field: FIELD[input.provider], value: claims.sub, email: claims.email ?? null, name: claims.name },
      input.anonymousCustomerId,
      caller,
      deps.clock.now(),
    );
    assertNotBanned(customer);
    return { customer, session: await startSession(deps, c, { userType: 'customer', userId: customer.id }, device) };
  });
  return signedIn(deps, session, customerProfile(customer));
}
