import { json } from '../helpers/http';
import { createRoute, z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { createRouter } from '../../shared/http/function-app';
import { errorHandler, notFoundHandler } from '../../shared/http/error-handler';
import { createLogger } from '../../shared/logger';

function app() {
  const lines: string[] = [];
  const router = createRouter();
  router.openapi(
    createRoute({
      method: 'post',
      path: '/echo',
      request: { body: { content: { 'application/json': { schema: z.object({ n: z.number().int() }) } } } },
      responses: { 200: { description: 'ok' } },
    }),
    (c) => c.json({ n: c.req.valid('json').n }, 200),
  );
  router.get('/limited', () => {
    throw AppError.rateLimited('OTP_COOLDOWN', 42.2, 'Wait');
  });
  router.get('/boom', () => {
    throw new Error('relation "secret_table" does not exist at /app/x.ts:1');
  });
  router.onError(errorHandler(createLogger('error', {}, (l) => lines.push(l))));
  router.notFound(notFoundHandler);
  return { router, lines };
}

describe('error envelope', () => {
  it('zod failures are 400 BAD_REQUEST with details.issues', async () => {
    const res = await app().router.request('/echo', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"n":"x"}',
    });
    expect(res.status).toBe(400);
    const body = await json(res);
    expect(body.error.code).toBe('BAD_REQUEST');
    expect(body.error.details.issues[0].path).toBe('n');
  });

  it('malformed JSON is a 400 envelope, not a 500', async () => {
    const res = await app().router.request('/echo', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{n:',
    });
    expect(res.status).toBe(400);
    expect((await json(res)).error.code).toBe('BAD_REQUEST');
  });

  it('429 carries Retry-After and details.retry_after_seconds', async () => {
    const res = await app().router.request('/limited');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('43');
    expect((await json(res)).error).toEqual({
      code: 'OTP_COOLDOWN',
      message: 'Wait',
      details: { retry_after_seconds: 43 },
      request_id: null,
    });
  });

  it('unknown routes are 404 NOT_FOUND', async () => {
    const res = await app().router.request('/nowhere');
    expect(res.status).toBe(404);
    expect((await json(res)).error.code).toBe('NOT_FOUND');
  });

  it('unexpected errors are 500 INTERNAL without internals, and logged', async () => {
    const { router, lines } = app();
    const res = await router.request('/boom');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text).error.code).toBe('INTERNAL');
    expect(text).not.toMatch(/secret_table|\.ts:|stack/);
    expect(lines.join('')).toMatch(/secret_table/);
  });
});

describe('error catalogue', () => {
  it('maps every code to exactly one status through its kind; throw sites never name a number', async () => {
    const { ERROR_CATALOGUE } = await import('../../shared/errors');
    const { statusOf } = await import('../../shared/http/error-status');
    for (const code of Object.keys(ERROR_CATALOGUE) as Array<keyof typeof ERROR_CATALOGUE>) {
      expect(statusOf(code), code).toBeGreaterThanOrEqual(400);
    }
    expect(statusOf('ALREADY_ACTIVE')).toBe(409);
    expect(statusOf('OTP_COOLDOWN')).toBe(429);
    expect(statusOf('PHONE_INVALID')).toBe(422);
  });
});
