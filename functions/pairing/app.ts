import { createFunctionApp } from '../../shared/http/function-app';
import type { Runtime } from '../../shared/runtime';

export function createPairingApp(rt: Runtime) {
  const app = createFunctionApp('pairing', rt);
  return app;
}
