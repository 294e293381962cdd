import { createFunctionApp } from '../../shared/http/function-app';
import type { Runtime } from '../../shared/runtime';

export function createConfigApp(rt: Runtime) {
  const app = createFunctionApp('config', rt);
  return app;
}
