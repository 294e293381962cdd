import { createRoute, z } from '@hono/zod-openapi';
import { ConfigService } from '../../shared/config/service';
import { requirePermission } from '../../shared/http/auth-middleware';
import { createFunctionApp } from '../../shared/http/function-app';
import { jsonBody, jsonResponse } from '../../shared/http/openapi';
import type { Runtime } from '../../shared/runtime';

export function configService(rt: Runtime) {
  return new ConfigService({ db: rt.db, clock: rt.clock, env: rt.env, reader: rt.config, outbox: rt.outbox });
}

export function createConfigApp(rt: Runtime) {
  const app = createFunctionApp('config', rt);
  const config = configService(rt);
  const guards = { accessTokens: rt.accessTokens, permissions: rt.permissions };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/shared/config',
      tags: ['config'],
      summary: 'What the apps need (no limits, no secrets). ETag + If-None-Match → 304.',
      responses: {
        200: jsonResponse('Public config', z.record(z.string(), z.unknown())),
        304: { description: 'Unchanged' },
      },
    }),
    async (c) => {
      const { body, etag } = await config.publicView();
      c.header('ETag', etag);
      // Always revalidate: a 304 is cheap and operators' changes must show within seconds.
      c.header('Cache-Control', 'no-cache');
      const match = c.req.header('if-none-match');
      if (
        match &&
        match
          .split(',')
          .map((t) => t.trim().replace(/^W\//, ''))
          .includes(etag)
      )
        return c.body(null, 304);
      return c.json(body, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/internal/config',
      tags: ['config: control center'],
      middleware: [requirePermission(guards, 'settings:read')] as const,
      responses: {
        200: jsonResponse('DB values beside the env-derived values and bounds', z.record(z.string(), z.unknown())),
      },
    }),
    async (c) => c.json(await config.internalView(), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/internal/config/audit',
      tags: ['config: control center'],
      middleware: [requirePermission(guards, 'settings:read')] as const,
      request: {
        query: z.object({
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.string().regex(/^\d+$/).optional(),
        }),
      },
      responses: {
        200: jsonResponse(
          'Audit entries, newest first',
          z.object({ entries: z.array(z.record(z.string(), z.unknown())), next_cursor: z.string().nullable() }),
        ),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await config.audit(q.limit, q.cursor ? Number(q.cursor) : undefined), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/internal/config/{section}',
      tags: ['config: control center'],
      summary:
        'Change one settings section (anonymity, free-trial, extension-timeout, early-end, mitra-ping, price-tiers, sensitivity, otp, lockout, capacity, stale, pairing, closing, support)',
      middleware: [requirePermission(guards, 'settings:update')] as const,
      request: {
        params: z.object({ section: z.string() }),
        ...jsonBody(z.record(z.string(), z.unknown())),
      },
      responses: {
        200: jsonResponse(
          'Stored (or unchanged)',
          z.object({ changed: z.boolean(), version: z.number(), values: z.record(z.string(), z.unknown()) }),
        ),
        400: { description: 'BAD_REQUEST with details.issues' },
        404: { description: 'Unknown section' },
        422: { description: 'CONFIG_OUT_OF_BOUNDS (env-derived or cross-key bound)' },
      },
    }),
    async (c) =>
      c.json(
        await config.patchSection(c.req.valid('param').section, c.req.valid('json'), c.get('principal').userId),
        200,
      ),
  );
  return app;
}
