import type { MiddlewareHandler } from 'hono';
import { AppError } from '../errors';
import type { OidcVerifier } from '../security/oidc';

/** Guards /tasks/* and /events/*: only Cloud Tasks / Pub/Sub push with a valid OIDC token. */
export function requireOidc(verifier: OidcVerifier): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header('authorization');
    const token = header?.startsWith('Bearer ') ? header.slice(7) : undefined;
    if (!token) throw AppError.unauthorized('AUTH_MISSING', 'An OIDC bearer token is required');
    try {
      await verifier.verify(token);
    } catch {
      throw AppError.unauthorized('TOKEN_INVALID', 'The OIDC token is not valid for this service');
    }
    await next();
  };
}
