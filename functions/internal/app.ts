import { controlCenterDeps } from '../../shared/controlcenter';
import { createFunctionApp } from '../../shared/http/function-app';
import { privacyDeps, privacyHooks } from '../../shared/privacy';
import type { Runtime } from '../../shared/runtime';
import { controlCenterRoutes } from './routes/control-center';
import { privacyRoutes } from './routes/privacy';

export function createInternalApp(rt: Runtime) {
  const app = createFunctionApp('internal', rt);
  // Closing a report may lift a deleted user's legal hold (SPEC §14): privacy sits above the control center.
  app.route('/', controlCenterRoutes(controlCenterDeps(rt, privacyHooks())));
  app.route('/', privacyRoutes(privacyDeps(rt)));
  return app;
}
