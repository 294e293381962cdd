import { z } from '@hono/zod-openapi';

export { jsonBody, jsonResponse } from '../../shared/http/openapi';
export const errorResponses = {
  400: { description: 'Invalid input (error envelope)' },
  401: { description: 'Not authenticated (error envelope)' },
  403: { description: 'Forbidden (error envelope)' },
};

export const tokenPairSchema = z.object({
  access_token: z.string(),
  refresh_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: z.number(),
});

export const customerProfileSchema = z
  .object({
    id: z.string().uuid(),
    display_name: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    is_guest: z.boolean(),
    linked: z.object({ phone: z.boolean(), google: z.boolean(), apple: z.boolean() }),
    created_at: z.string(),
  })
  .openapi('CustomerProfile');

export const mitraProfileSchema = z
  .object({
    id: z.string().uuid(),
    display_name: z.string(),
    phone: z.string(),
    is_active: z.boolean(),
    is_online: z.boolean(),
    created_at: z.string(),
  })
  .openapi('MitraProfile');

export const ccProfileSchema = z
  .object({
    id: z.string().uuid(),
    email: z.string(),
    display_name: z.string(),
    role: z.string(),
    created_at: z.string(),
  })
  .openapi('ControlCenterUser');

export const customerAuthSchema = tokenPairSchema.extend({ profile: customerProfileSchema });
export const mitraAuthSchema = tokenPairSchema.extend({ profile: mitraProfileSchema });

export const otpRequestBody = z.object({ phone: z.string().min(1).max(32) });
export const otpRequestResponse = z.object({
  otp_request_id: z.string().uuid(),
  expires_at: z.string(),
  resend_after_seconds: z.number(),
});
export const otpVerifyBody = z.object({
  otp_request_id: z.string().uuid(),
  code: z.string().regex(/^\d{4,8}$/),
  anonymous_customer_id: z.string().uuid().optional(),
});
