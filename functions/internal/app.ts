import { controlCenterDeps } from '../../shared/controlcenter';
import { createFunctionApp } from '../../shared/http/function-app';
import { mitraFreedHook, reofferDeps } from '../../shared/pairing';
import type { Runtime } from '../../shared/runtime';
import { controlCenterRoutes } from './routes/control-center';

export function createInternalApp(rt: Runtime) {
  const app = createFunctionApp('internal', rt);
  // A ban ends the customer's chat: its mitra, freed, is offered a waiting request in the same transaction.
  const deps = { ...controlCenterDeps(rt), onMitraFreed: mitraFreedHook(reofferDeps(rt)) };
  app.route('/', controlCenterRoutes(deps));
  return app;
}
