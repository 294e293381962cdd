import { createRouter } from '../../../shared/http/function-app';
import { jsonResponse } from '../../../shared/http/openapi';
import { access, defineRoute } from '../../../shared/http/route';
import { IdParam } from '../../../shared/http/schemas';
import { acceptRequest, type PairingDeps, pendingOffers, rejectRequest } from '../../../shared/pairing';
import { AcceptedSchema, PendingOffersSchema, RejectedSchema } from '../schemas';

const tags = ['pairing: offers'];

export const pendingOffersRoute = defineRoute(access.mitra, {
  method: 'get',
  path: '/api/mitra/requests/pending',
  operationId: 'mitraPendingOffers',
  tags,
  summary: 'Open offers (app-resume path); the same shape as the Firestore offer docs',
  responses: { 200: jsonResponse('Open offers', PendingOffersSchema) },
});

export const acceptRequestRoute = defineRoute(access.mitra, {
  method: 'post',
  path: '/api/mitra/requests/{id}/accept',
  operationId: 'mitraAcceptRequest',
  tags,
  summary: 'Exactly one winner under any concurrency; the winner retrying gets the same session',
  request: { params: IdParam },
  responses: { 200: jsonResponse('Won', AcceptedSchema) },
  errors: [
    'NOT_FOUND',
    'FORBIDDEN',
    'ACCOUNT_INACTIVE',
    'REQUEST_TAKEN',
    'REQUEST_CANCELLED',
    'REQUEST_REJECTED',
    'CAPACITY_FULL',
    'ALREADY_ACTIVE',
    'REQUEST_EXPIRED',
  ],
});

export const rejectRequestRoute = defineRoute(access.mitra, {
  method: 'post',
  path: '/api/mitra/requests/{id}/reject',
  operationId: 'mitraRejectRequest',
  summary: 'Decline an offered chat request',
  tags,
  request: { params: IdParam },
  responses: { 200: jsonResponse('Rejected (idempotent)', RejectedSchema) },
  errors: ['NOT_FOUND', 'FORBIDDEN', 'REQUEST_TAKEN', 'REQUEST_CANCELLED', 'REQUEST_EXPIRED'],
});

export function offerRoutes(deps: PairingDeps) {
  return createRouter()
    .openapi(pendingOffersRoute, async (c) => c.json(await pendingOffers(deps, c.var.principal.userId), 200))
    .openapi(acceptRequestRoute, async (c) =>
      c.json(await acceptRequest(deps, c.var.principal.userId, c.req.valid('param').id), 200),
    )
    .openapi(rejectRequestRoute, async (c) =>
      c.json(await rejectRequest(deps, c.var.principal.userId, c.req.valid('param').id), 200),
    );
}
