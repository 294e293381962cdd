import { z } from '@hono/zod-openapi';
import { createRouter } from '../../../shared/http/function-app';
import { jsonBody, jsonResponse } from '../../../shared/http/openapi';
import { access, defineRoute } from '../../../shared/http/route';
import { AbuseHeaders, IdParam } from '../../../shared/http/schemas';
import { cancelRequest, createRequest, type PairingDeps } from '../../../shared/pairing';
import { ChatRequestCancelledSchema, ChatRequestCreatedSchema, ChatRequestInputSchema } from '../schemas';

const tags = ['pairing: requests'];

export const createChatRequestRoute = defineRoute(access.customer, {
  method: 'post',
  path: '/api/client/chat/request',
  operationId: 'clientCreateChatRequest',
  tags,
  summary: 'Ask to talk (limited per customer and device): offered to available mitras (or the targeted one)',
  request: {
    headers: AbuseHeaders.extend({
      'idempotency-key': z
        .string()
        .min(1)
        .max(200)
        .optional()
        .openapi({ description: 'A replay with the same key answers the original 201 body' }),
    }),
    ...jsonBody(ChatRequestInputSchema),
  },
  responses: { 201: jsonResponse('Searching', ChatRequestCreatedSchema) },
  errors: [
    'REGISTRATION_REQUIRED',
    'ACCOUNT_BANNED',
    'ALREADY_ACTIVE',
    'FREE_TRIAL_UNAVAILABLE',
    'MITRA_UNAVAILABLE',
    'APP_CHECK_INVALID',
    'RATE_LIMITED',
    'PROVIDER_UNAVAILABLE',
  ],
});

export const cancelChatRequestRoute = defineRoute(access.customer, {
  method: 'post',
  path: '/api/client/chat/request/{id}/cancel',
  operationId: 'clientCancelChatRequest',
  tags,
  summary: 'Cancel a searching request (idempotent); offers show "cancelled by customer"',
  request: { params: IdParam },
  responses: { 200: jsonResponse('Cancelled', ChatRequestCancelledSchema) },
  errors: ['NOT_FOUND', 'REQUEST_TAKEN', 'REQUEST_EXPIRED'],
});

export function requestRoutes(deps: PairingDeps) {
  return createRouter()
    .openapi(createChatRequestRoute, async (c) => {
      const h = c.req.valid('header');
      const ctx = {
        idempotencyKey: h['idempotency-key'],
        deviceId: h['x-device-id'],
        appCheckToken: h['x-firebase-appcheck'],
      };
      return c.json(await createRequest(deps, c.var.principal.userId, c.req.valid('json'), ctx), 201);
    })
    .openapi(cancelChatRequestRoute, async (c) =>
      c.json(await cancelRequest(deps, c.var.principal.userId, c.req.valid('param').id), 200),
    );
}
