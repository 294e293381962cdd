import type { MiddlewareHandler } from 'hono';
import { AppError } from '../errors';
import type { OidcVerifier } from '../security/oidc';
import { bearer } from './auth-middleware';

/** Guards /tasks/* and /events/*: only Cloud Tasks / Pub/Sub push with a valid OIDC token. */
export function requireOidc(verifier: OidcVerifier): MiddlewareHandler {
  return async (c, next) => {
    const token = bearer(c.req.header('authorization'));
    if (!token) throw new AppError('AUTH_MISSING', 'Token OIDC wajib ada');
    try {
      await verifier.verify(token);
    } catch {
      throw new AppError('TOKEN_INVALID', 'Token OIDC tidak berlaku untuk layanan ini');
    }
    await next();
  };
}
