import { createRouter } from '../../../shared/http/function-app';
import { jsonBody, jsonResponse } from '../../../shared/http/openapi';
import { access, defineRoute } from '../../../shared/http/route';
import { IdParam } from '../../../shared/http/schemas';
import { listMessages, sendMessage, type SessionsDeps } from '../../../shared/sessions';
import { MessageInputSchema, MessageListQuery, MessagePageSchema, MessageSchema } from '../schemas';

const tags = ['sessions: messages'];

const send = (ns: 'client' | 'mitra', operationId: string) =>
  ({
    method: 'post',
    path: `/api/${ns}/sessions/{id}/messages`,
    operationId,
    tags,
    summary:
      'Send a message (a burst, then 1 a second per sender): gap-free seq; the same client_message_id returns the same message',
    request: { params: IdParam, ...jsonBody(MessageInputSchema) },
    responses: { 201: jsonResponse('Stored (or the one already stored for this client_message_id)', MessageSchema) },
    errors: ['NOT_FOUND', 'FORBIDDEN', 'SESSION_NOT_ACTIVE', 'RATE_LIMITED'],
  }) as const;

const list = (ns: 'client' | 'mitra', operationId: string) =>
  ({
    method: 'get',
    path: `/api/${ns}/sessions/{id}/messages`,
    operationId,
    tags,
    summary: 'The transcript, cursor on seq, ascending or descending',
    request: { params: IdParam, query: MessageListQuery },
    responses: { 200: jsonResponse('A page of messages', MessagePageSchema) },
    errors: ['NOT_FOUND', 'FORBIDDEN'],
  }) as const;

export const customerSendMessageRoute = defineRoute(access.customer, send('client', 'customerSendMessage'));
export const mitraSendMessageRoute = defineRoute(access.mitra, send('mitra', 'mitraSendMessage'));
export const customerListMessagesRoute = defineRoute(access.customer, list('client', 'customerListMessages'));
export const mitraListMessagesRoute = defineRoute(access.mitra, list('mitra', 'mitraListMessages'));

export function messageRoutes(deps: SessionsDeps) {
  return createRouter()
    .openapi(customerSendMessageRoute, async (c) =>
      c.json(
        await sendMessage(deps, 'customer', c.var.principal.userId, c.req.valid('param').id, c.req.valid('json')),
        201,
      ),
    )
    .openapi(mitraSendMessageRoute, async (c) =>
      c.json(
        await sendMessage(deps, 'mitra', c.var.principal.userId, c.req.valid('param').id, c.req.valid('json')),
        201,
      ),
    )
    .openapi(customerListMessagesRoute, async (c) =>
      c.json(
        await listMessages(deps, 'customer', c.var.principal.userId, c.req.valid('param').id, c.req.valid('query')),
        200,
      ),
    )
    .openapi(mitraListMessagesRoute, async (c) =>
      c.json(
        await listMessages(deps, 'mitra', c.var.principal.userId, c.req.valid('param').id, c.req.valid('query')),
        200,
      ),
    );
}
