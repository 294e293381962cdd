import { z } from '@hono/zod-openapi';
import { createRouter } from '../../../shared/http/function-app';
import { jsonBody, jsonResponse } from '../../../shared/http/openapi';
import { access, defineRoute } from '../../../shared/http/route';
import { IdParam, IsoDateTime } from '../../../shared/http/schemas';
import type { Runtime } from '../../../shared/runtime';
import { probeRuns, scheduleProbe } from './probe-runs';
import { TEST_TAGS } from './schemas';

const ProbeInputSchema = z
  .object({
    delay_seconds: z
      .number()
      .int()
      .min(0)
      .max(400 * 86400),
  })
  .openapi('TestProbeInput');
const ProbeScheduledSchema = z
  .object({ probe_id: z.string().uuid(), run_at: IsoDateTime })
  .openapi('TestProbeScheduled');
const ProbeRunsSchema = z.object({ runs: z.number().int().min(0) }).openapi('TestProbeRuns');

export const testScheduleProbeRoute = defineRoute(access.public, {
  method: 'post',
  path: '/internal/_test/probe',
  operationId: 'testScheduleProbe',
  tags: TEST_TAGS,
  summary: 'Schedule a no-op timer (proves the outbox → scheduler → OIDC → handler path end to end)',
  request: jsonBody(ProbeInputSchema),
  responses: { 201: jsonResponse('Scheduled', ProbeScheduledSchema) },
});

export const testProbeRunsRoute = defineRoute(access.public, {
  method: 'get',
  path: '/internal/_test/probe/{id}',
  operationId: 'testProbeRuns',
  summary: 'Local stack only: how often a probe timer ran',
  tags: TEST_TAGS,
  request: { params: IdParam },
  responses: { 200: jsonResponse('How often the probe ran', ProbeRunsSchema) },
});

export function testProbeRoutes(rt: Runtime) {
  return createRouter()
    .openapi(testScheduleProbeRoute, async (c) => {
      const { probeId, runAt } = await scheduleProbe(rt, c.req.valid('json').delay_seconds);
      return c.json({ probe_id: probeId, run_at: runAt.toISOString() }, 201);
    })
    .openapi(testProbeRunsRoute, async (c) => c.json({ runs: await probeRuns(rt.db, c.req.valid('param').id) }, 200));
}
