import { createRoute, z } from '@hono/zod-openapi';
import type { AuthService } from '../../../shared/auth/service';
import { AppError } from '../../../shared/errors';
import { deviceInfo, requireUser, type AuthGuards } from '../../../shared/http/auth-middleware';
import { createRouter } from '../../../shared/http/function-app';
import { customerAuthSchema, errorResponses, jsonBody, jsonResponse, tokenPairSchema } from '../schemas';

const tags = ['auth: shared'];
const anonymousBody = z.object({ display_name: z.string().trim().min(1).max(50).optional() });

/** The body is optional here: empty means {}, anything else must be JSON. */
async function optionalJson(req: Request): Promise<unknown> {
  const text = await req.text();
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('BAD_REQUEST', 'The request body is not valid JSON');
  }
}

export function sharedAuthRoutes(auth: AuthService, guards: AuthGuards) {
  const r = createRouter();
  const mobileUser = requireUser(guards, 'customer', 'mitra');

  r.openapi(
    createRoute({
      method: 'post',
      path: '/api/shared/auth/anonymous',
      tags,
      summary: 'Create a guest customer; optional body {display_name} (a name is generated when absent)',
      responses: { 201: jsonResponse('Guest created', customerAuthSchema), ...errorResponses },
    }),
    async (c) => {
      const parsed = anonymousBody.parse(await optionalJson(c.req.raw));
      return c.json(await auth.signInAnonymous(parsed.display_name, deviceInfo(c)), 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/api/shared/auth/refresh',
      tags,
      request: jsonBody(z.object({ refresh_token: z.string().min(1).max(512) })),
      responses: {
        200: jsonResponse('New token pair (the refresh token is rotated)', tokenPairSchema),
        ...errorResponses,
      },
    }),
    async (c) => c.json((await auth.refresh(c.req.valid('json').refresh_token, deviceInfo(c), 'mobile')).tokens, 200),
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/api/shared/auth/logout',
      tags,
      middleware: [mobileUser] as const,
      responses: { 204: { description: 'Signed out' }, ...errorResponses },
    }),
    async (c) => {
      await auth.logout(c.get('principal'));
      return c.body(null, 204);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/api/shared/auth/firebase-token',
      tags,
      middleware: [mobileUser] as const,
      responses: {
        200: jsonResponse(
          'Firebase custom token',
          z.object({ firebase_token: z.string(), uid: z.string(), expires_at: z.string() }),
        ),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await auth.firebaseToken(c.get('principal')), 200),
  );

  r.openapi(
    createRoute({
      method: 'put',
      path: '/api/shared/device-token',
      tags,
      middleware: [mobileUser] as const,
      request: jsonBody(
        z.object({
          fcm_token: z.string().min(10).max(4096),
          device_id: z.string().min(1).max(200),
          platform: z.enum(['android', 'ios']),
        }),
      ),
      responses: { 204: { description: 'Stored' }, ...errorResponses },
    }),
    async (c) => {
      const p = c.get('principal');
      const b = c.req.valid('json');
      await auth.putDeviceToken({
        userType: p.userType as 'customer' | 'mitra',
        userId: p.userId,
        deviceId: b.device_id,
        fcmToken: b.fcm_token,
        platform: b.platform,
      });
      return c.body(null, 204);
    },
  );

  r.openapi(
    createRoute({
      method: 'delete',
      path: '/api/shared/device-token',
      tags,
      middleware: [mobileUser] as const,
      request: jsonBody(z.object({ device_id: z.string().min(1).max(200) })),
      responses: { 204: { description: 'Removed (idempotent)' }, ...errorResponses },
    }),
    async (c) => {
      await auth.deleteDeviceToken(c.get('principal'), c.req.valid('json').device_id);
      return c.body(null, 204);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/.well-known/jwks.json',
      tags,
      responses: {
        200: jsonResponse(
          'Access-token verification keys',
          z.object({ keys: z.array(z.record(z.string(), z.unknown())) }),
        ),
      },
    }),
    async (c) => {
      c.header('Cache-Control', 'public, max-age=300');
      return c.json(await guards.accessTokens.jwks(), 200);
    },
  );
  return r;
}
