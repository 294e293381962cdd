import { serveFunction } from '../../shared/http/boot';
import { createPaymentWebhookApp } from './app';

// The container's entry (dist/payment-webhook/server.cjs), run by dist/payment-webhook/main.cjs with the image's code cache.
void serveFunction('payment-webhook', createPaymentWebhookApp);
