import type { Context, MiddlewareHandler } from 'hono';
import { type DeviceInfo, type UserType } from '../auth';
import { AppError } from '../errors';
import { type Permission } from '../users';
import { clientIpFromForwardedFor } from './client-ip';
import type { AppEnv, CcPrincipal, CustomerPrincipal, MitraPrincipal, MobilePrincipal, Principal } from './types';

type WithPrincipal<P> = { Variables: AppEnv['Variables'] & { principal: P } };

/** The one bearer parser: undefined without a header, TOKEN_INVALID for a malformed one. */
export function bearer(header: string | undefined | null): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new AppError('TOKEN_INVALID', 'Header Authorization harus "Bearer <token>"');
  return match[1];
}

async function verifiedPrincipal(c: Context<AppEnv>): Promise<Principal> {
  const token = bearer(c.req.header('authorization'));
  if (!token) throw new AppError('AUTH_MISSING');
  return c.var.guards.accessTokens.verify(token);
}

/** 401 without or with a bad token; 403 for a valid token of another user type. */
function requireType<P extends Principal>(...types: UserType[]): MiddlewareHandler<WithPrincipal<P>> {
  return async (c, next) => {
    const principal = await verifiedPrincipal(c as unknown as Context<AppEnv>);
    if (!types.includes(principal.userType)) throw new AppError('FORBIDDEN');
    c.set('principal', principal as P);
    await next();
  };
}

export const requireCustomer = requireType<CustomerPrincipal>('customer');
export const requireMitra = requireType<MitraPrincipal>('mitra');
export const requireMobileUser = requireType<MobilePrincipal>('customer', 'mitra');
export const requireCcUser = requireType<CcPrincipal>('cc_user');

/** Sets the principal when a valid token is present (e.g. a guest upgrading); never rejects its absence. */
export const optionalUser: MiddlewareHandler<WithPrincipal<Principal | undefined>> = async (c, next) => {
  const token = bearer(c.req.header('authorization'));
  c.set('principal', token ? await c.var.guards.accessTokens.verify(token) : undefined);
  await next();
};

/** A control-center user whose role carries the permission. */
export function requirePermission(permission: Permission): MiddlewareHandler<WithPrincipal<CcPrincipal>> {
  return (c, next) =>
    requireCcUser(c, async () => {
      const role = c.var.principal.role;
      if (!role || !(await c.var.guards.permissions.of(role)).includes(permission)) {
        throw new AppError('FORBIDDEN', `Butuh izin ${permission}`);
      }
      await next();
    });
}

/** When IAP fronts /internal/*, its signed header must be present and valid (defence against bypass). */
export function requireIap(iap: { verify(assertion: string): Promise<void> }): MiddlewareHandler {
  return async (c, next) => {
    const assertion = c.req.header('x-goog-iap-jwt-assertion');
    if (!assertion) throw new AppError('IAP_REQUIRED');
    try {
      await iap.verify(assertion);
    } catch {
      throw new AppError('IAP_REQUIRED');
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
