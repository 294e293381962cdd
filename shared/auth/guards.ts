import type { Env } from '../env';
import { oncePerRuntime } from '../feature-deps';
import type { Runtime } from '../runtime';
import { RolePermissions } from '../users';
import { AccessTokens } from './access-tokens';
import { signingKey } from './keys';
import type { RefreshPolicy } from './refresh-sessions';
import { RevocationCache } from './revocations';

/** Token verification and role permissions, built once per process (every function needs them). */
export const authGuards = oncePerRuntime((rt: Runtime) => {
  const { env } = rt;
  const current = signingKey(env.AUTH_SIGNING_KEY, env.AUTH_SIGNING_KEY_ID);
  const previous = env.AUTH_SIGNING_KEY_PREVIOUS
    ? signingKey(env.AUTH_SIGNING_KEY_PREVIOUS, env.AUTH_SIGNING_KEY_PREVIOUS_ID ?? 'previous')
    : undefined;
  const revocations = new RevocationCache(
    rt.db,
    rt.clock,
    env.REVOCATION_MAX_LAG_SECONDS,
    env.ACCESS_TOKEN_TTL_SECONDS,
  );
  const accessTokens = new AccessTokens(
    current,
    previous,
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
