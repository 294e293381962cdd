import { createFunctionApp } from '../../shared/http/function-app';
import { paymentsDeps } from '../../shared/payments';
import { sessionPaymentHooks, sessionsDeps } from '../../shared/sessions';
import type { Runtime } from '../../shared/runtime';
import { paymentTaskRoutes } from './routes/tasks';
import { xenditWebhookRoutes } from './routes/xendit-webhook';

export function createPaymentWebhookApp(rt: Runtime) {
  const app = createFunctionApp('payment-webhook', rt);
  const deps = paymentsDeps(rt, sessionPaymentHooks(sessionsDeps(rt)));
  app.route('/', xenditWebhookRoutes(deps));
  app.route('/', paymentTaskRoutes(deps));
  return app;
}
