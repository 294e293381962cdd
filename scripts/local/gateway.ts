import { Hono } from 'hono';
import { getPath } from 'hono/utils/url';
import { IncomingMessage } from 'node:http';
import type { Http2Bindings, HttpBindings } from '@hono/node-server';
import { errorHandler, notFoundHandler } from '../../shared/http/error-handler';
import { functionForPath, type FunctionName } from '../../shared/path-table';
import type { Runtime } from '../../shared/runtime';
import { docRoutes, gatewayApp, mergedOpenApi } from './gateway-docs';
import { isTestRoute } from './test-routes/app';

type App = { fetch: (req: Request, env?: HttpBindings | Http2Bindings) => Response | Promise<Response> };
export type FunctionApps = Record<FunctionName, App>;

export const GATEWAY_IP = '127.0.0.1';

type Bindings = HttpBindings | Http2Bindings;

/**
 * Appends `<socket address>, <gateway address>` to X-Forwarded-For, exactly as Google's load
 * balancer appends `<client-ip>, <lb-ip>`: the client is always the entry before the last, and
 * whatever the caller sent in front of it cannot spoof that. Like the balancer, it rewrites the header
 * on the wire form of the request (the socket's parsed headers) before the function reads any, so the
 * function's lazy header lookups still answer from Node's own object and no Fetch `Headers` is built
 * per request (building one cost ~10 % of a cached read's CPU). A Request with no socket behind it
 * (in-process tests) gets the header set on the Request instead.
 */
function forwarded(req: Request, env: Bindings | undefined): Request {
  const incoming = env?.incoming;
  const socketIp = (incoming?.socket?.remoteAddress ?? GATEWAY_IP).replace(/^::ffff:/, '');
  const prior = req.headers.get('x-forwarded-for');
  const value = `${prior ? `${prior}, ` : ''}${socketIp}, ${GATEWAY_IP}`;
  if (incoming instanceof IncomingMessage) {
    setWireHeader(incoming, 'x-forwarded-for', value, prior !== null);
    if (req.headers.get('x-forwarded-for') === value) return req;
  }
  try {
    req.headers.set('x-forwarded-for', value);
    return req;
  } catch {
    const headers = new Headers(req.headers);
    headers.set('x-forwarded-for', value);
    const init: RequestInit & { duplex?: 'half' } = { method: req.method, headers };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      init.body = req.body;
      init.duplex = 'half';
    }
    return new Request(req.url, init);
  }
}

/** Replaces every `name` line (if `present`) of a parsed HTTP/1 request with one, in both of Node's views. */
function setWireHeader(incoming: IncomingMessage, name: string, value: string, present: boolean): void {
  const raw = incoming.rawHeaders;
  if (present) for (let i = raw.length - 2; i >= 0; i -= 2) if (raw[i]!.toLowerCase() === name) raw.splice(i, 2);
  raw.push(name, value);
  incoming.headers[name] = value;
}

/** One base URL with the load balancer's path table, plus the stack's health, its documents and /docs. */
export function createGateway(apps: FunctionApps, rt: Runtime, testRoutes?: App) {
  const gw = new Hono<{ Bindings: HttpBindings }>();

  const own = gatewayApp(apps, rt);
  gw.route('/', own);
  gw.route(
    '/',
    docRoutes(() => mergedOpenApi(apps, testRoutes, own)),
  );

  gw.all('*', (c) => notFoundHandler(c));
  gw.onError(errorHandler(rt.logger));

  // What a function's own error handler let through is answered here, as the gateway's own errors are.
  const failed = new Hono<{ Bindings: { error: unknown } }>();
  failed.all('*', (c) => {
    throw c.env.error;
  });
  failed.onError(errorHandler(rt.logger));

  return {
    /**
     * A function's path goes straight to that function, with no routing context of the gateway's own
     * around it (the load balancer adds none either); the gateway's routes and unknown paths go to `gw`.
     */
    fetch(req: Request, env?: Bindings): Response | Promise<Response> {
      const path = getPath(req);
      const fn = functionForPath(path);
      const app = testRoutes && isTestRoute(path) ? testRoutes : fn && apps[fn];
      if (!app) return gw.fetch(req, env);
      return Promise.resolve()
        .then(() => app.fetch(forwarded(req, env), env))
        .catch((error: unknown) => failed.fetch(req, { ...env, error }));
    },
  };
}
