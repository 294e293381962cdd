import { ERROR_CATALOGUE, type ErrorCode, type ErrorKind } from '../errors';

/** The one place an error kind becomes an HTTP status. */
export const STATUS_BY_KIND = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  gone: 410,
  too_large: 413,
  unprocessable: 422,
  locked: 423,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const satisfies Record<ErrorKind, number>;

export type ErrorStatus = (typeof STATUS_BY_KIND)[ErrorKind];

export const statusOf = (code: ErrorCode): ErrorStatus => STATUS_BY_KIND[ERROR_CATALOGUE[code].kind];
