import { randomUUID } from 'node:crypto';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../errors';
import type { Runtime } from '../runtime';
import { errorHandler, notFoundHandler, validationError } from './error-handler';
import { requireIap } from './auth-middleware';
import { requireOidc } from './oidc-middleware';
import type { FunctionName } from './path-table';
import type { AppEnv } from './types';

export const API_VERSION = '0.1.0';

const healthRoute = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['ops'],
  responses: {
    200: {
      description: 'The function is up',
      content: { 'application/json': { schema: z.object({ status: z.literal('ok'), function: z.string() }) } },
    },
  },
});

export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error);
    },
  });
}

/** The shell every function shares: validation → envelope, logging, OIDC on private routes, health, OpenAPI. */
export function createFunctionApp(name: FunctionName, rt: Runtime) {
  const app = createRouter();
  const log = rt.logger.child({ function: name });

  app.use('*', async (c, next) => {
    const requestId = c.req.header('x-cloud-trace-context')?.split('/')[0] ?? randomUUID();
    c.set('requestId', requestId);
    const started = performance.now();
    await next();
    const ms = Math.round(performance.now() - started);
    if (c.req.path !== '/healthz') {
      log.info('request', {
        httpRequest: {
          requestMethod: c.req.method,
          requestUrl: c.req.path,
          status: c.res.status,
          latency: `${ms / 1000}s`,
        },
        request_id: requestId,
      });
    }
  });
  app.use(
    '*',
    bodyLimit({
      maxSize: 256 * 1024,
      onError: () => {
        throw new AppError(413, 'PAYLOAD_TOO_LARGE', 'The request body is too large');
      },
    }),
  );
  app.use('/tasks/*', requireOidc(rt.oidc));
  app.use('/events/*', requireOidc(rt.oidc));
  if (rt.iap) app.use('/internal/*', requireIap(rt.iap));

  app.openapi(healthRoute, (c) => c.json({ status: 'ok' as const, function: name }, 200));
  app.doc31('/openapi.json', { openapi: '3.1.0', info: { title: `Halo Bestie ${name}`, version: API_VERSION } });
  app.onError(errorHandler(log));
  app.notFound(notFoundHandler);
  return app;
}

export type FunctionApp = ReturnType<typeof createFunctionApp>;
