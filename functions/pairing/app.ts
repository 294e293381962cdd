import { createRoute, z } from '@hono/zod-openapi';
import { AppError } from '../../shared/errors';
import { requireUser } from '../../shared/http/auth-middleware';
import { createFunctionApp } from '../../shared/http/function-app';
import { jsonBody, jsonResponse } from '../../shared/http/openapi';
import { PairingService, PAIRING_PATHS } from '../../shared/pairing/service';
import type { Runtime } from '../../shared/runtime';

const idParam = { params: z.object({ id: z.string().uuid() }) };
const loose = z.record(z.string(), z.unknown());

const chatRequestBody = z
  .object({
    topic_sensitivity: z.enum(['regular', 'sensitive']),
    tier_id: z.string().min(1).max(32).optional(),
    free_trial: z.literal(true).optional(),
    target_mitra_id: z.string().uuid().optional(),
  })
  .strict();

const pushEnvelope = z.object({
  message: z.object({
    data: z.string(),
    messageId: z.string().optional(),
    message_id: z.string().optional(),
    attributes: z.record(z.string(), z.string()).optional(),
  }),
  subscription: z.string(),
});
const blastData = z.object({ request_id: z.string().uuid(), mitra_ids: z.array(z.string().uuid()) });

export function pairingService(rt: Runtime) {
  return new PairingService({
    db: rt.db,
    clock: rt.clock,
    config: rt.config,
    outbox: rt.outbox,
    logger: rt.logger,
    blastTopic: rt.env.PUBSUB_PAIRING_TOPIC,
  });
}

