import { z } from '@hono/zod-openapi';
import { type AuthDeps, logout, refresh } from '../../../shared/auth';
import { deviceInfo } from '../../../shared/http/auth-middleware';
import { createRouter } from '../../../shared/http/function-app';
import { jsonBody, jsonResponse } from '../../../shared/http/openapi';
import { access, defineRoute } from '../../../shared/http/route';
import { JwkSet, TokenPair } from '../schemas';

const tags = ['auth: shared'];
const RefreshBody = z.object({ refresh_token: z.string().min(1).max(512) }).openapi('RefreshBody');

export const refreshRoute = defineRoute(access.public, {
  method: 'post',
  path: '/api/shared/auth/refresh',
  operationId: 'sharedRefreshTokens',
  summary: 'Rotate a refresh token for a new token pair',
  tags,
  request: jsonBody(RefreshBody),
  responses: { 200: jsonResponse('New token pair (the refresh token is rotated)', TokenPair) },
  errors: ['REFRESH_INVALID', 'ACCOUNT_INACTIVE', 'ACCOUNT_BANNED'],
});

export const logoutRoute = defineRoute(access.mobileUser, {
  method: 'post',
  path: '/api/shared/auth/logout',
  operationId: 'sharedLogout',
  summary: 'Sign out this device (revokes its auth session)',
  tags,
  responses: { 204: { description: 'Signed out' } },
});

export const jwksRoute = defineRoute(access.public, {
  method: 'get',
  path: '/.well-known/jwks.json',
  operationId: 'sharedJwks',
  summary: 'Public keys that verify our access tokens (kid-indexed JWKS)',
  tags,
  responses: { 200: jsonResponse('Access-token verification keys', JwkSet) },
});

export function tokenRoutes(deps: AuthDeps) {
  return createRouter()
    .openapi(refreshRoute, async (c) => {
      const { refresh_token } = c.req.valid('json');
      const { tokens } = await refresh(deps, {
        refreshToken: refresh_token,
        device: deviceInfo(c),
        audience: 'mobile',
      });
      return c.json(tokens, 200);
    })
    .openapi(logoutRoute, async (c) => {
      await logout(deps, c.var.principal);
      return c.body(null, 204);
    })
    .openapi(jwksRoute, (c) => {
      c.header('Cache-Control', 'public, max-age=300');
      return c.json(deps.tokens.jwks() as z.infer<typeof JwkSet>, 200);
    });
}
