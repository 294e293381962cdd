import { z } from '@hono/zod-openapi';
import { AppError } from '../../../shared/errors';
import { createRouter } from '../../../shared/http/function-app';
import { jsonBody, jsonResponse } from '../../../shared/http/openapi';
import { access, defineRoute } from '../../../shared/http/route';
import { IsoDateTime } from '../../../shared/http/schemas';
import {
  handleBlast,
  notificationTimeout,
  PAIRING_PATHS,
  type PairingDeps,
  refreshQueue,
  requestTimeout,
  sendWave,
  sweepStale,
} from '../../../shared/pairing';

const tags = ['private'];

export const PubSubPushEnvelopeSchema = z
  .object({
    message: z.object({
      data: z.string().openapi({ description: 'base64 of the JSON message' }),
      messageId: z.string().optional(),
      message_id: z.string().optional(),
      publishTime: z.string().optional(),
      attributes: z.record(z.string(), z.string()).optional(),
    }),
    subscription: z.string(),
  })
  .openapi('PubSubPushEnvelope');

const BlastMessageSchema = z
  .object({ request_id: z.string().uuid(), mitra_ids: z.array(z.string().uuid()).max(10_000) })
  .openapi('BlastMessage');

const RequestTimeoutTaskSchema = z.object({ request_id: z.string().uuid() }).openapi('RequestTimeoutTask');
const NotificationTimeoutTaskSchema = z
  .object({ request_id: z.string().uuid(), offered_at: IsoDateTime })
  .openapi('NotificationTimeoutTask', { description: 'Every notification of the request offered at offered_at' });

const WaveTaskSchema = z
  .object({ request_id: z.string().uuid(), wave: z.number().int().min(2).max(1000) })
  .openapi('WaveTask', { description: "The request's next offer wave (the one after its last)" });

const QueueMovedTaskSchema = z.object({}).openapi('QueueMovedTask');

const SweepResultSchema = z.object({ turned_offline: z.number().int().min(0) }).openapi('SweepResult');

export const blastRoute = defineRoute(access.oidc, {
  method: 'post',
  path: PAIRING_PATHS.blast,
  operationId: 'pairingBlastPush',
  tags,
  summary: 'Pub/Sub push: offer docs and FCM pushes for the still-offered mitras (redelivery-safe)',
  request: jsonBody(PubSubPushEnvelopeSchema),
  responses: { 204: { description: 'Handled (idempotent)' } },
});

export const requestTimeoutRoute = defineRoute(access.oidc, {
  method: 'post',
  path: PAIRING_PATHS.requestTimeout,
  operationId: 'pairingRequestTimeout',
  summary: 'Cloud Tasks: a searching request past its expiry becomes expired',
  tags,
  request: jsonBody(RequestTimeoutTaskSchema),
  responses: { 204: { description: 'Handled (idempotent)' } },
});

export const notificationTimeoutRoute = defineRoute(access.oidc, {
  method: 'post',
  path: PAIRING_PATHS.notificationTimeout,
  operationId: 'pairingNotificationTimeout',
  tags,
  summary: 'One task per offer batch: its still-offered notifications become ignored',
  request: jsonBody(NotificationTimeoutTaskSchema),
  responses: { 204: { description: 'Handled (idempotent)' } },
});

export const waveRoute = defineRoute(access.oidc, {
  method: 'post',
  path: PAIRING_PATHS.wave,
  operationId: 'pairingWave',
  tags,
  summary: 'One task per request per wave: the next mitras in the fair order are offered (SPEC §6)',
  request: jsonBody(WaveTaskSchema),
  responses: { 204: { description: 'Handled (idempotent)' } },
});

export const queueMovedRoute = defineRoute(access.oidc, {
  method: 'post',
  path: PAIRING_PATHS.queueMoved,
  operationId: 'pairingQueueMoved',
  tags,
  summary: "At most one a second: every waiting customer's queue status (position, estimate) is rewritten",
  request: jsonBody(QueueMovedTaskSchema),
  responses: { 204: { description: 'Handled (idempotent)' } },
});

export const sweepStaleRoute = defineRoute(access.oidc, {
  method: 'post',
  path: PAIRING_PATHS.sweep,
  operationId: 'pairingSweepStale',
  tags,
  summary: 'Cloud Scheduler: stale mitras → offline',
  responses: { 200: jsonResponse('Swept', SweepResultSchema) },
});

/** Pub/Sub wraps our JSON in base64; anything else is a 400 (dead-lettered after its retries). */
function blastMessage(data: string) {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(data, 'base64').toString('utf8'));
  } catch {
    throw AppError.invalid('message.data', 'message.data is not base64 JSON');
  }
  const message = BlastMessageSchema.safeParse(parsed);
  if (!message.success) throw AppError.invalid('message.data', 'not a blast message');
  return message.data;
}

export function privateRoutes(deps: PairingDeps) {
  return createRouter()
    .openapi(blastRoute, async (c) => {
      await handleBlast(deps, blastMessage(c.req.valid('json').message.data));
      return c.body(null, 204);
    })
    .openapi(requestTimeoutRoute, async (c) => {
      await requestTimeout(deps, c.req.valid('json').request_id);
      return c.body(null, 204);
    })
    .openapi(notificationTimeoutRoute, async (c) => {
      await notificationTimeout(deps, c.req.valid('json'));
      return c.body(null, 204);
    })
    .openapi(waveRoute, async (c) => {
      await sendWave(deps, c.req.valid('json'));
      return c.body(null, 204);
    })
    .openapi(queueMovedRoute, async (c) => {
      await refreshQueue(deps);
      return c.body(null, 204);
    })
    .openapi(sweepStaleRoute, async (c) => c.json({ turned_offline: await sweepStale(deps) }, 200));
}
