import { z } from '@hono/zod-openapi';
import { StubOtpProvider } from '../../../shared/adapters/local/stub-otp-provider';
import { AppError } from '../../../shared/errors';
import { createRouter } from '../../../shared/http/function-app';
import { jsonResponse } from '../../../shared/http/openapi';
import { access, defineRoute } from '../../../shared/http/route';
import type { Runtime } from '../../../shared/runtime';
import { TEST_TAGS } from './schemas';

const OtpCodeSchema = z.object({ code: z.string() }).openapi('TestOtpCode');

export const testOtpRoute = defineRoute(access.public, {
  method: 'get',
  path: '/internal/_test/otp/{otp_request_id}',
  operationId: 'testPeekOtp',
  tags: TEST_TAGS,
  summary: 'The code the stub OTP provider "sent"',
  request: {
    params: z.object({
      otp_request_id: z
        .string()
        .uuid()
        .openapi({ param: { name: 'otp_request_id', in: 'path' } }),
    }),
  },
  responses: { 200: jsonResponse('The code', OtpCodeSchema) },
  errors: ['NOT_FOUND'],
});

export function testOtpRoutes(rt: Runtime) {
  // The stub keeps the codes it "sent" in Postgres, so this instance reads what auth's instance wrote.
  const stub = new StubOtpProvider(rt.db, rt.logger);
  return createRouter().openapi(testOtpRoute, async (c) => {
    if (rt.env.OTP_PROVIDER !== 'stub') throw new AppError('NOT_FOUND', 'Hanya penyedia OTP stub yang menyimpan kode');
    const code = await stub.peek(c.req.valid('param').otp_request_id);
    if (!code) throw new AppError('NOT_FOUND', 'Permintaan OTP tidak dikenal');
    return c.json({ code }, 200);
  });
}
