import { randomUUID } from 'node:crypto';
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { authGuards } from '../auth';
import { AppError } from '../errors';
import { traceFields } from '../logger';
import type { Runtime } from '../runtime';
import { requireIap } from './auth-middleware';
import { iapVerifier } from './iap';
import { errorHandler, notFoundHandler, validationError } from './error-handler';
import { rejectControlCharacters } from './input-text';
import { requireOidc } from './oidc-middleware';
import type { FunctionName } from '../path-table';
import { access, defineRoute, SECURITY_SCHEMES } from './route';
import type { AppEnv } from './types';

export const API_VERSION = '0.2.0';
export const MAX_BODY_BYTES = 256 * 1024;

const HealthSchema = z.object({ status: z.literal('ok'), function: z.string() }).openapi('FunctionHealth');

export const healthRoute = defineRoute(access.public, {
  method: 'get',
  path: '/healthz',
  operationId: 'functionHealth',
  summary: 'Liveness of one function',
  tags: ['ops'],
  responses: {
    200: { description: 'The function is up', content: { 'application/json': { schema: HealthSchema } } },
  },
});

export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error);
    },
  });
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/** A caller's X-Request-Id is kept when sane (so an app can correlate), else Cloud Trace's id, else a new one. */
function requestIdFrom(c: { req: { header(name: string): string | undefined } }): string {
  const given = c.req.header('x-request-id');
  if (given && REQUEST_ID.test(given)) return given;
  const trace = c.req.header('x-cloud-trace-context')?.split('/')[0];
  return trace && REQUEST_ID.test(trace) ? trace : randomUUID();
}

const limitBody = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () => {
    throw new AppError('PAYLOAD_TOO_LARGE');
  },
});
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/**
 * Decided from Content-Length when there is one (Node's parser holds the body to it), so a bodiless or
 * small request never materialises a body stream; only chunked bodies are counted as they arrive.
 */
const limitBodies: MiddlewareHandler = (c, next) => {
  if (!BODY_METHODS.has(c.req.method)) return next();
  const declared = c.req.header('content-length');
  if (declared !== undefined && c.req.header('transfer-encoding') === undefined) {
    if (Number(declared) > MAX_BODY_BYTES) throw new AppError('PAYLOAD_TOO_LARGE');
    return next();
  }
  return limitBody(c, next);
};

/** The shell every function shares: request id, logging, limits, input rule, OIDC/IAP guards, health, OpenAPI. */
export function createFunctionApp(
  name: FunctionName,
  rt: Runtime,
  /** false: no IAP check on /internal/* (the local stack's test routes, which take no credentials). */
  options: { iap?: false } = {},
) {
  const app = createRouter();
  const log = rt.logger.child({ function: name });
  const guards = authGuards(rt);

  app.use('*', async (c, next) => {
    const requestId = requestIdFrom(c);
    c.set('requestId', requestId);
    c.set('guards', guards);
    const started = performance.now();
    await next();
    c.res.headers.set('X-Request-Id', requestId);
    if (c.req.path !== '/healthz') {
      const ms = Math.round(performance.now() - started);
      log.info('request', {
        ...traceFields((h) => c.req.header(h), rt.env.GCP_PROJECT_ID),
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
  app.use('*', limitBodies);
  app.use('*', rejectControlCharacters);
  app.use('/tasks/*', requireOidc(rt.oidc));
  app.use('/events/*', requireOidc(rt.oidc));
  const iap = options.iap === false ? undefined : iapVerifier(rt.env);
  if (iap) app.use('/internal/*', requireIap(iap));

  for (const [key, scheme] of Object.entries(SECURITY_SCHEMES)) {
    app.openAPIRegistry.registerComponent('securitySchemes', key, scheme);
  }
  app.openapi(healthRoute, (c) => c.json({ status: 'ok' as const, function: name }, 200));
  app.doc31('/openapi.json', { openapi: '3.1.0', info: { title: `Halo Bestie ${name}`, version: API_VERSION } });
  app.onError(errorHandler(log));
  app.notFound(notFoundHandler);
  return app;
}

export type FunctionApp = ReturnType<typeof createFunctionApp>;
