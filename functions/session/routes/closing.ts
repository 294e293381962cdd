import { createRouter } from '../../../shared/http/function-app';
import { jsonBody, jsonResponse } from '../../../shared/http/openapi';
import { access, defineRoute } from '../../../shared/http/route';
import { IdParam } from '../../../shared/http/schemas';
import { endEarly, getSession, postGoodbye, type SessionsDeps } from '../../../shared/sessions';
import { GoodbyeInputSchema, SessionForCustomerSchema, SessionForMitraSchema } from '../schemas';

const tags = ['sessions: closing'];

const end = (
  ns: 'client' | 'mitra',
  operationId: string,
  schema: typeof SessionForCustomerSchema | typeof SessionForMitraSchema,
) =>
  ({
    method: 'post',
    path: `/api/${ns}/sessions/{id}/end`,
    operationId,
    tags,
    summary: 'End the session → closing (while active only if early_end allows this side)',
    request: { params: IdParam },
    responses: { 200: jsonResponse('Now closing', schema) },
    errors: ['NOT_FOUND', 'FORBIDDEN', 'SESSION_NOT_ACTIVE', 'EARLY_END_DISABLED'],
  }) as const;

const goodbye = (
  ns: 'client' | 'mitra',
  operationId: string,
  schema: typeof SessionForCustomerSchema | typeof SessionForMitraSchema,
) =>
  ({
    method: 'post',
    path: `/api/${ns}/sessions/{id}/goodbye`,
    operationId,
    tags,
    summary: 'One goodbye per side while closing; both → completed',
    request: { params: IdParam, ...jsonBody(GoodbyeInputSchema) },
    responses: { 200: jsonResponse('Goodbye recorded', schema) },
    errors: ['NOT_FOUND', 'FORBIDDEN', 'SESSION_NOT_CLOSING', 'GOODBYE_ALREADY_SENT'],
  }) as const;

export const customerEndSessionRoute = defineRoute(
  access.customer,
  end('client', 'customerEndSession', SessionForCustomerSchema),
);
export const mitraEndSessionRoute = defineRoute(access.mitra, end('mitra', 'mitraEndSession', SessionForMitraSchema));
export const customerGoodbyeRoute = defineRoute(
  access.customer,
  goodbye('client', 'customerGoodbye', SessionForCustomerSchema),
);
export const mitraGoodbyeRoute = defineRoute(access.mitra, goodbye('mitra', 'mitraGoodbye', SessionForMitraSchema));

export function closingRoutes(deps: SessionsDeps) {
  return createRouter()
    .openapi(customerEndSessionRoute, async (c) => {
      const [user, id] = [c.var.principal.userId, c.req.valid('param').id];
      await endEarly(deps, 'customer', user, id);
      return c.json(await getSession(deps, 'customer', user, id), 200);
    })
    .openapi(mitraEndSessionRoute, async (c) => {
      const [user, id] = [c.var.principal.userId, c.req.valid('param').id];
      await endEarly(deps, 'mitra', user, id);
      return c.json(await getSession(deps, 'mitra', user, id), 200);
    })
    .openapi(customerGoodbyeRoute, async (c) => {
      const [user, id] = [c.var.principal.userId, c.req.valid('param').id];
      await postGoodbye(deps, 'customer', user, id, c.req.valid('json').message);
      return c.json(await getSession(deps, 'customer', user, id), 200);
    })
    .openapi(mitraGoodbyeRoute, async (c) => {
      const [user, id] = [c.var.principal.userId, c.req.valid('param').id];
      await postGoodbye(deps, 'mitra', user, id, c.req.valid('json').message);
      return c.json(await getSession(deps, 'mitra', user, id), 200);
    });
}
