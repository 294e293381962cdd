import { z } from '@hono/zod-openapi';
import { createRouter } from '../../../shared/http/function-app';
import { jsonBody, jsonResponse } from '../../../shared/http/openapi';
import { access, defineRoute } from '../../../shared/http/route';
import { createInvoice, PAYMENT_PATHS, type PaymentsDeps, paymentTimeout, reconcile } from '../../../shared/payments';

const tags = ['private'];

const CreateInvoiceTaskSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('session'), session_id: z.string().uuid() }),
    z.object({ kind: z.literal('extension'), extension_id: z.string().uuid() }),
  ])
  .openapi('CreateInvoiceTask');

const InvoiceTaskResultSchema = z
  .object({
    outcome: z.enum(['created', 'exists', 'not_payable', 'expired_before_invoice']),
    payment_id: z.string().uuid().nullable(),
  })
  .openapi('CreateInvoiceResult');

const PaymentTimeoutTaskSchema = z.object({ payment_id: z.string().uuid() }).openapi('PaymentTimeoutTask');
const PaymentTimeoutResultSchema = z.object({ outcome: z.string() }).openapi('PaymentTimeoutResult');

const ReconcileResultSchema = z
  .object({
    checked: z.number().int().min(0),
    settled: z.number().int().min(0),
    failed: z.number().int().min(0),
    callbacks_reprocessed: z.number().int().min(0),
  })
  .openapi('PaymentsReconcileResult');

export const createInvoiceRoute = defineRoute(access.oidc, {
  method: 'post',
  path: PAYMENT_PATHS.createInvoice,
  operationId: 'taskCreateInvoice',
  tags,
  summary: 'Outbox task: the invoice for a session or an extension (idempotent per external id)',
  request: jsonBody(CreateInvoiceTaskSchema),
  responses: { 200: jsonResponse('Created, or already there, or nothing to pay', InvoiceTaskResultSchema) },
  errors: ['PROVIDER_UNAVAILABLE'],
});

export const paymentTimeoutRoute = defineRoute(access.oidc, {
  method: 'post',
  path: PAYMENT_PATHS.timeout,
  operationId: 'taskPaymentTimeout',
  tags,
  summary: 'Past the invoice expiry: settle by asking the provider (the callback may have been lost)',
  request: jsonBody(PaymentTimeoutTaskSchema),
  responses: { 200: jsonResponse('Settled or already settled', PaymentTimeoutResultSchema) },
  errors: ['PROVIDER_UNAVAILABLE'],
});

export const reconcileRoute = defineRoute(access.oidc, {
  method: 'post',
  path: PAYMENT_PATHS.reconcile,
  operationId: 'taskPaymentsReconcile',
  tags,
  summary: 'Cloud Scheduler every 10 minutes: open payments stuck past their expiry, settled from the provider',
  responses: { 200: jsonResponse('What was checked and settled', ReconcileResultSchema) },
});

export function paymentTaskRoutes(deps: PaymentsDeps) {
  return createRouter()
    .openapi(createInvoiceRoute, async (c) => {
      const t = c.req.valid('json');
      return c.json(await createInvoice(deps, t.kind, t.kind === 'session' ? t.session_id : t.extension_id), 200);
    })
    .openapi(paymentTimeoutRoute, async (c) =>
      c.json({ outcome: await paymentTimeout(deps, c.req.valid('json').payment_id) }, 200),
    )
    .openapi(reconcileRoute, async (c) => c.json(await reconcile(deps), 200));
}
