import { configDeps } from '../../shared/config';
import { createFunctionApp } from '../../shared/http/function-app';
import { capacityRaisedHook, reofferDeps } from '../../shared/pairing';
import type { Runtime } from '../../shared/runtime';
import { internalConfigRoutes } from './routes/internal';
import { publicConfigRoutes } from './routes/public';

export function createConfigApp(rt: Runtime) {
  const app = createFunctionApp('config', rt);
  // Raising max_customers_per_mitra offers waiting requests to the mitras it frees, in the same transaction.
  const deps = { ...configDeps(rt), onCapacityRaised: capacityRaisedHook(reofferDeps(rt)) };
  app.route('/', publicConfigRoutes(deps));
  app.route('/', internalConfigRoutes(deps));
  return app;
}
