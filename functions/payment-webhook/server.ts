import { serveFunction } from '../../shared/http/boot';
import { createPaymentWebhookApp } from './app';

// The function's one entry: dist/payment-webhook/server.cjs, started by main.cjs (docs/boot.md).
void serveFunction('payment-webhook', createPaymentWebhookApp);
