import { createFunctionApp } from '../../shared/http/function-app';
import type { Runtime } from '../../shared/runtime';

export function createPaymentWebhookApp(rt: Runtime) {
  const app = createFunctionApp('payment-webhook', rt);
  return app;
}
