import type { z } from '@hono/zod-openapi';
import { type AuthDeps, type OtpUserType, requestOtp, verifyCustomerOtp, verifyMitraOtp } from '../../../shared/auth';
import type { ErrorCode } from '../../../shared/errors';
import { deviceInfo } from '../../../shared/http/auth-middleware';
import { createRouter } from '../../../shared/http/function-app';
import { jsonBody, jsonResponse } from '../../../shared/http/openapi';
import { access, defineRoute, type Access } from '../../../shared/http/route';
import { AbuseHeaders } from '../../../shared/http/schemas';
import {
  CustomerAuth,
  CustomerOtpVerifyBody,
  MitraAuth,
  OtpRequestBody,
  OtpRequested,
  OtpVerifyBody,
} from '../schemas';

const REQUEST_ERRORS = [
  'PHONE_INVALID',
  'OTP_COOLDOWN',
  'OTP_RATE_LIMIT_PHONE',
  'OTP_RATE_LIMIT_IP',
  'OTP_SEND_FAILED',
  'OTP_UNAVAILABLE',
  'APP_CHECK_INVALID',
  'PROVIDER_UNAVAILABLE',
] as const;
const VERIFY_ERRORS = [
  'OTP_NOT_FOUND',
  'WRONG_FLOW',
  'OTP_USED',
  'OTP_EXPIRED',
  'OTP_ATTEMPTS_EXCEEDED',
  'CODE_MISMATCH',
] as const;

/** An OTP request reads only the App Check token (SPEC §13). */
const AppCheckOnly = AbuseHeaders.pick({ 'x-firebase-appcheck': true });

/** The customer and mitra OTP pairs differ only in these; one declaration makes both. */
function otpRouteDeclarations<
  const A extends Access,
  const B extends z.ZodType,
  const R extends z.ZodType,
  const E extends readonly ErrorCode[],
>(o: {
  ns: 'client' | 'mitra';
  actor: OtpUserType;
  verify: { access: A; body: B; auth: R; errors: E; summary: string };
}) {
  const tags = [`auth: ${o.actor}`];
  return {
    request: defineRoute(access.public, {
      method: 'post',
      path: `/api/${o.ns}/auth/otp/request`,
      operationId: `${o.actor}RequestOtp`,
      summary: `Send a sign-in code to a ${o.actor}’s phone (rate-limited per phone and IP)`,
      tags,
      request: { headers: AppCheckOnly, ...jsonBody(OtpRequestBody) },
      responses: { 200: jsonResponse('OTP sent', OtpRequested) },
      errors: REQUEST_ERRORS,
    }),
    verify: defineRoute(o.verify.access, {
      method: 'post',
      path: `/api/${o.ns}/auth/otp/verify`,
      operationId: `${o.actor}VerifyOtp`,
      tags,
      summary: o.verify.summary,
      request: jsonBody(o.verify.body),
      responses: { 200: jsonResponse('Signed in', o.verify.auth) },
      errors: [...VERIFY_ERRORS, ...o.verify.errors],
    }),
  };
}

const customer = otpRouteDeclarations({
  ns: 'client',
  actor: 'customer',
  verify: {
    access: access.optionalUser,
    body: CustomerOtpVerifyBody,
    auth: CustomerAuth,
    errors: ['FORBIDDEN', 'NOT_FOUND', 'IDENTITY_CONFLICT', 'ACCOUNT_BANNED'],
    summary: 'Sign in, or upgrade the caller’s guest (anonymous_customer_id + the guest’s bearer token)',
  },
});
const mitra = otpRouteDeclarations({
  ns: 'mitra',
  actor: 'mitra',
  verify: {
    access: access.public,
    body: OtpVerifyBody,
    auth: MitraAuth,
    errors: ['ACCOUNT_INACTIVE'],
    summary: 'Sign in; an unknown phone becomes an inactive mitra (403 until an operator activates it)',
  },
});
export const customerRequestOtpRoute = customer.request;
export const customerVerifyOtpRoute = customer.verify;
export const mitraRequestOtpRoute = mitra.request;
export const mitraVerifyOtpRoute = mitra.verify;

/** Both apps ask for a code the same way; only who asks differs. */
const otpAsk = (
  userType: OtpUserType,
  body: { phone: string },
  headers: { 'x-firebase-appcheck'?: string },
  device: { ip?: string },
) => ({ userType, phone: body.phone, ip: device.ip, appCheckToken: headers['x-firebase-appcheck'] });

export function otpRoutes(deps: AuthDeps) {
  return createRouter()
    .openapi(customerRequestOtpRoute, async (c) => {
      const input = otpAsk('customer', c.req.valid('json'), c.req.valid('header'), deviceInfo(c));
      return c.json(await requestOtp(deps, input), 200);
    })
    .openapi(mitraRequestOtpRoute, async (c) => {
      const input = otpAsk('mitra', c.req.valid('json'), c.req.valid('header'), deviceInfo(c));
      return c.json(await requestOtp(deps, input), 200);
    })
    .openapi(customerVerifyOtpRoute, async (c) => {
      const b = c.req.valid('json');
      const input = { otpRequestId: b.otp_request_id, code: b.code, anonymousCustomerId: b.anonymous_customer_id };
      return c.json(await verifyCustomerOtp(deps, input, c.var.principal, deviceInfo(c)), 200);
    })
    .openapi(mitraVerifyOtpRoute, async (c) => {
      const b = c.req.valid('json');
      return c.json(await verifyMitraOtp(deps, { otpRequestId: b.otp_request_id, code: b.code }, deviceInfo(c)), 200);
    });
}
