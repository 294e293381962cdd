import { createFunctionApp } from '../../shared/http/function-app';
import type { Runtime } from '../../shared/runtime';
import { createTestRoutes } from './test-routes';

export function createInternalApp(rt: Runtime) {
  const app = createFunctionApp('internal', rt);
  if (rt.env.ENABLE_TEST_ROUTES) app.route('/internal/_test', createTestRoutes(rt));
  return app;
}
