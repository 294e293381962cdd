import type { PoolClient } from 'pg';
import type { AccessTokens, Principal, UserType } from './access-tokens';
import { createAuthSession, type DeviceInfo, type RefreshPolicy } from './refresh-sessions';

export interface TokenPair {
  access_token: string;
  refresh_token: string;
  token_type: 'Bearer';
  expires_in: number;
}

/** A sign-in's new auth session (inside the caller's transaction, so it commits with the sign-in). */
export async function startSession(
  deps: { clock: { now(): Date }; refreshPolicy: RefreshPolicy },
  c: PoolClient,
  who: { userType: UserType; userId: string; role?: string },
  device: DeviceInfo,
): Promise<{ principal: Principal; refreshToken: string }> {
  const { sessionId, refreshToken } = await createAuthSession(
    c,
    who.userType,
    who.userId,
    device,
    deps.clock.now(),
    deps.refreshPolicy,
  );
  const principal: Principal = {
    userId: who.userId,
    userType: who.userType,
    sessionId,
    ...(who.role ? { role: who.role } : {}),
  };
  return { principal, refreshToken };
}

/** The one token-issuing tail: every sign-in and refresh answers this pair. */
export async function issueTokens(
  deps: { tokens: AccessTokens },
  session: { principal: Principal; refreshToken: string },
): Promise<TokenPair> {
  return {
    access_token: await deps.tokens.sign(session.principal),
    refresh_token: session.refreshToken,
    token_type: 'Bearer',
    expires_in: deps.tokens.ttlSeconds,
  };
}

/** A mobile sign-in's answer: the pair and the profile it signed in as. */
export async function signedIn<P>(
  deps: { tokens: AccessTokens },
  session: { principal: Principal; refreshToken: string },
  profile: P,
): Promise<TokenPair & { profile: P }> {
  return { ...(await issueTokens(deps, session)), profile };
}
