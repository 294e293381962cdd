import { createRoute, z } from '@hono/zod-openapi';
import { StubOtpProvider } from '../../shared/adapters/local/stub-otp-provider';
import { AppError } from '../../shared/errors';
import { normaliseIndonesianPhone } from '../../shared/auth/phone';
import { findOrCreateMitraByPhone } from '../../shared/users/mitras';
import { createRouter } from '../../shared/http/function-app';
import { jsonBody, jsonResponse } from '../../shared/http/openapi';
import type { Runtime } from '../../shared/runtime';
import { probeRuns, scheduleProbe } from '../../shared/testing/probe';

const tags = ['test (ENABLE_TEST_ROUTES only)'];

const clockRoute = createRoute({
  method: 'post',
  path: '/clock',
  tags,
  summary: 'Move the local clock forward and run every task that became due',
  request: jsonBody(
    z.object({
      advance_seconds: z
        .number()
        .int()
        .min(0)
        .max(400 * 86400),
    }),
  ),
  responses: { 200: jsonResponse('Tasks ran', z.object({ now: z.string(), tasks_run: z.number() })) },
});

const pushRoute = createRoute({
  method: 'get',
  path: '/push',
  tags,
  summary: 'FCM messages recorded for a user',
  request: { query: z.object({ user_id: z.string().min(1) }) },
  responses: { 200: jsonResponse('Recorded messages', z.object({ messages: z.array(z.unknown()) })) },
});

const realtimeRoute = createRoute({
  method: 'get',
  path: '/realtime',
  tags,
  summary: 'The Firestore document (or collection) at a path, read back from the emulator',
  request: { query: z.object({ path: z.string().regex(/^[^/]+(\/[^/]+)*$/, 'a slash-separated Firestore path') }) },
  responses: { 200: jsonResponse('Document or collection', z.unknown()) },
});

const probeRoute = createRoute({
  method: 'post',
  path: '/probe',
  tags,
  summary: 'Schedule a probe timer (proves the task pipeline end to end)',
  request: jsonBody(z.object({ delay_seconds: z.number().int().min(0) })),
  responses: { 201: jsonResponse('Scheduled', z.object({ probe_id: z.string(), run_at: z.string() })) },
});

const probeRunsRoute = createRoute({
  method: 'get',
  path: '/probe/{id}',
  tags,
  request: { params: z.object({ id: z.string() }) },
  responses: { 200: jsonResponse('How often the probe ran', z.object({ runs: z.number() })) },
});

const otpPeekRoute = createRoute({
  method: 'get',
  path: '/otp/{otp_request_id}',
  tags,
  summary: 'The code the stub OTP provider "sent"',
  request: { params: z.object({ otp_request_id: z.string().uuid() }) },
  responses: { 200: jsonResponse('The code', z.object({ code: z.string() })), 404: { description: 'Unknown request' } },
});

const seedMitraRoute = createRoute({
  method: 'post',
  path: '/seed-mitra',
  tags,
  summary: 'Create (or find) a mitra by phone; idempotent per phone',
  request: jsonBody(
    z.object({
      phone: z.string().min(1).max(32),
      display_name: z.string().trim().min(1).max(80).optional(),
      is_active: z.boolean().optional(),
    }),
  ),
  responses: { 200: jsonResponse('The mitra', z.object({ mitra_id: z.string(), created: z.boolean() })) },
});

export function createTestRoutes(rt: Runtime) {
  const router = createRouter();
  const local = () => {
    if (!rt.local) throw new AppError('NOT_FOUND', 'Only available in the local stack');
    return rt.local;
  };

  router.openapi(clockRoute, async (c) => {
    const { now, tasksRun } = await local().advanceClock(c.req.valid('json').advance_seconds);
    return c.json({ now: now.toISOString(), tasks_run: tasksRun }, 200);
  });
  router.openapi(pushRoute, async (c) =>
    c.json({ messages: await local().pushRecorder.recordedFor(c.req.valid('query').user_id) }, 200),
  );
  router.openapi(realtimeRoute, async (c) => {
    const path = c.req.valid('query').path;
    // Firestore refuses some ids (e.g. reserved __x__ names): that is the caller's bad input, not a 500.
    const invalid = (err: unknown) => {
      throw new AppError('BAD_REQUEST', `Firestore refused the path: ${(err as Error).message.split('\n')[0]}`);
    };
    if (path.split('/').length % 2 === 1)
      return c.json({ path, docs: await rt.realtime.list(path).catch(invalid) }, 200);
    const data = await rt.realtime.get(path).catch(invalid);
    return c.json({ path, exists: data !== null, data: data ?? null }, 200);
  });
  router.openapi(probeRoute, async (c) => {
    const { probeId, runAt } = await scheduleProbe(rt.db, rt.clock, c.req.valid('json').delay_seconds);
    rt.outbox.kick();
    return c.json({ probe_id: probeId, run_at: runAt.toISOString() }, 201);
  });
  router.openapi(probeRunsRoute, async (c) => c.json({ runs: await probeRuns(rt.db, c.req.valid('param').id) }, 200));
  router.openapi(seedMitraRoute, async (c) => {
    const b = c.req.valid('json');
    const phone = normaliseIndonesianPhone(b.phone);
    const now = rt.clock.now();
    const { mitra, created } = await findOrCreateMitraByPhone(rt.db, phone, now, {
      display_name: b.display_name,
      is_active: b.is_active ?? true,
    });
    if (!created && (b.display_name !== undefined || b.is_active !== undefined)) {
      await rt.db.query(
        'UPDATE mitras SET display_name = COALESCE($2, display_name), is_active = COALESCE($3, is_active), updated_at = $4 WHERE id = $1',
        [mitra.id, b.display_name ?? null, b.is_active ?? null, now],
      );
    }
    return c.json({ mitra_id: mitra.id, created }, 200);
  });
  router.openapi(otpPeekRoute, async (c) => {
    if (!(rt.otpProvider instanceof StubOtpProvider))
      throw new AppError('NOT_FOUND', 'Only the stub OTP provider keeps codes');
    const code = await rt.otpProvider.peek(c.req.valid('param').otp_request_id);
    if (!code) throw new AppError('NOT_FOUND', 'Unknown OTP request');
    return c.json({ code }, 200);
  });
  return router;
}
