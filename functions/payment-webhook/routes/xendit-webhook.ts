import { z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../../shared/errors';
import { createRouter } from '../../../shared/http/function-app';
import { jsonBody, jsonResponse } from '../../../shared/http/openapi';
import { access, defineRoute } from '../../../shared/http/route';
import { callbackTokenMatches, type PaymentsDeps, receiveCallback } from '../../../shared/payments';

const XENDIT_INVOICE_PATH = '/webhooks/xendit/invoice';

const amount = z.number().finite().nonnegative();

/** Xendit's invoice callback: the fields we act on are checked; only those payments need are kept (SPEC §14). */
export const XenditInvoiceCallbackSchema = z
  .object({
    id: z.string().min(1).max(255),
    external_id: z.string().min(1).max(255),
    status: z.enum(['PAID', 'SETTLED', 'EXPIRED']),
    amount,
    paid_amount: amount.optional(),
    currency: z.string().min(3).max(3).optional(),
    paid_at: z.string().max(64).optional(),
  })
  .passthrough()
  .openapi('XenditInvoiceCallback');

export const XenditCallbackAckSchema = z
  .object({
    received: z.literal(true),
    duplicate: z.boolean(),
    outcome: z
      .string()
      .openapi({ description: 'What the callback did (recorded with it), e.g. activated, flagged_mismatch' }),
  })
  .openapi('XenditCallbackAck');

export const xenditInvoiceRoute = defineRoute(access.webhook, {
  method: 'post',
  path: XENDIT_INVOICE_PATH,
  operationId: 'webhookXenditInvoice',
  tags: ['payments'],
  summary: 'Xendit invoice callback: recorded durably, then settled once (duplicates change nothing)',
  request: jsonBody(XenditInvoiceCallbackSchema),
  responses: { 200: jsonResponse('Recorded (and processed)', XenditCallbackAckSchema) },
});

/** Before the body is even parsed: an unverified caller learns nothing and nothing is recorded. */
const verifyCallbackToken =
  (deps: PaymentsDeps): MiddlewareHandler =>
  async (c, next) => {
    if (!callbackTokenMatches(deps.callbackToken, c.req.header('x-callback-token')))
      throw new AppError('CALLBACK_TOKEN_INVALID');
    await next();
  };

export function xenditWebhookRoutes(deps: PaymentsDeps) {
  const router = createRouter();
  router.use(XENDIT_INVOICE_PATH, verifyCallbackToken(deps));
  return router.openapi(xenditInvoiceRoute, async (c) => {
    const body = c.req.valid('json');
    const { outcome, duplicate } = await receiveCallback(deps, body, body);
    return c.json({ received: true as const, duplicate, outcome }, 200);
  });
}
