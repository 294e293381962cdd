import { z } from '@hono/zod-openapi';
import { createRouter } from '../../../shared/http/function-app';
import { access, defineRoute } from '../../../shared/http/route';
import type { Logger } from '../../../shared/logger';
import { type OutboxRelay } from '../../../shared/outbox';

const DrainedSchema = z.object({ delivered: z.number().int() }).openapi('OutboxDrained');

export const drainOutboxRoute = defineRoute(access.oidc, {
  method: 'post',
  path: '/tasks/outbox/drain',
  operationId: 'drainOutbox',
  tags: ['private'],
  summary: 'Cloud Scheduler safety net: deliver every outbox row that is due',
  responses: { 200: { description: 'Drained', content: { 'application/json': { schema: DrainedSchema } } } },
});

export function outboxRoutes(outbox: OutboxRelay, logger: Logger, backlogAgeSeconds: () => Promise<number>) {
  return createRouter().openapi(drainOutboxRoute, async (c) => {
    const delivered = await outbox.drainAll();
    // One line per run: the backlog-age alert reads it (and alerts when it stops coming).
    logger.info('outbox backlog', { oldest_pending_age_seconds: await backlogAgeSeconds(), delivered });
    return c.json({ delivered }, 200);
  });
}
