import { configDeps } from '../../shared/config';
import { createFunctionApp } from '../../shared/http/function-app';
import type { Runtime } from '../../shared/runtime';
import { internalConfigRoutes } from './routes/internal';
import { publicConfigRoutes } from './routes/public';

export function createConfigApp(rt: Runtime) {
  const app = createFunctionApp('config', rt);
  const deps = configDeps(rt);
  app.route('/', publicConfigRoutes(deps));
  app.route('/', internalConfigRoutes(deps));
  return app;
}
