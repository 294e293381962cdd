import { startFunction } from '../../shared/http/boot';
import { createPaymentWebhookApp } from './app';

// `node dist/payment-webhook/index.mjs` serves it; `functions-framework --target=payment-webhook` (a source deploy) hosts it.
await startFunction('payment-webhook', createPaymentWebhookApp, import.meta.url);
