import { z } from '@hono/zod-openapi';
import { createRouter } from '../../../shared/http/function-app';
import { jsonBody } from '../../../shared/http/openapi';
import { access, defineRoute } from '../../../shared/http/route';
import { PubSubPushEnvelopeSchema, pubSubMessage } from '../../../shared/http/schemas';
import { SAFETY_PATHS, type SafetyDeps, screenMessage } from '../../../shared/safety';

/** Ids only: the screener reads the text from Postgres, so no copy of it travels through Pub/Sub. */
const ScreeningMessageSchema = z
  .object({
    session_id: z.string().uuid(),
    message_id: z.string().uuid(),
    sender_type: z.enum(['customer', 'mitra']),
  })
  .openapi('ScreeningMessage');

export const screenMessageRoute = defineRoute(access.oidc, {
  method: 'post',
  path: SAFETY_PATHS.screen,
  operationId: 'safetyScreenMessage',
  tags: ['private'],
  summary: 'Pub/Sub push: one committed message screened; alerts, flag, crisis resources (redelivery-safe)',
  request: jsonBody(PubSubPushEnvelopeSchema),
  responses: { 204: { description: 'Screened (a redelivery records nothing twice)' } },
});

export function screeningRoutes(deps: SafetyDeps) {
  return createRouter().openapi(screenMessageRoute, async (c) => {
    const message = pubSubMessage(c.req.valid('json').message.data, ScreeningMessageSchema, 'a screening message');
    await screenMessage(deps, message);
    return c.body(null, 204);
  });
}
