import { createFunctionApp } from '../../shared/http/function-app';
import { paymentsDeps } from '../../shared/payments/deps';
import type { Runtime } from '../../shared/runtime';
import { paymentTaskRoutes } from './routes/tasks';
import { xenditWebhookRoutes } from './routes/xendit-webhook';

export function createPaymentWebhookApp(rt: Runtime) {
  const app = createFunctionApp('payment-webhook', rt);
  const deps = paymentsDeps(rt);
  app.route('/', xenditWebhookRoutes(deps));
  app.route('/', paymentTaskRoutes(deps));
  return app;
}