export function createPairingApp(rt: Runtime) {
  const app = createFunctionApp('pairing', rt);
  const pairing = pairingService(rt);
  const guards = { accessTokens: rt.accessTokens, permissions: rt.permissions };
  const mitra = requireUser(guards, 'mitra');
  const customer = requireUser(guards, 'customer');
  const presenceTags = ['pairing: presence'];
  const requestTags = ['pairing: requests'];

  // ---- presence ----
  for (const state of ['online', 'offline'] as const) {
    app.openapi(
      createRoute({
        method: 'post',
        path: `/api/mitra/status/${state}`,
        tags: presenceTags,
        middleware: [mitra] as const,
        responses: { 200: jsonResponse('Presence', loose), 403: { description: 'ACCOUNT_INACTIVE' } },
      }),
      async (c) =>
        c.json(
          state === 'online'
            ? await pairing.goOnline(c.get('principal').userId)
            : await pairing.goOffline(c.get('principal').userId),
          200,
        ),
    );
  }
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/mitra/status/heartbeat',
      tags: presenceTags,
      summary: `Every MITRA_HEARTBEAT_CADENCE_SECONDS; one indexed write`,
      middleware: [mitra] as const,
      responses: { 204: { description: 'Alive' }, 403: { description: 'ACCOUNT_INACTIVE' } },
    }),
    async (c) => {
      await pairing.heartbeat(c.get('principal').userId);
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/mitra/status',
      tags: presenceTags,
      middleware: [mitra] as const,
      responses: { 200: jsonResponse('Presence', loose) },
    }),
    async (c) =>
      c.json(
        {
          ...(await pairing.status(c.get('principal').userId)),
          heartbeat_cadence_seconds: rt.env.MITRA_HEARTBEAT_CADENCE_SECONDS,
        },
        200,
      ),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/client/availability',
      tags: presenceTags,
      middleware: [customer] as const,
      responses: { 200: jsonResponse('Available mitras (cached ≤ 10 s)', z.object({ available_mitras: z.number() })) },
    }),
    async (c) => {
      c.header('Cache-Control', 'private, max-age=5');
      return c.json({ available_mitras: await pairing.availableCount() }, 200);
    },
  );

  // ---- requests ----
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/client/chat/request',
      tags: requestTags,
      middleware: [customer] as const,
      request: {
        headers: z.object({ 'idempotency-key': z.string().min(1).max(200).optional() }),
        ...jsonBody(chatRequestBody),
      },
      responses: {
        201: jsonResponse(
          'Searching',
          z.object({ request_id: z.string(), status: z.string(), notified_mitras: z.number(), expires_at: z.string() }),
        ),
        400: { description: 'BAD_REQUEST' },
        403: { description: 'REGISTRATION_REQUIRED' },
        409: { description: 'ALREADY_ACTIVE / FREE_TRIAL_UNAVAILABLE / MITRA_UNAVAILABLE' },
      },
    }),
    async (c) => {
      // A replay with the same Idempotency-Key answers exactly like the original (201, same body).
      const out = await pairing.createRequest(
        c.get('principal').userId,
        c.req.valid('json'),
        c.req.valid('header')['idempotency-key'],
      );
      return c.json(out, 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/client/chat/request/{id}/cancel',
      tags: requestTags,
      middleware: [customer] as const,
      request: idParam,
      responses: { 200: jsonResponse('Cancelled', loose) },
    }),
    async (c) => c.json(await pairing.cancel(c.get('principal').userId, c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/mitra/requests/pending',
      tags: requestTags,
      middleware: [mitra] as const,
      responses: { 200: jsonResponse('Open offers (app-resume path)', z.object({ requests: z.array(loose) })) },
    }),
    async (c) => c.json({ requests: await pairing.pendingFor(c.get('principal').userId) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/mitra/requests/{id}/accept',
      tags: requestTags,
      middleware: [mitra] as const,
      request: idParam,
      responses: {
        200: jsonResponse('Won', z.object({ session_id: z.string(), session_status: z.string() })),
        403: { description: 'FORBIDDEN' },
        409: { description: 'REQUEST_TAKEN / REQUEST_CANCELLED / CAPACITY_FULL' },
        410: { description: 'REQUEST_EXPIRED' },
      },
    }),
    async (c) => c.json(await pairing.accept(c.get('principal').userId, c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/mitra/requests/{id}/reject',
      tags: requestTags,
      middleware: [mitra] as const,
      request: idParam,
      responses: { 200: jsonResponse('Rejected', loose) },
    }),
    async (c) => c.json(await pairing.reject(c.get('principal').userId, c.req.valid('param').id), 200),
  );

  // ---- private: Pub/Sub push and Cloud Tasks (OIDC-verified by the function shell) ----
  app.openapi(
    createRoute({
      method: 'post',
      path: PAIRING_PATHS.blast,
      tags: ['private'],
      request: jsonBody(pushEnvelope),
      responses: { 204: { description: 'Handled (idempotent)' } },
    }),
    async (c) => {
      let data: unknown;
      try {
        data = JSON.parse(Buffer.from(c.req.valid('json').message.data, 'base64').toString('utf8'));
      } catch {
        throw new AppError('BAD_REQUEST', 'message.data is not base64 JSON');
      }
      await pairing.handleBlast(blastData.parse(data));
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: PAIRING_PATHS.requestTimeout,
      tags: ['private'],
      request: jsonBody(z.object({ request_id: z.string().uuid() })),
      responses: { 204: { description: 'Handled (idempotent)' } },
    }),
    async (c) => {
      await pairing.requestTimeout(c.req.valid('json').request_id);
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: PAIRING_PATHS.notificationTimeout,
      tags: ['private'],
      request: jsonBody(z.object({ request_id: z.string().uuid(), mitra_id: z.string().uuid() })),
      responses: { 204: { description: 'Handled (idempotent)' } },
    }),
    async (c) => {
      const b = c.req.valid('json');
      await pairing.notificationTimeout(b.request_id, b.mitra_id);
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: PAIRING_PATHS.sweep,
      tags: ['private'],
      summary: 'Cloud Scheduler: stale mitras → offline',
      responses: { 200: jsonResponse('Swept', z.object({ turned_offline: z.number() })) },
    }),
    async (c) => c.json({ turned_offline: await pairing.sweepStale() }, 200),
  );
  return app;
}
