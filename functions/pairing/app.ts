import { createFunctionApp } from '../../shared/http/function-app';
import { pairingDeps } from '../../shared/pairing';
import type { Runtime } from '../../shared/runtime';
import { offerRoutes } from './routes/offers';
import { presenceRoutes } from './routes/presence';
import { privateRoutes } from './routes/private';
import { requestRoutes } from './routes/requests';

export function createPairingApp(rt: Runtime) {
  const app = createFunctionApp('pairing', rt);
  const deps = pairingDeps(rt);
  app.route('/', presenceRoutes(deps));
  app.route('/', requestRoutes(deps));
  app.route('/', offerRoutes(deps));
  app.route('/', privateRoutes(deps));
  return app;
}
