import { createRouter } from '../../../shared/http/function-app';
import { jsonBody, jsonResponse } from '../../../shared/http/openapi';
import { access, defineRoute } from '../../../shared/http/route';
import { IdParam } from '../../../shared/http/schemas';
import { answerExtension, requestExtension, type SessionsDeps } from '../../../shared/sessions';
import { ExtensionOfferSchema, ExtensionParams, ExtensionRequestSchema, ExtensionSchema } from '../schemas';

const tags = ['sessions: extensions'];

export const customerRequestExtensionRoute = defineRoute(access.customer, {
  method: 'post',
  path: '/api/client/sessions/{id}/extensions',
  operationId: 'customerRequestExtension',
  tags,
  summary: 'After time-up, within the extension window: ask the mitra for more time (one open at a time)',
  request: { params: IdParam, ...jsonBody(ExtensionRequestSchema) },
  responses: { 201: jsonResponse('Offered to the mitra', ExtensionSchema) },
  errors: ['NOT_FOUND', 'FORBIDDEN', 'EXTENSION_NOT_ALLOWED', 'EXTENSION_PENDING'],
});

const answer = (verb: 'accept' | 'reject', operationId: string, summary: string) =>
  ({
    method: 'post',
    path: `/api/mitra/sessions/{id}/extensions/{ext_id}/${verb}`,
    operationId,
    tags,
    summary,
    request: { params: ExtensionParams },
    responses: { 200: jsonResponse('Answered (the same answer again returns it unchanged)', ExtensionOfferSchema) },
    errors: ['NOT_FOUND', 'FORBIDDEN', 'EXTENSION_NOT_PENDING'],
  }) as const;

export const mitraAcceptExtensionRoute = defineRoute(
  access.mitra,
  answer('accept', 'mitraAcceptExtension', 'Accept: the extension awaits the customer’s payment'),
);
export const mitraRejectExtensionRoute = defineRoute(
  access.mitra,
  answer('reject', 'mitraRejectExtension', 'Reject: the session goes to closing'),
);

export function extensionRoutes(deps: SessionsDeps) {
  return createRouter()
    .openapi(customerRequestExtensionRoute, async (c) =>
      c.json(
        await requestExtension(deps, c.var.principal.userId, c.req.valid('param').id, c.req.valid('json').tier_id),
        201,
      ),
    )
    .openapi(mitraAcceptExtensionRoute, async (c) => {
      const p = c.req.valid('param');
      return c.json(await answerExtension(deps, c.var.principal.userId, p.id, p.ext_id, 'accept'), 200);
    })
    .openapi(mitraRejectExtensionRoute, async (c) => {
      const p = c.req.valid('param');
      return c.json(await answerExtension(deps, c.var.principal.userId, p.id, p.ext_id, 'reject'), 200);
    });
}
