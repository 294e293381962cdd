import { http } from '@google-cloud/functions-framework';
import { bootFunction } from '../../shared/http/boot';
import { createPaymentWebhookApp } from './app';

http('payment-webhook', await bootFunction('payment-webhook', createPaymentWebhookApp));
