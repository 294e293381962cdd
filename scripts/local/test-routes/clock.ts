import { z } from '@hono/zod-openapi';
import { createRouter } from '../../../shared/http/function-app';
import { jsonBody, jsonResponse } from '../../../shared/http/openapi';
import { access, defineRoute } from '../../../shared/http/route';
import { IsoDateTime } from '../../../shared/http/schemas';
import type { Runtime } from '../../../shared/runtime';
import { localControls } from './local-controls';
import { TEST_TAGS } from './schemas';

const ClockAdvanceSchema = z
  .object({
    advance_seconds: z
      .number()
      .int()
      .min(0)
      .max(400 * 86400),
  })
  .openapi('TestClockAdvance');
const ClockAdvancedSchema = z
  .object({
    now: IsoDateTime,
    tasks_run: z.number().int().min(0).openapi({ description: 'product timers run (cron sweeps not counted)' }),
  })
  .openapi('TestClockAdvanced');

export const testClockRoute = defineRoute(access.public, {
  method: 'post',
  path: '/internal/_test/clock',
  operationId: 'testAdvanceClock',
  tags: TEST_TAGS,
  summary: 'Move the local clock forward and run every task that became due',
  request: jsonBody(ClockAdvanceSchema),
  responses: { 200: jsonResponse('Tasks ran', ClockAdvancedSchema) },
  errors: ['NOT_FOUND'],
});

export function testClockRoutes(rt: Runtime) {
  return createRouter().openapi(testClockRoute, async (c) => {
    const { now, tasksRun } = await localControls(rt).advanceClock(c.req.valid('json').advance_seconds);
    return c.json({ now: now.toISOString(), tasks_run: tasksRun }, 200);
  });
}
