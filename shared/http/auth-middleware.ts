import type { Context, MiddlewareHandler } from 'hono';
import type { AccessTokens, UserType } from '../auth/access-tokens';
import type { DeviceInfo } from '../auth/refresh-sessions';
import { AppError } from '../errors';
import type { RolePermissions } from '../users/cc-users';
import { clientIpFromForwardedFor } from './client-ip';
import type { AppEnv } from './types';

export interface AuthGuards {
  accessTokens: AccessTokens;
  permissions: RolePermissions;
}

function bearer(c: Context): string | undefined {
  const header = c.req.header('authorization');
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw AppError.unauthorized('TOKEN_INVALID', 'The Authorization header must be "Bearer <token>"');
  return match[1];
}

/** 401 without or with a bad token; 403 for a valid token of another user type. */
export function requireUser(guards: AuthGuards, ...types: UserType[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = bearer(c);
    if (!token) throw AppError.unauthorized('AUTH_MISSING', 'Authorization is required');
    const principal = await guards.accessTokens.verify(token);
    if (!types.includes(principal.userType)) throw AppError.forbidden();
    c.set('principal', principal);
    await next();
  };
}

/** Sets the principal when a valid token is present (e.g. a guest upgrading); never rejects its absence. */
export function optionalUser(guards: AuthGuards): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = bearer(c);
    if (token) c.set('principal', await guards.accessTokens.verify(token));
    await next();
  };
}

/** A control-center user whose role carries the permission. */
export function requirePermission(guards: AuthGuards, permission: string): MiddlewareHandler<AppEnv> {
  const user = requireUser(guards, 'cc_user');
  return (c, next) =>
    user(c, async () => {
      const role = c.get('principal').role;
      if (!role || !(await guards.permissions.of(role)).includes(permission))
        throw AppError.forbidden(`Requires permission ${permission}`);
      await next();
    });
}

/** When IAP fronts /internal/*, its signed header must be present and valid (defence against bypass). */
export function requireIap(iap: { verify(assertion: string): Promise<void> }): MiddlewareHandler {
  return async (c, next) => {
    const assertion = c.req.header('x-goog-iap-jwt-assertion');
    if (!assertion) throw AppError.unauthorized('IAP_REQUIRED', 'This route is only reachable through IAP');
    try {
      await iap.verify(assertion);
    } catch {
      throw AppError.unauthorized('IAP_REQUIRED', 'The IAP assertion is not valid');
    }
    await next();
  };
}

export function deviceInfo(c: Context): DeviceInfo {
  return {
    user_agent: c.req.header('user-agent')?.slice(0, 300),
    ip: clientIpFromForwardedFor(c.req.header('x-forwarded-for')),
  };
}
