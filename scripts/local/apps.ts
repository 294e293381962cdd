import { createAuthApp } from '../../functions/auth/app';
import { createConfigApp } from '../../functions/config/app';
import { createInternalApp } from '../../functions/internal/app';
import { createPairingApp } from '../../functions/pairing/app';
import { createPaymentWebhookApp } from '../../functions/payment-webhook/app';
import { createSessionApp } from '../../functions/session/app';
import { createWorkersApp } from '../../functions/workers/app';
import type { Runtime } from '../../shared/runtime';
import { createGateway, type FunctionApps } from './gateway';
import { createTestRoutesApp } from './test-routes/app';

/** Every function, built over one runtime (the local stack runs them in one process). */
export function createAllApps(rt: Runtime): FunctionApps {
  return {
    auth: createAuthApp(rt),
    pairing: createPairingApp(rt),
    session: createSessionApp(rt),
    config: createConfigApp(rt),
    'payment-webhook': createPaymentWebhookApp(rt),
    internal: createInternalApp(rt),
    workers: createWorkersApp(rt),
  };
}

/** The local stack's base URL: every function behind the path table, and the test routes when enabled. */
export function createLocalGateway(rt: Runtime, apps: FunctionApps = createAllApps(rt)) {
  return createGateway(apps, rt, rt.env.ENABLE_TEST_ROUTES ? createTestRoutesApp(rt) : undefined);
}
