import { controlCenterDeps } from '../../shared/controlcenter';
import { createFunctionApp } from '../../shared/http/function-app';
import type { Runtime } from '../../shared/runtime';
import { controlCenterRoutes } from './routes/control-center';

export function createInternalApp(rt: Runtime) {
  const app = createFunctionApp('internal', rt);
  app.route('/', controlCenterRoutes(controlCenterDeps(rt)));
  return app;
}
