import { z } from '@hono/zod-openapi';
import { type AuthDeps, type SocialProvider, socialSignIn } from '../../../shared/auth';
import { deviceInfo } from '../../../shared/http/auth-middleware';
import { createRouter } from '../../../shared/http/function-app';
import { jsonBody, jsonResponse } from '../../../shared/http/openapi';
import { Uuid } from '../../../shared/http/schemas';
import { access, defineRoute } from '../../../shared/http/route';
import { CustomerAuth } from '../schemas';

const SocialSignInBody = z
  .object({ id_token: z.string().min(10).max(8192), anonymous_customer_id: Uuid.optional() })
  .openapi('SocialSignInBody');

const declare = <const P extends SocialProvider>(provider: P, operationId: string) =>
  defineRoute(access.optionalUser, {
    method: 'post',
    path: `/api/client/auth/${provider}`,
    operationId,
    tags: ['auth: customer'],
    summary: `Sign in (or upgrade the caller’s guest) with a ${provider} id_token`,
    request: jsonBody(SocialSignInBody),
    responses: { 200: jsonResponse('Signed in', CustomerAuth) },
    errors: [
      'INVALID_ID_TOKEN',
      'PROVIDER_NOT_CONFIGURED',
      'PROVIDER_UNAVAILABLE',
      'FORBIDDEN',
      'NOT_FOUND',
      'IDENTITY_CONFLICT',
      'ACCOUNT_BANNED',
    ],
  });

export const googleSignInRoute = declare('google', 'customerSignInWithGoogle');
export const appleSignInRoute = declare('apple', 'customerSignInWithApple');

export function socialRoutes(deps: AuthDeps) {
  const r = createRouter();
  for (const [route, provider] of [
    [googleSignInRoute, 'google'],
    [appleSignInRoute, 'apple'],
  ] as const) {
    r.openapi(route, async (c) => {
      const b = c.req.valid('json');
      const input = { provider, idToken: b.id_token, anonymousCustomerId: b.anonymous_customer_id };
      return c.json(await socialSignIn(deps, input, c.var.principal, deviceInfo(c)), 200);
    });
  }
  return r;
}
