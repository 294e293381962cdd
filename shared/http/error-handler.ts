import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ZodError, type z } from 'zod';
import { AppError, type ErrorCode } from '../errors';
import type { Logger } from '../logger';
import { statusOf } from './error-status';

/** Hono's own exceptions (body parsing, limits) expressed as catalogue codes. */
const CODE_BY_HTTP_STATUS: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'AUTH_MISSING',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
};

export function zodIssues(error: z.ZodError) {
  return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code }));
}

export function validationError(error: z.ZodError): AppError {
  return new AppError('BAD_REQUEST', undefined, { issues: zodIssues(error) });
}

export function requestIdOf(c: Context): string | undefined {
  return c.get('requestId') as string | undefined;
}

/** Renders the SPEC §3 envelope; the request id goes in the body and the X-Request-Id header. */
export function envelope(c: Context, err: AppError) {
  const status = statusOf(err.code);
  const requestId = requestIdOf(c);
  const headers: Record<string, string> = {};
  if (requestId) headers['X-Request-Id'] = requestId;
  // The rest of an oversized body may still be on the wire: close the connection rather than let it be
  // parsed as the next request on a keep-alive socket.
  if (err.code === 'PAYLOAD_TOO_LARGE') headers.Connection = 'close';
  // A 429 always says when to retry (SPEC §3); a 503 may (the OTP budget), per RFC 9110's Retry-After.
  if (
    (err.kind === 'rate_limited' || err.kind === 'unavailable') &&
    typeof err.details?.retry_after_seconds === 'number'
  ) {
    headers['Retry-After'] = String(err.details.retry_after_seconds);
  }
  const body = {
    error: { code: err.code, message: err.message, details: err.details ?? {}, request_id: requestId ?? null },
  };
  return c.json(body, status, headers);
}

/** The one mapper from anything thrown to the envelope. */
export function errorHandler(logger: Logger) {
  return (err: Error, c: Context) => {
    if (err instanceof AppError) return envelope(c, err);
    if (err instanceof ZodError) return envelope(c, validationError(err));
    if (err instanceof HTTPException && err.status < 500) {
      // A body that is not JSON (bad syntax or another media type) is SPEC §3's 400, like any invalid body.
      const code = CODE_BY_HTTP_STATUS[err.status] ?? 'BAD_REQUEST';
      const message =
        err.status === 400 || err.status === 415 ? 'The request body must be valid application/json' : undefined;
      return envelope(c, new AppError(code, message));
    }
    logger.error('unhandled error', {
      error: err,
      method: c.req.method,
      path: c.req.path,
      request_id: requestIdOf(c),
    });
    return envelope(c, new AppError('INTERNAL'));
  };
}

export function notFoundHandler(c: Context) {
  return envelope(c, new AppError('NOT_FOUND', `Tidak ada rute ${c.req.method} ${c.req.path}`));
}
