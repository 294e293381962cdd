import { realpathSync } from 'node:fs';
import { createServer, type RequestListener, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { getRequestListener } from '@hono/node-server';
import { EnvError, parseEnv } from '../env';
import { createRuntime, type Runtime } from '../runtime';
import type { FunctionName } from './path-table';

type AppFactory = (rt: Runtime) => { fetch: (req: Request) => Response | Promise<Response> };

/** Cloud Run sends SIGTERM and waits 10 s; stop accepting, finish what is in flight, close the pool. */
const DRAIN_MS = 8000;

async function boot(name: FunctionName, createApp: AppFactory): Promise<{ rt: Runtime; listener: RequestListener }> {
  try {
    const rt = await createRuntime(parseEnv(process.env));
    const app = createApp(rt);
    rt.logger.info('function ready', { function: name });
    return { rt, listener: getRequestListener(app.fetch) };
  } catch (err) {
    if (err instanceof EnvError) {
      process.stderr.write(`${name}: refusing to start.\n${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}

/** Builds one function's request listener for the Functions Framework; refuses to start on bad env. */
export async function bootFunction(name: FunctionName, createApp: AppFactory): Promise<RequestListener> {
  return (await boot(name, createApp)).listener;
}

/** True when `moduleUrl` is the script node was started with (`node dist/auth/index.mjs`). */
export function isMainModule(moduleUrl: string, argv1: string | undefined = process.argv[1]): boolean {
  if (!argv1) return false;
  try {
    return realpathSync(fileURLToPath(moduleUrl)) === realpathSync(argv1);
  } catch {
    return false;
  }
}

/**
 * The entry of every function's index.ts (`dist/<fn>/index.mjs`). Started directly (`node
 * dist/<fn>/index.mjs`) it serves the app like `serveFunction`. Loaded by the Functions Framework
 * (`functions-framework --target=<fn>`, a source deploy) it registers the same listener under the
 * function's name instead.
 */
export async function startFunction(name: FunctionName, createApp: AppFactory, moduleUrl: string): Promise<void> {
  if (isMainModule(moduleUrl)) return serveFunction(name, createApp);
  const listener = await bootFunction(name, createApp);
  const { http } = await import('@google-cloud/functions-framework');
  http(name, listener);
}

/**
 * The container's entry (`functions/<fn>/server.ts`, run from `dist/<fn>/main.cjs`): serves the app with
 * plain node:http through @hono/node-server — the faster host (docs/decisions.md) — and drains on SIGTERM.
 */
export async function serveFunction(name: FunctionName, createApp: AppFactory): Promise<void> {
  const { rt, listener } = await boot(name, createApp);
  const server = await listen(listener, rt.env.PORT);
  rt.logger.info('listening', { function: name, port: rt.env.PORT, host: 'node' });
  const stop = (signal: string) => {
    rt.logger.info('shutting down', { function: name, signal });
    setTimeout(() => process.exit(0), DRAIN_MS).unref();
    server.close(() => void rt.close().finally(() => process.exit(0)));
    server.closeIdleConnections();
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

/** Listens on every interface (Cloud Run routes to the container's port); resolves once bound. */
export function listen(listener: RequestListener, port: number, host = '0.0.0.0'): Promise<Server> {
  const server = createServer(listener);
  // Longer than Google's front end keeps idle upstream connections, so it never reuses a closed one.
  server.keepAliveTimeout = 620_000;
  server.headersTimeout = 625_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
