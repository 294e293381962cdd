import { appCheckVerifier } from '../../shared/adapters/app-check';
import { appCheckGate } from '../../shared/auth';
import { appCheckEnforced } from '../../shared/env';
import { createFunctionApp } from '../../shared/http/function-app';
import { pairingDeps } from '../../shared/pairing';
import type { Runtime } from '../../shared/runtime';
import { offerRoutes } from './routes/offers';
import { presenceRoutes } from './routes/presence';
import { privateRoutes } from './routes/private';
import { requestRoutes } from './routes/requests';

export function createPairingApp(rt: Runtime) {
  const app = createFunctionApp('pairing', rt);
  // The one adapter only pairing uses: App Check in front of chat requests (SPEC §13).
  const appCheck = appCheckGate(appCheckVerifier(rt.env), appCheckEnforced(rt.env), rt.logger);
  const deps = pairingDeps(rt, { appCheck });
  app.route('/', presenceRoutes(deps));
  app.route('/', requestRoutes(deps));
  app.route('/', offerRoutes(deps));
  app.route('/', privateRoutes(deps));
  return app;
}
