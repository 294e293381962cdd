import { controlCenterDeps } from '../../shared/controlcenter';
import { createFunctionApp } from '../../shared/http/function-app';
import { mitraFreedHook, reofferDeps } from '../../shared/pairing';
import { privacyDeps, privacyHooks } from '../../shared/privacy';
import type { Runtime } from '../../shared/runtime';
import { controlCenterRoutes } from './routes/control-center';
import { privacyRoutes } from './routes/privacy';

export function createInternalApp(rt: Runtime) {
  const app = createFunctionApp('internal', rt);
  // A ban ends the customer's chat: its mitra, freed, is offered a waiting request in the same transaction.
  // Closing a report may lift a deleted user's legal hold (SPEC §14): privacy sits above the control center.
  const deps = { ...controlCenterDeps(rt, privacyHooks()), onMitraFreed: mitraFreedHook(reofferDeps(rt)) };
  app.route('/', controlCenterRoutes(deps));
  app.route('/', privacyRoutes(privacyDeps(rt)));
  return app;
}
