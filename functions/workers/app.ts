import { createRoute, z } from '@hono/zod-openapi';
import { createFunctionApp } from '../../shared/http/function-app';
import { jsonBody } from '../../shared/http/openapi';
import type { Runtime } from '../../shared/runtime';
import { PROBE_TASK_PATH, recordProbeRun } from '../../shared/testing/probe';

const drainRoute = createRoute({
  method: 'post',
  path: '/tasks/outbox/drain',
  tags: ['private'],
  summary: 'Cloud Scheduler safety net: deliver every outbox row that is due',
  responses: {
    200: { description: 'Drained', content: { 'application/json': { schema: z.object({ delivered: z.number() }) } } },
  },
});

const probeRoute = createRoute({
  method: 'post',
  path: PROBE_TASK_PATH,
  tags: ['private'],
  request: jsonBody(z.object({ probe_id: z.string() })),
  responses: { 204: { description: 'Recorded' } },
});

/** Private routes that belong to no product function: outbox relay, probes. */
export function createWorkersApp(rt: Runtime) {
  const app = createFunctionApp('workers', rt);
  app.openapi(drainRoute, async (c) => c.json({ delivered: await rt.outbox.drainAll() }, 200));
  if (rt.env.ENABLE_TEST_ROUTES) {
    app.openapi(probeRoute, async (c) => {
      await recordProbeRun(rt.db, c.req.valid('json').probe_id);
      return c.body(null, 204);
    });
  }
  return app;
}
