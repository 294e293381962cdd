import { z } from '@hono/zod-openapi';
import { createRouter } from '../../../shared/http/function-app';
import { jsonBody } from '../../../shared/http/openapi';
import { access, defineRoute } from '../../../shared/http/route';
import { PROBE_TASK_PATH } from './probe-runs';

export const probeRoute = defineRoute(access.oidc, {
  method: 'post',
  path: PROBE_TASK_PATH,
  operationId: 'runProbeTask',
  tags: ['private'],
  summary: 'Local stack only: a no-op timer through the real outbox → scheduler → OIDC → handler path',
  request: jsonBody(z.object({ probe_id: z.string().min(1).max(100) })),
  responses: { 204: { description: 'Recorded' } },
});

export function probeRoutes(recordProbeRun: (probeId: string) => Promise<void>) {
  return createRouter().openapi(probeRoute, async (c) => {
    await recordProbeRun(c.req.valid('json').probe_id);
    return c.body(null, 204);
  });
}
