import { createFunctionApp } from '../../shared/http/function-app';
import type { Runtime } from '../../shared/runtime';

export function createSessionApp(rt: Runtime) {
  const app = createFunctionApp('session', rt);
  return app;
}
