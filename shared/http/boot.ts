import { createServer, type RequestListener, type Server } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { EnvError, parseEnv } from '../env';
import { createRuntime, type Runtime } from '../runtime';
import type { FunctionName } from '../path-table';

type AppFactory = (rt: Runtime) => { fetch: (req: Request) => Response | Promise<Response> };

/** Cloud Run sends SIGTERM and waits 10 s; stop accepting, finish what is in flight, close the pool. */
const DRAIN_MS = 8000;

/**
 * A function's whole start (`functions/<fn>/server.ts`, run in the image from `dist/<fn>/main.cjs`,
 * docs/boot.md): the environment this function needs, its runtime and app, plain node:http through
 * @hono/node-server; drains on SIGTERM. A bad environment is a refusal to start that names the variables.
 */
export async function serveFunction(name: FunctionName, createApp: AppFactory): Promise<void> {
  let rt: Runtime;
  try {
    rt = await createRuntime(parseEnv(process.env, name));
  } catch (err) {
    if (!(err instanceof EnvError)) throw err;
    process.stderr.write(`${name}: refusing to start.\n${err.message}\n`);
    process.exit(1);
  }
  const app = createApp(rt);
  rt.logger.info('function ready', { function: name });
  const server = await listen(getRequestListener(app.fetch), rt.env.PORT);
  rt.logger.info('listening', { function: name, port: rt.env.PORT });
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
