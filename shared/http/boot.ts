import { getRequestListener } from '@hono/node-server';
import { EnvError, parseEnv } from '../env';
import { createRuntime, type Runtime } from '../runtime';
import type { FunctionName } from './path-table';

type AppFactory = (rt: Runtime) => { fetch: (req: Request) => Response | Promise<Response> };

/** Builds one function's request listener for the Functions Framework; refuses to start on bad env. */
export async function bootFunction(name: FunctionName, createApp: AppFactory) {
  try {
    const rt = await createRuntime(parseEnv(process.env));
    const app = createApp(rt);
    rt.logger.info('function ready', { function: name });
    return getRequestListener(app.fetch);
  } catch (err) {
    if (err instanceof EnvError) {
      process.stderr.write(`${name}: refusing to start.\n${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}
