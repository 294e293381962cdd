import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import {
  type AuthDeps,
  ccLogin,
  ccMe,
  logout,
  logoutByRefreshToken,
  refresh,
  type TokenPair,
} from '../../../shared/auth';
import { AppError } from '../../../shared/errors';
import { deviceInfo } from '../../../shared/http/auth-middleware';
import { createRouter } from '../../../shared/http/function-app';
import { jsonBody, jsonResponse } from '../../../shared/http/openapi';
import { sameOriginOnly } from '../../../shared/http/same-origin';
import { access, defineRoute, type Access } from '../../../shared/http/route';
import { CcAccessToken, CcLogin, CcMe } from '../schemas';

const tags = ['auth: control center'];
export const CC_REFRESH_COOKIE = 'cc_refresh_token';
const COOKIE_PATH = '/internal/auth';

const CcLoginBody = z
  .object({ email: z.string().trim().min(3).max(254), password: z.string().min(1).max(200) })
  .openapi('CcLoginBody');

/** Logout works with the access token, or with the refresh cookie alone (the SPA lost its token). */
const cookieOrBearer = {
  middleware: access.optionalUser.middleware,
  security: [
    { iapAssertion: [], ccRefreshCookie: [] },
    { iapAssertion: [], bearerAuth: [] },
  ] as Array<Record<string, string[]>>,
  errors: [...access.iapCookie.errors, ...access.optionalUser.errors],
} satisfies Access;

export const ccLoginRoute = defineRoute(access.iap, {
  method: 'post',
  path: '/internal/auth/login',
  operationId: 'ccLogin',
  summary: 'Control-center sign-in (refresh token in an HttpOnly cookie)',
  tags,
  request: jsonBody(CcLoginBody),
  responses: { 200: jsonResponse('Signed in; refresh token set in the cc_refresh_token cookie', CcLogin) },
  errors: ['INVALID_CREDENTIALS', 'ACCOUNT_LOCKED', 'FORBIDDEN'],
});

export const ccRefreshRoute = defineRoute(access.iapCookie, {
  method: 'post',
  path: '/internal/auth/refresh',
  operationId: 'ccRefresh',
  summary: 'Rotate the control-center refresh cookie for a new access token',
  tags,
  responses: { 200: jsonResponse('Rotated; new cookie set', CcAccessToken) },
  errors: ['REFRESH_INVALID', 'FORBIDDEN'],
});

export const ccLogoutRoute = defineRoute(cookieOrBearer, {
  method: 'post',
  path: '/internal/auth/logout',
  operationId: 'ccLogout',
  summary: 'Control-center sign-out; clears the refresh cookie',
  tags,
  responses: { 204: { description: 'Signed out; cookie cleared' } },
  errors: ['FORBIDDEN'],
});

export const ccMeRoute = defineRoute(access.ccUser, {
  method: 'get',
  path: '/internal/auth/me',
  operationId: 'ccMe',
  summary: 'The signed-in operator, role and permissions',
  tags,
  responses: { 200: jsonResponse('The signed-in operator, their role and permissions', CcMe) },
  errors: ['NOT_FOUND'],
});

export function controlCenterSessionRoutes(deps: AuthDeps) {
  /** The refresh token lives only in an HttpOnly cookie scoped to /internal/auth; the SPA never sees it. */
  const withCookie = (c: Context, tokens: TokenPair) => {
    setCookie(c, CC_REFRESH_COOKIE, tokens.refresh_token, {
      httpOnly: true,
      secure: true,
      sameSite: 'Strict',
      path: COOKIE_PATH,
      maxAge: deps.refreshPolicy.ttlDays * 86400,
    });
    return { access_token: tokens.access_token, token_type: tokens.token_type, expires_in: tokens.expires_in };
  };

  const router = createRouter();
  for (const route of [ccLoginRoute, ccRefreshRoute, ccLogoutRoute]) router.use(route.path, sameOriginOnly);
  return router
    .openapi(ccLoginRoute, async (c) => {
      const { email, password } = c.req.valid('json');
      const { tokens, ...rest } = await ccLogin(deps, { email, password, device: deviceInfo(c) });
      return c.json({ ...withCookie(c, tokens), ...rest }, 200);
    })
    .openapi(ccRefreshRoute, async (c) => {
      const token = getCookie(c, CC_REFRESH_COOKIE);
      if (!token) throw new AppError('REFRESH_INVALID', 'Cookie refresh tidak ada');
      const { tokens } = await refresh(deps, { refreshToken: token, device: deviceInfo(c), audience: 'cc_user' });
      return c.json(withCookie(c, tokens), 200);
    })
    .openapi(ccLogoutRoute, async (c) => {
      const principal = c.var.principal;
      const cookie = getCookie(c, CC_REFRESH_COOKIE);
      if (principal?.userType === 'cc_user') await logout(deps, principal);
      else if (cookie) await logoutByRefreshToken(deps, cookie);
      deleteCookie(c, CC_REFRESH_COOKIE, { path: COOKIE_PATH, secure: true, httpOnly: true, sameSite: 'Strict' });
      return c.body(null, 204);
    })
    .openapi(ccMeRoute, async (c) => c.json(await ccMe(deps, c.var.principal.userId), 200));
}
