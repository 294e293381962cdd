import { z } from '@hono/zod-openapi';

/**
 * The test routes take no credentials (SPEC §11: "no token needed"), so they declare no security scheme:
 * the gateway mounts them only with ENABLE_TEST_ROUTES, which the production env refuses.
 */
export const TEST_TAGS = ['test (ENABLE_TEST_ROUTES only)'];

type Json = string | number | boolean | Array<Json | null> | { [key: string]: Json | null };

/**
 * Any non-null value a Firestore document field can hold, as JSON (timestamps arrive as ISO strings);
 * null is allowed where a value sits (`.nullable()` there), so it never matches two `oneOf` branches.
 */
export const FirestoreValueSchema: z.ZodType<Json> = z
  .lazy(() =>
    z.union([
      z.string(),
      z.number(),
      z.boolean(),
      z.array(z.union([FirestoreValueSchema, z.null()])),
      z.record(z.string(), z.union([FirestoreValueSchema, z.null()])),
    ]),
  )
  .openapi('FirestoreValue');

export const FirestoreDocumentSchema = z
  .record(z.string(), z.union([FirestoreValueSchema, z.null()]))
  .openapi('FirestoreDocument');
