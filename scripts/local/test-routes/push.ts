import { z } from '@hono/zod-openapi';
import { createRouter } from '../../../shared/http/function-app';
import { jsonResponse } from '../../../shared/http/openapi';
import { access, defineRoute } from '../../../shared/http/route';
import { IsoDateTime } from '../../../shared/http/schemas';
import type { Runtime } from '../../../shared/runtime';
import { localControls } from './local-controls';
import { TEST_TAGS } from './schemas';

/**
 * Exactly the firebase-admin message the real adapter would send (the SDK's field names; SPEC §12's
 * alert or background shape), plus when the recorder saw it.
 */
const RecordedPushSchema = z
  .object({
    message_id: z.string(),
    token: z.string(),
    data: z.record(z.string(), z.string()),
    notification: z.object({ title: z.string(), body: z.string() }).optional(),
    android: z.object({
      priority: z.enum(['high', 'normal']),
      ttl: z.number().int().optional().openapi({ description: 'Milliseconds left until the push expires' }),
      notification: z.object({ channelId: z.string(), tag: z.string() }).optional(),
    }),
    apns: z.object({
      headers: z.record(z.string(), z.string()),
      payload: z.object({
        aps: z.object({
          sound: z.string().optional(),
          threadId: z.string().optional(),
          contentAvailable: z.boolean().optional(),
        }),
      }),
    }),
    recorded_at: IsoDateTime,
  })
  .openapi('RecordedPush');
const RecordedPushesSchema = z.object({ messages: z.array(RecordedPushSchema) }).openapi('RecordedPushes');

export const testPushRoute = defineRoute(access.public, {
  method: 'get',
  path: '/internal/_test/push',
  operationId: 'testRecordedPushes',
  tags: TEST_TAGS,
  summary: 'FCM messages recorded for a user (plain user UUID), oldest first',
  request: { query: z.object({ user_id: z.string().uuid() }) },
  responses: { 200: jsonResponse('Recorded messages', RecordedPushesSchema) },
  errors: ['NOT_FOUND'],
});

export function testPushRoutes(rt: Runtime) {
  return createRouter().openapi(testPushRoute, async (c) => {
    const messages = await localControls(rt).pushRecorder.recordedFor(c.req.valid('query').user_id);
    return c.json({ messages: messages as Array<z.infer<typeof RecordedPushSchema>> }, 200);
  });
}
