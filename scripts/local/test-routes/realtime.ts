import { z } from '@hono/zod-openapi';
import { AppError } from '../../../shared/errors';
import { createRouter } from '../../../shared/http/function-app';
import { jsonResponse } from '../../../shared/http/openapi';
import { access, defineRoute } from '../../../shared/http/route';
import type { Runtime } from '../../../shared/runtime';
import { INSPECTABLE_PATH, isDocumentPath } from './inspectable-path';
import { FirestoreDocumentSchema, TEST_TAGS } from './schemas';

const RealtimeDocumentSchema = z
  .object({ path: z.string(), exists: z.boolean(), data: FirestoreDocumentSchema.nullable() })
  .openapi('TestRealtimeDocument');
const RealtimeCollectionSchema = z
  .object({ path: z.string(), docs: z.array(z.object({ id: z.string(), data: FirestoreDocumentSchema })) })
  .openapi('TestRealtimeCollection');

export const testRealtimeRoute = defineRoute(access.public, {
  method: 'get',
  path: '/internal/_test/realtime',
  operationId: 'testReadRealtime',
  tags: TEST_TAGS,
  summary: 'A Firestore document (even segments) or collection (odd) read back from the emulator',
  request: {
    query: z.object({
      path: z
        .string()
        .max(1024)
        .regex(
          INSPECTABLE_PATH,
          'one of our Firestore paths: config|customers|mitras|sessions, then [A-Za-z0-9_-] ids',
        ),
    }),
  },
  responses: {
    200: jsonResponse('Document or collection', z.union([RealtimeDocumentSchema, RealtimeCollectionSchema])),
  },
});

type Doc = z.infer<typeof FirestoreDocumentSchema>;

export function testRealtimeRoutes(rt: Runtime) {
  return createRouter().openapi(testRealtimeRoute, async (c) => {
    const path = c.req.valid('query').path;
    // The allow-list keeps reserved names out; anything Firestore still refuses is the caller's bad input.
    const refused = (err: unknown): never => {
      throw AppError.invalid('path', `Firestore refused the path: ${(err as Error).message.split('\n')[0]}`);
    };
    if (!isDocumentPath(path)) {
      const docs = await rt.realtime.list(path).catch(refused);
      return c.json({ path, docs: docs as Array<{ id: string; data: Doc }> }, 200);
    }
    const data = (await rt.realtime.get(path).catch(refused)) as Doc | null;
    return c.json({ path, exists: data !== null, data }, 200);
  });
}
