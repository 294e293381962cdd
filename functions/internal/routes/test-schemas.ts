import { z } from '@hono/zod-openapi';

export const TEST_TAGS = ['test (ENABLE_TEST_ROUTES only)'];

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Any value a Firestore document field can hold, as JSON (timestamps arrive as ISO strings). */
export const FirestoreValueSchema: z.ZodType<Json> = z
  .lazy(() =>
    z.union([
      z.string(),
      z.number(),
      z.boolean(),
      z.null(),
      z.array(FirestoreValueSchema),
      z.record(z.string(), FirestoreValueSchema),
    ]),
  )
  .openapi('FirestoreValue');

export const FirestoreDocumentSchema = z.record(z.string(), FirestoreValueSchema).openapi('FirestoreDocument');
