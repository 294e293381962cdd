import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError, type z } from 'zod';
import { AppError } from '../errors';
import type { Logger } from '../logger';

const STATUS_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};

export function zodIssues(error: z.ZodError) {
  return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code }));
}

export function validationError(error: z.ZodError): AppError {
  return AppError.badRequest('The request is invalid', { issues: zodIssues(error) });
}

function envelope(c: Context, err: AppError) {
  if (err.status === 429 && typeof err.details?.retry_after_seconds === 'number') {
    c.header('Retry-After', String(err.details.retry_after_seconds));
  }
  const body = { error: { code: err.code, message: err.message, details: err.details ?? {} } };
  return c.json(body, err.status as ContentfulStatusCode);
}

/** The one mapper from anything thrown to the SPEC §3 envelope. */
export function errorHandler(logger: Logger) {
  return (err: Error, c: Context) => {
    if (err instanceof AppError) return envelope(c, err);
    if (err instanceof ZodError) return envelope(c, validationError(err));
    if (err instanceof HTTPException && err.status < 500) {
      const code = STATUS_CODES[err.status] ?? 'BAD_REQUEST';
      const message = err.status === 400 ? 'The request body is not valid JSON' : err.message || code;
      return envelope(c, new AppError(err.status, code, message));
    }
    logger.error('unhandled error', { error: err, method: c.req.method, path: c.req.path });
    return envelope(c, new AppError(500, 'INTERNAL', 'Something went wrong'));
  };
}

export function notFoundHandler(c: Context) {
  return envelope(c, AppError.notFound(`No route for ${c.req.method} ${c.req.path}`));
}
