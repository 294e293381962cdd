import { createRouter } from '../../../shared/http/function-app';
import { jsonBody, jsonResponse } from '../../../shared/http/openapi';
import { access, defineRoute } from '../../../shared/http/route';
import { IdParam } from '../../../shared/http/schemas';
import { markReceipts, type SessionsDeps, setTyping } from '../../../shared/sessions';
import { ReceiptsInputSchema, ReceiptsSchema, TypingInputSchema } from '../schemas';

const tags = ['sessions: messages'];

const receipts = (ns: 'client' | 'mitra', operationId: string) =>
  ({
    method: 'post',
    path: `/api/${ns}/sessions/{id}/messages/receipts`,
    operationId,
    tags,
    summary: 'The other side’s messages delivered/read up to a seq (never backwards)',
    request: { params: IdParam, ...jsonBody(ReceiptsInputSchema) },
    responses: { 200: jsonResponse('The caller’s watermarks now', ReceiptsSchema) },
    errors: ['NOT_FOUND', 'FORBIDDEN'],
  }) as const;

const typing = (ns: 'client' | 'mitra', operationId: string) =>
  ({
    method: 'post',
    path: `/api/${ns}/sessions/{id}/typing`,
    operationId,
    tags,
    summary: 'Ephemeral typing flag in sessions/{id}/typing/{user_type}',
    request: { params: IdParam, ...jsonBody(TypingInputSchema) },
    responses: { 204: { description: 'Recorded' } },
    errors: ['NOT_FOUND', 'FORBIDDEN', 'SESSION_NOT_ACTIVE'],
  }) as const;

export const customerReceiptsRoute = defineRoute(access.customer, receipts('client', 'customerMarkReceipts'));
export const mitraReceiptsRoute = defineRoute(access.mitra, receipts('mitra', 'mitraMarkReceipts'));
export const customerTypingRoute = defineRoute(access.customer, typing('client', 'customerTyping'));
export const mitraTypingRoute = defineRoute(access.mitra, typing('mitra', 'mitraTyping'));

export function receiptTypingRoutes(deps: SessionsDeps) {
  return createRouter()
    .openapi(customerReceiptsRoute, async (c) =>
      c.json(
        await markReceipts(deps, 'customer', c.var.principal.userId, c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
    )
    .openapi(mitraReceiptsRoute, async (c) =>
      c.json(
        await markReceipts(deps, 'mitra', c.var.principal.userId, c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
    )
    .openapi(customerTypingRoute, async (c) => {
      const { id } = c.req.valid('param');
      await setTyping(deps, 'customer', c.var.principal.userId, id, c.req.valid('json').is_typing);
      return c.body(null, 204);
    })
    .openapi(mitraTypingRoute, async (c) => {
      const { id } = c.req.valid('param');
      await setTyping(deps, 'mitra', c.var.principal.userId, id, c.req.valid('json').is_typing);
      return c.body(null, 204);
    });
}
