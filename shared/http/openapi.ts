import type { z } from '@hono/zod-openapi';

/** Route-declaration helpers: one place for the OpenAPI request/response boilerplate. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
export const jsonResponse = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
});
