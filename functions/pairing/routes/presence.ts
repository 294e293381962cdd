import { createRouter } from '../../../shared/http/function-app';
import { jsonResponse } from '../../../shared/http/openapi';
import { access, defineRoute } from '../../../shared/http/route';
import {
  availableMitraCount,
  goOffline,
  goOnline,
  heartbeat,
  mitraStatus,
  type PairingDeps,
} from '../../../shared/pairing';
import { AvailabilitySchema, PresenceSchema, WentOnlineSchema } from '../schemas';

const tags = ['pairing: presence'];

export const goOnlineRoute = defineRoute(access.mitra, {
  method: 'post',
  path: '/api/mitra/status/online',
  operationId: 'mitraGoOnline',
  tags,
  summary: 'Go online; searching requests are offered to the mitra too',
  responses: { 200: jsonResponse('Online', WentOnlineSchema) },
  errors: ['ACCOUNT_INACTIVE'],
});

export const goOfflineRoute = defineRoute(access.mitra, {
  method: 'post',
  path: '/api/mitra/status/offline',
  operationId: 'mitraGoOffline',
  summary: 'Stop receiving chat requests',
  tags,
  responses: { 200: jsonResponse('Offline', PresenceSchema) },
  errors: ['ACCOUNT_INACTIVE'],
});

export const heartbeatRoute = defineRoute(access.mitra, {
  method: 'post',
  path: '/api/mitra/status/heartbeat',
  operationId: 'mitraHeartbeat',
  tags,
  summary: 'Every MITRA_HEARTBEAT_CADENCE_SECONDS; one indexed write. Does not turn a mitra online.',
  responses: { 204: { description: 'Alive' } },
  errors: ['ACCOUNT_INACTIVE'],
});

export const statusRoute = defineRoute(access.mitra, {
  method: 'get',
  path: '/api/mitra/status',
  operationId: 'mitraStatus',
  summary: "The mitra's presence, availability and heartbeat cadence",
  tags,
  responses: { 200: jsonResponse('Presence', PresenceSchema) },
  errors: ['NOT_FOUND'],
});

export const availabilityRoute = defineRoute(access.customer, {
  method: 'get',
  path: '/api/client/availability',
  operationId: 'clientAvailability',
  summary: 'How many mitras are available now (cached up to 10 s)',
  tags,
  responses: { 200: jsonResponse('Available mitras (cached ≤ 10 s)', AvailabilitySchema) },
});

export function presenceRoutes(deps: PairingDeps) {
  return createRouter()
    .openapi(goOnlineRoute, async (c) => c.json(await goOnline(deps, c.var.principal.userId), 200))
    .openapi(goOfflineRoute, async (c) => c.json(await goOffline(deps, c.var.principal.userId), 200))
    .openapi(heartbeatRoute, async (c) => {
      await heartbeat(deps, c.var.principal.userId);
      return c.body(null, 204);
    })
    .openapi(statusRoute, async (c) => c.json(await mitraStatus(deps, c.var.principal.userId), 200))
    .openapi(availabilityRoute, async (c) => {
      c.header('Cache-Control', 'private, max-age=5');
      return c.json({ available_mitras: await availableMitraCount(deps) }, 200);
    });
}
