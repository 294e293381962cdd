import { XenditProvider } from '../../shared/adapters/gcp/xendit';
import { createFunctionApp } from '../../shared/http/function-app';
import { mitraFreedHook, reofferDeps } from '../../shared/pairing';
import { paymentsDeps } from '../../shared/payments';
import { sessionPaymentHooks, sessionsDeps } from '../../shared/sessions';
import type { Runtime } from '../../shared/runtime';
import { paymentTaskRoutes } from './routes/tasks';
import { xenditWebhookRoutes } from './routes/xendit-webhook';

export function createPaymentWebhookApp(rt: Runtime) {
  const app = createFunctionApp('payment-webhook', rt);
  const provider = new XenditProvider(rt.env.XENDIT_API_BASE_URL, rt.env.XENDIT_SECRET_KEY ?? '');
  // An unpaid session cancelled by its invoice's expiry frees its mitra: offered a waiting request at once.
  const sessions = { ...sessionsDeps(rt), onMitraFreed: mitraFreedHook(reofferDeps(rt)) };
  const deps = paymentsDeps(rt, provider, sessionPaymentHooks(sessions));
  app.route('/', xenditWebhookRoutes(deps));
  app.route('/', paymentTaskRoutes(deps));
  return app;
}
