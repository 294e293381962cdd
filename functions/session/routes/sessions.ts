import { createRouter } from '../../../shared/http/function-app';
import { jsonResponse } from '../../../shared/http/openapi';
import { access, defineRoute } from '../../../shared/http/route';
import { IdParam, ListQuery } from '../../../shared/http/schemas';
import { currentSessions, getSession, listSessions, type SessionsDeps } from '../../../shared/sessions';
import {
  CustomerActiveSessionSchema,
  MitraActiveSessionsSchema,
  SessionForCustomerPageSchema,
  SessionForCustomerSchema,
  SessionForMitraPageSchema,
  SessionForMitraSchema,
} from '../schemas';

const tags = ['sessions'];

export const customerActiveSessionRoute = defineRoute(access.customer, {
  method: 'get',
  path: '/api/client/sessions/active',
  operationId: 'customerActiveSession',
  tags,
  summary: 'The customer’s current session (pending_payment, active, expired or closing), or null',
  responses: { 200: jsonResponse('Current session', CustomerActiveSessionSchema) },
});

export const mitraActiveSessionsRoute = defineRoute(access.mitra, {
  method: 'get',
  path: '/api/mitra/sessions/active',
  operationId: 'mitraActiveSessions',
  tags,
  summary: 'The mitra’s current sessions, with topic_sensitivity',
  responses: { 200: jsonResponse('Current sessions', MitraActiveSessionsSchema) },
});

export const customerSessionHistoryRoute = defineRoute(access.customer, {
  method: 'get',
  path: '/api/client/sessions',
  operationId: 'customerSessionHistory',
  tags,
  summary: 'History, newest first (never topic_sensitivity)',
  request: { query: ListQuery },
  responses: { 200: jsonResponse('A page of sessions', SessionForCustomerPageSchema) },
});

export const mitraSessionHistoryRoute = defineRoute(access.mitra, {
  method: 'get',
  path: '/api/mitra/sessions',
  operationId: 'mitraSessionHistory',
  tags,
  summary: 'History, newest first, with topic_sensitivity',
  request: { query: ListQuery },
  responses: { 200: jsonResponse('A page of sessions', SessionForMitraPageSchema) },
});

export const customerSessionRoute = defineRoute(access.customer, {
  method: 'get',
  path: '/api/client/sessions/{id}',
  operationId: 'customerSession',
  summary: 'One of the customer’s sessions (with the pay link while a payment is open)',
  tags,
  request: { params: IdParam },
  responses: { 200: jsonResponse('The session', SessionForCustomerSchema) },
  errors: ['NOT_FOUND', 'FORBIDDEN'],
});

export const mitraSessionRoute = defineRoute(access.mitra, {
  method: 'get',
  path: '/api/mitra/sessions/{id}',
  operationId: 'mitraSession',
  summary: 'One of the mitra’s sessions, with its sensitivity and the toggle’s rules',
  tags,
  request: { params: IdParam },
  responses: { 200: jsonResponse('The session', SessionForMitraSchema) },
  errors: ['NOT_FOUND', 'FORBIDDEN'],
});

export function sessionRoutes(deps: SessionsDeps) {
  return createRouter()
    .openapi(customerActiveSessionRoute, async (c) => {
      const [current] = await currentSessions(deps, 'customer', c.var.principal.userId);
      return c.json({ session: current ?? null }, 200);
    })
    .openapi(mitraActiveSessionsRoute, async (c) =>
      c.json({ sessions: await currentSessions(deps, 'mitra', c.var.principal.userId) }, 200),
    )
    .openapi(customerSessionHistoryRoute, async (c) =>
      c.json(await listSessions(deps, 'customer', c.var.principal.userId, c.req.valid('query')), 200),
    )
    .openapi(mitraSessionHistoryRoute, async (c) =>
      c.json(await listSessions(deps, 'mitra', c.var.principal.userId, c.req.valid('query')), 200),
    )
    .openapi(customerSessionRoute, async (c) =>
      c.json(await getSession(deps, 'customer', c.var.principal.userId, c.req.valid('param').id), 200),
    )
    .openapi(mitraSessionRoute, async (c) =>
      c.json(await getSession(deps, 'mitra', c.var.principal.userId, c.req.valid('param').id), 200),
    );
}
