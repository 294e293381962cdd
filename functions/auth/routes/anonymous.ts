import { z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { type AuthDeps, signInAnonymous } from '../../../shared/auth';
import { deviceInfo } from '../../../shared/http/auth-middleware';
import { createRouter } from '../../../shared/http/function-app';
import { jsonResponse } from '../../../shared/http/openapi';
import { access, defineRoute, type Access } from '../../../shared/http/route';
import { CustomerAuth } from '../schemas';
import { AbuseHeaders, NameText } from '../../../shared/http/schemas';

/**
 * The body is optional: a client that labels an empty body as JSON (common in mobile HTTP libraries)
 * gets what a client sending no body gets, instead of a 400 for unparseable JSON.
 */
const emptyBodyIsNoBody: MiddlewareHandler = async (c, next) => {
  // A body the shell already read (to refuse control characters) was not empty.
  if (c.req.header('content-type') && !c.req.raw.bodyUsed && !(await c.req.raw.clone().text()).trim()) {
    const headers = new Headers(c.req.raw.headers);
    headers.delete('content-type');
    c.req.raw = new Request(c.req.raw.url, { method: c.req.raw.method, headers });
  }
  await next();
};
const publicOptionalBody = { ...access.public, middleware: [emptyBodyIsNoBody] } satisfies Access;

const AnonymousSignUpBody = z.object({ display_name: NameText(50).optional() }).openapi('AnonymousSignUpBody');

export const signInAnonymousRoute = defineRoute(publicOptionalBody, {
  method: 'post',
  path: '/api/shared/auth/anonymous',
  operationId: 'sharedSignInAnonymous',
  tags: ['auth: shared'],
  summary: 'Create a guest customer (limited per client address and device); the body is optional',
  request: {
    headers: AbuseHeaders,
    body: { content: { 'application/json': { schema: AnonymousSignUpBody } }, required: false },
  },
  responses: { 201: jsonResponse('Guest created', CustomerAuth) },
  errors: ['APP_CHECK_INVALID', 'RATE_LIMITED', 'PROVIDER_UNAVAILABLE'],
});

export function anonymousRoutes(deps: AuthDeps) {
  return createRouter().openapi(signInAnonymousRoute, async (c) => {
    const h = c.req.valid('header');
    const input = {
      displayName: c.req.valid('json').display_name,
      device: deviceInfo(c),
      deviceId: h['x-device-id'],
      appCheckToken: h['x-firebase-appcheck'],
    };
    return c.json(await signInAnonymous(deps, input), 201);
  });
}
