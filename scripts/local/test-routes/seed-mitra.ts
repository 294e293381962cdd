import { NameText } from '../../../shared/http/schemas';
import { z } from '@hono/zod-openapi';
import { createRouter } from '../../../shared/http/function-app';
import { jsonBody, jsonResponse } from '../../../shared/http/openapi';
import { access, defineRoute } from '../../../shared/http/route';
import type { Runtime } from '../../../shared/runtime';
import { seedMitra } from './seeding';
import { TEST_TAGS } from './schemas';

const SeedMitraInputSchema = z
  .object({
    phone: z.string().min(1).max(32),
    display_name: NameText(80).optional(),
    is_active: z.boolean().optional(),
  })
  .openapi('TestSeedMitraInput');
const SeededMitraSchema = z.object({ mitra_id: z.string().uuid(), created: z.boolean() }).openapi('TestSeededMitra');

export const testSeedMitraRoute = defineRoute(access.public, {
  method: 'post',
  path: '/internal/_test/seed-mitra',
  operationId: 'testSeedMitra',
  tags: TEST_TAGS,
  summary: 'Create (or find) a mitra by phone, active by default; idempotent per phone',
  request: jsonBody(SeedMitraInputSchema),
  responses: { 200: jsonResponse('The mitra', SeededMitraSchema) },
  errors: ['PHONE_INVALID'],
});

export function testSeedMitraRoutes(rt: Runtime) {
  return createRouter().openapi(testSeedMitraRoute, async (c) =>
    c.json(await seedMitra(rt.db, rt.clock, c.req.valid('json')), 200),
  );
}
