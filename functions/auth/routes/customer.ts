import { createRoute, z } from '@hono/zod-openapi';
import type { AuthService } from '../../../shared/auth/service';
import { deviceInfo, optionalUser, requireUser, type AuthGuards } from '../../../shared/http/auth-middleware';
import { createRouter } from '../../../shared/http/function-app';
import {
  customerAuthSchema,
  customerProfileSchema,
  errorResponses,
  jsonBody,
  jsonResponse,
  otpRequestBody,
  otpRequestResponse,
  otpVerifyBody,
} from '../schemas';

const tags = ['auth: customer'];

export function customerAuthRoutes(auth: AuthService, guards: AuthGuards) {
  const r = createRouter();

  r.openapi(
    createRoute({
      method: 'post',
      path: '/api/client/auth/otp/request',
      tags,
      request: jsonBody(otpRequestBody),
      responses: { 200: jsonResponse('OTP sent', otpRequestResponse), ...errorResponses },
    }),
    async (c) => c.json(await auth.requestOtp('customer', c.req.valid('json').phone, deviceInfo(c).ip), 200),
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/api/client/auth/otp/verify',
      tags,
      summary: 'Sign in or upgrade the caller’s guest (anonymous_customer_id + the guest’s bearer token)',
      middleware: [optionalUser(guards)] as const,
      request: jsonBody(otpVerifyBody),
      responses: { 200: jsonResponse('Signed in', customerAuthSchema), ...errorResponses },
    }),
    async (c) => {
      const b = c.req.valid('json');
      const result = await auth.verifyCustomerOtp(
        { otpRequestId: b.otp_request_id, code: b.code, anonymousCustomerId: b.anonymous_customer_id },
        c.get('principal'),
        deviceInfo(c),
      );
      return c.json(result, 200);
    },
  );

  for (const provider of ['google', 'apple'] as const) {
    r.openapi(
      createRoute({
        method: 'post',
        path: `/api/client/auth/${provider}`,
        tags,
        middleware: [optionalUser(guards)] as const,
        request: jsonBody(
          z.object({ id_token: z.string().min(10).max(8192), anonymous_customer_id: z.string().uuid().optional() }),
        ),
        responses: {
          200: jsonResponse('Signed in', customerAuthSchema),
          ...errorResponses,
          503: { description: 'PROVIDER_NOT_CONFIGURED' },
        },
      }),
      async (c) => {
        const b = c.req.valid('json');
        return c.json(
          await auth.signInWithProvider(
            provider,
            b.id_token,
            b.anonymous_customer_id,
            c.get('principal'),
            deviceInfo(c),
          ),
          200,
        );
      },
    );
  }

  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/client/auth/me',
      tags,
      middleware: [requireUser(guards, 'customer')] as const,
      responses: { 200: jsonResponse('Profile', customerProfileSchema), ...errorResponses },
    }),
    async (c) => c.json(await auth.customerMe(c.get('principal')), 200),
  );

  r.openapi(
    createRoute({
      method: 'patch',
      path: '/api/client/auth/profile',
      tags,
      middleware: [requireUser(guards, 'customer')] as const,
      request: jsonBody(z.object({ display_name: z.string().trim().min(1).max(50) })),
      responses: { 200: jsonResponse('Profile', customerProfileSchema), ...errorResponses },
    }),
    async (c) => c.json(await auth.updateCustomerProfile(c.get('principal'), c.req.valid('json').display_name), 200),
  );
  return r;
}
