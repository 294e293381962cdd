import { createAuthApp } from '../../functions/auth/app';
import { createConfigApp } from '../../functions/config/app';
import { createInternalApp } from '../../functions/internal/app';
import { createPairingApp } from '../../functions/pairing/app';
import { createPaymentWebhookApp } from '../../functions/payment-webhook/app';
import { createSessionApp } from '../../functions/session/app';
import { createWorkersApp } from '../../functions/workers/app';
import type { Runtime } from '../../shared/runtime';
import type { FunctionApps } from './gateway';

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
