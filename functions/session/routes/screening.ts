import { z } from '@hono/zod-openapi';
import { MAX_EVENT_ITEMS } from '../../../shared/outbox';
import { createRouter } from '../../../shared/http/function-app';
import { jsonBody } from '../../../shared/http/openapi';
import { access, defineRoute } from '../../../shared/http/route';
import { PubSubPushEnvelopeSchema, pubSubMessage } from '../../../shared/http/schemas';
import { SAFETY_PATHS, type SafetyDeps, screenMessages } from '../../../shared/safety';

/** Ids only: the screener reads the text from Postgres, so no copy of it travels through Pub/Sub. */
const ScreeningMessageSchema = z
  .object({
    session_id: z.string().uuid(),
    message_id: z.string().uuid(),
    sender_type: z.enum(['customer', 'mitra']),
  })
  .openapi('ScreeningMessage');

/**
 * What the relay publishes: a batch's messages in one Pub/Sub message (MAX_EVENT_ITEMS at most). A single
 * message is still read, as a revision from before batching publishes it during a rollout.
 */
const ScreeningEventSchema = z
  .union([z.object({ items: z.array(ScreeningMessageSchema).min(1).max(MAX_EVENT_ITEMS) }), ScreeningMessageSchema])
  .openapi('ScreeningEvent');

export const screenMessageRoute = defineRoute(access.oidc, {
  method: 'post',
  path: SAFETY_PATHS.screen,
  operationId: 'safetyScreenMessage',
  tags: ['private'],
  summary: 'Pub/Sub push: committed messages screened; alerts, flag, crisis resources (redelivery-safe)',
  request: jsonBody(PubSubPushEnvelopeSchema),
  responses: { 204: { description: 'Screened (a redelivery records nothing twice)' } },
});

export function screeningRoutes(deps: SafetyDeps) {
  return createRouter().openapi(screenMessageRoute, async (c) => {
    const event = pubSubMessage(c.req.valid('json').message.data, ScreeningEventSchema, 'a screening message');
    await screenMessages(deps, 'items' in event ? event.items : [event]);
    return c.body(null, 204);
  });
}
