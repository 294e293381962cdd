import { createFunctionApp } from '../../shared/http/function-app';
import type { Runtime } from '../../shared/runtime';

export function createAuthApp(rt: Runtime) {
  const app = createFunctionApp('auth', rt);
  return app;
}
