import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AuthService, TokenPair } from '../../../shared/auth/service';
import { AppError } from '../../../shared/errors';
import {
  deviceInfo,
  optionalUser,
  requirePermission,
  requireUser,
  type AuthGuards,
} from '../../../shared/http/auth-middleware';
import { createRouter } from '../../../shared/http/function-app';
import { ccProfileSchema, errorResponses, jsonBody, jsonResponse } from '../schemas';

const tags = ['auth: control center'];
export const CC_REFRESH_COOKIE = 'cc_refresh_token';
const COOKIE_PATH = '/internal/auth';

const accessSchema = z.object({ access_token: z.string(), token_type: z.literal('Bearer'), expires_in: z.number() });
const loginSchema = accessSchema.extend({
  profile: ccProfileSchema,
  role: z.string(),
  permissions: z.array(z.string()),
});

export function controlCenterAuthRoutes(auth: AuthService, guards: AuthGuards, refreshTtlDays: number) {
  const r = createRouter();
  const ccUser = requireUser(guards, 'cc_user');

  /** The refresh token lives only in an HttpOnly cookie scoped to /internal/auth; the SPA never sees it. */
  const withCookie = (c: Context, tokens: TokenPair) => {
    setCookie(c, CC_REFRESH_COOKIE, tokens.refresh_token, {
      httpOnly: true,
      secure: true,
      sameSite: 'Strict',
      path: COOKIE_PATH,
      maxAge: refreshTtlDays * 86400,
    });
    return { access_token: tokens.access_token, token_type: tokens.token_type, expires_in: tokens.expires_in };
  };

  r.openapi(
    createRoute({
      method: 'post',
      path: '/internal/auth/login',
      tags,
      request: jsonBody(z.object({ email: z.string().trim().min(3).max(254), password: z.string().min(1).max(200) })),
      responses: {
        200: jsonResponse('Signed in; refresh token set in the cc_refresh_token cookie', loginSchema),
        ...errorResponses,
        423: { description: 'ACCOUNT_LOCKED' },
      },
    }),
    async (c) => {
      const b = c.req.valid('json');
      const result = await auth.ccLogin(b.email, b.password, deviceInfo(c));
      return c.json(
        {
          ...withCookie(c, result.tokens),
          profile: result.profile,
          role: result.role,
          permissions: result.permissions,
        },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/internal/auth/refresh',
      tags,
      responses: { 200: jsonResponse('Rotated; new cookie set', accessSchema), ...errorResponses },
    }),
    async (c) => {
      const token = getCookie(c, CC_REFRESH_COOKIE);
      if (!token) throw new AppError('REFRESH_INVALID', 'No refresh cookie');
      return c.json(withCookie(c, (await auth.refresh(token, deviceInfo(c), 'cc_user')).tokens), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/internal/auth/logout',
      tags,
      middleware: [optionalUser(guards)] as const,
      responses: { 204: { description: 'Signed out; cookie cleared' } },
    }),
    async (c) => {
      const principal = c.get('principal');
      const cookie = getCookie(c, CC_REFRESH_COOKIE);
      if (principal?.userType === 'cc_user') await auth.logout(principal);
      else if (cookie) await auth.logoutByRefreshToken(cookie);
      deleteCookie(c, CC_REFRESH_COOKIE, { path: COOKIE_PATH, secure: true, httpOnly: true, sameSite: 'Strict' });
      return c.body(null, 204);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/internal/auth/me',
      tags,
      middleware: [ccUser] as const,
      responses: {
        200: jsonResponse(
          'Me',
          z.object({ profile: ccProfileSchema, role: z.string(), permissions: z.array(z.string()) }),
        ),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await auth.ccMe(c.get('principal')), 200),
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/internal/control-center-users',
      tags,
      middleware: [requirePermission(guards, 'control_center_users:create')] as const,
      request: jsonBody(
        z.object({
          email: z.string().trim().email().max(254),
          password: z.string().max(200),
          display_name: z.string().trim().min(1).max(80),
          role: z.string().min(1),
        }),
      ),
      responses: {
        201: jsonResponse('Created', ccProfileSchema),
        ...errorResponses,
        409: { description: 'EMAIL_TAKEN' },
        422: { description: 'PASSWORD_* complexity codes' },
      },
    }),
    async (c) => c.json(await auth.createCcUser(c.req.valid('json')), 201),
  );

  r.openapi(
    createRoute({
      method: 'patch',
      path: '/internal/control-center-users/me/password',
      tags,
      middleware: [ccUser] as const,
      request: jsonBody(z.object({ current_password: z.string().min(1).max(200), new_password: z.string().max(200) })),
      responses: {
        204: { description: 'Changed; other sessions revoked' },
        ...errorResponses,
        422: { description: 'PASSWORD_* complexity codes' },
      },
    }),
    async (c) => {
      const b = c.req.valid('json');
      await auth.changeOwnPassword(c.get('principal'), b.current_password, b.new_password);
      return c.body(null, 204);
    },
  );

  r.openapi(
    createRoute({
      method: 'patch',
      path: '/internal/control-center-users/{id}/password',
      tags,
      middleware: [requirePermission(guards, 'control_center_users:update')] as const,
      request: {
        params: z.object({ id: z.string().uuid() }),
        ...jsonBody(z.object({ new_password: z.string().max(200) })),
      },
      responses: {
        204: { description: 'Reset; the user’s sessions revoked' },
        ...errorResponses,
        404: { description: 'NOT_FOUND' },
      },
    }),
    async (c) => {
      await auth.adminResetPassword(c.req.valid('param').id, c.req.valid('json').new_password);
      return c.body(null, 204);
    },
  );
  return r;
}
