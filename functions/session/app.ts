import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '../../shared/http/auth-middleware';
import { createFunctionApp } from '../../shared/http/function-app';
import { jsonBody, jsonResponse } from '../../shared/http/openapi';
import type { Runtime } from '../../shared/runtime';
import { currentSessionsOf, sessionView } from '../../shared/sessions/repo';
import { expireSession } from '../../shared/sessions/timers';
import { SESSION_EXPIRE_PATH } from '../../shared/pairing/service';

const loose = z.record(z.string(), z.unknown());

export function createSessionApp(rt: Runtime) {
  const app = createFunctionApp('session', rt);
  const guards = { accessTokens: rt.accessTokens, permissions: rt.permissions };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/client/sessions/active',
      tags: ['sessions'],
      middleware: [requireUser(guards, 'customer')] as const,
      responses: {
        200: jsonResponse(
          'The customer’s current session (no topic_sensitivity), or null',
          z.object({ session: loose.nullable() }),
        ),
      },
    }),
    async (c) => {
      const [s] = await currentSessionsOf(rt.db, 'customer', c.get('principal').userId);
      return c.json({ session: s ? sessionView(s, s, 'customer') : null }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/mitra/sessions/active',
      tags: ['sessions'],
      middleware: [requireUser(guards, 'mitra')] as const,
      responses: {
        200: jsonResponse(
          'The mitra’s current sessions (with topic_sensitivity)',
          z.object({ sessions: z.array(loose) }),
        ),
      },
    }),
    async (c) =>
      c.json(
        {
          sessions: (await currentSessionsOf(rt.db, 'mitra', c.get('principal').userId)).map((s) =>
            sessionView(s, s, 'mitra'),
          ),
        },
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: SESSION_EXPIRE_PATH,
      tags: ['private'],
      request: jsonBody(z.object({ session_id: z.string().uuid(), version: z.number().int() })),
      responses: { 204: { description: 'Handled (idempotent, version-checked)' } },
    }),
    async (c) => {
      const b = c.req.valid('json');
      await expireSession(rt, b.session_id, b.version);
      return c.body(null, 204);
    },
  );
  return app;
}
