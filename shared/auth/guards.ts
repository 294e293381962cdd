import type { Env } from '../env';
import { oncePerPlatform, type Platform } from '../feature-deps';
import { RolePermissions } from '../users';
import { AccessTokens } from './access-tokens';
import { publicKeys, signingKey, type VerificationKey } from '../security/keys';
import type { RefreshPolicy } from './refresh-sessions';
import { RevocationCache } from './revocations';

/**
 * The keys that verify access tokens: the holder of the private key (auth, the local stack) verifies with
 * its public half, every other function with the published set alone (AUTH_PUBLIC_KEYS).
 */
function verificationKeys(env: Env, current: VerificationKey | undefined): VerificationKey[] {
  if (!current) {
    if (!env.AUTH_PUBLIC_KEYS) throw new Error('neither AUTH_SIGNING_KEY nor AUTH_PUBLIC_KEYS is set');
    return publicKeys(env.AUTH_PUBLIC_KEYS);
  }
  const previous = env.AUTH_SIGNING_KEY_PREVIOUS
    ? signingKey(env.AUTH_SIGNING_KEY_PREVIOUS, env.AUTH_SIGNING_KEY_PREVIOUS_ID ?? 'previous')
    : undefined;
  return previous ? [current, previous] : [current];
}

/** Token verification and role permissions, built once per process (every function needs them). */
export const authGuards = oncePerPlatform((rt: Platform) => {
  const { env } = rt;
  const current = env.AUTH_SIGNING_KEY ? signingKey(env.AUTH_SIGNING_KEY, env.AUTH_SIGNING_KEY_ID) : undefined;
  const revocations = new RevocationCache(
    rt.db,
    rt.clock,
    env.REVOCATION_MAX_LAG_SECONDS,
    env.ACCESS_TOKEN_TTL_SECONDS,
  );
  const accessTokens = new AccessTokens(
    current,
    verificationKeys(env, current),
    { issuer: env.AUTH_ISSUER, ttlSeconds: env.ACCESS_TOKEN_TTL_SECONDS },
    rt.clock,
    revocations,
  );
  return { accessTokens, permissions: new RolePermissions(rt.db) };
});

export const refreshPolicy = (env: Env): RefreshPolicy => ({
  ttlDays: env.REFRESH_TOKEN_TTL_DAYS,
  reuseGraceSeconds: env.REFRESH_REUSE_GRACE_SECONDS,
});
