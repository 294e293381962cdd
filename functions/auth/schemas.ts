import { z } from '@hono/zod-openapi';
import { IsoDateTime, Uuid } from '../../shared/http/schemas';

/**
 * SPEC §3 names: NFC-normalised and trimmed, then bounded, so "  Putri " and a decomposed "é" are stored
 * as one spelling. Control characters never get here: the function shell refuses them for every input.
 */

export const TokenPair = z
  .object({
    access_token: z.string(),
    refresh_token: z.string(),
    token_type: z.literal('Bearer'),
    expires_in: z.number().int(),
  })
  .openapi('TokenPair');

export const CustomerProfile = z
  .object({
    id: Uuid,
    display_name: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    is_guest: z.boolean(),
    linked: z.object({ phone: z.boolean(), google: z.boolean(), apple: z.boolean() }),
    created_at: IsoDateTime,
  })
  .openapi('CustomerProfile');

export const MitraProfile = z
  .object({
    id: Uuid,
    display_name: z.string(),
    phone: z.string(),
    is_active: z.boolean(),
    is_online: z.boolean(),
    created_at: IsoDateTime,
  })
  .openapi('MitraProfile');

export const ControlCenterUser = z
  .object({ id: Uuid, email: z.string(), display_name: z.string(), role: z.string(), created_at: IsoDateTime })
  .openapi('ControlCenterUser');

export const CustomerAuth = TokenPair.extend({ profile: CustomerProfile }).openapi('CustomerAuth');
export const MitraAuth = TokenPair.extend({ profile: MitraProfile }).openapi('MitraAuth');

export const OtpRequestBody = z.object({ phone: z.string().min(1).max(32) }).openapi('OtpRequestBody');
export const OtpRequested = z
  .object({ otp_request_id: Uuid, expires_at: IsoDateTime, resend_after_seconds: z.number().int() })
  .openapi('OtpRequested');
export const OtpVerifyBody = z
  .object({ otp_request_id: Uuid, code: z.string().regex(/^\d{4,8}$/) })
  .openapi('OtpVerifyBody');
export const CustomerOtpVerifyBody = OtpVerifyBody.extend({ anonymous_customer_id: Uuid.optional() }).openapi(
  'CustomerOtpVerifyBody',
);

export const FirebaseToken = z
  .object({ firebase_token: z.string(), uid: z.string(), expires_at: IsoDateTime })
  .openapi('FirebaseToken');

export const Jwk = z
  .object({
    kty: z.string(),
    kid: z.string(),
    alg: z.string(),
    use: z.literal('sig'),
    crv: z.string().optional(),
    x: z.string().optional(),
    y: z.string().optional(),
    n: z.string().optional(),
    e: z.string().optional(),
  })
  .openapi('Jwk');
export const JwkSet = z.object({ keys: z.array(Jwk) }).openapi('JwkSet');

export const CcAccessToken = z
  .object({ access_token: z.string(), token_type: z.literal('Bearer'), expires_in: z.number().int() })
  .openapi('CcAccessToken');
export const CcMe = z
  .object({ profile: ControlCenterUser, role: z.string(), permissions: z.array(z.string()) })
  .openapi('CcMe');
export const CcLogin = CcAccessToken.extend(CcMe.shape).openapi('CcLogin');
