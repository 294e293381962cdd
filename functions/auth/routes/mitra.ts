import { createRoute } from '@hono/zod-openapi';
import type { AuthService } from '../../../shared/auth/service';
import { deviceInfo, requireUser, type AuthGuards } from '../../../shared/http/auth-middleware';
import { createRouter } from '../../../shared/http/function-app';
import {
  errorResponses,
  jsonBody,
  jsonResponse,
  mitraAuthSchema,
  mitraProfileSchema,
  otpRequestBody,
  otpRequestResponse,
  otpVerifyBody,
} from '../schemas';

const tags = ['auth: mitra'];

export function mitraAuthRoutes(auth: AuthService, guards: AuthGuards) {
  const r = createRouter();
  r.openapi(
    createRoute({
      method: 'post',
      path: '/api/mitra/auth/otp/request',
      tags,
      request: jsonBody(otpRequestBody),
      responses: { 200: jsonResponse('OTP sent', otpRequestResponse), ...errorResponses },
    }),
    async (c) => c.json(await auth.requestOtp('mitra', c.req.valid('json').phone, deviceInfo(c).ip), 200),
  );
  r.openapi(
    createRoute({
      method: 'post',
      path: '/api/mitra/auth/otp/verify',
      tags,
      request: jsonBody(otpVerifyBody.omit({ anonymous_customer_id: true })),
      responses: { 200: jsonResponse('Signed in', mitraAuthSchema), ...errorResponses },
    }),
    async (c) => {
      const b = c.req.valid('json');
      return c.json(await auth.verifyMitraOtp({ otpRequestId: b.otp_request_id, code: b.code }, deviceInfo(c)), 200);
    },
  );
  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/mitra/auth/me',
      tags,
      middleware: [requireUser(guards, 'mitra')] as const,
      responses: { 200: jsonResponse('Profile', mitraProfileSchema), ...errorResponses },
    }),
    async (c) => c.json(await auth.mitraMe(c.get('principal')), 200),
  );
  return r;
}
