import { REQUEST_ERRORS } from './request';
import { STATE_ERRORS } from './state';
import { LIMIT_ERRORS } from './limits';
import type { ErrorDetails, ErrorKind, ErrorTexts } from './kinds';

export { ERROR_ACTIONS, type ErrorAction, type ErrorDetails, type ErrorKind } from './kinds';

/**
 * The closed catalogue: every code the API can answer, its kind, its default message (Indonesian: what
 * `error.message` says unless the throw site says more) and what the apps make of it. docs/errors.md and
 * docs/errors.json are generated from it.
 */
export const ERROR_CATALOGUE = {
  ...REQUEST_ERRORS,
  ...STATE_ERRORS,
  ...LIMIT_ERRORS,
} as const satisfies Record<string, { kind: ErrorKind; message: string } & ErrorTexts>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;
export const ERROR_CODES = Object.keys(ERROR_CATALOGUE) as ErrorCode[];

/** The one error type: a catalogued code, an optional message for the user and details for the client. */
export class AppError extends Error {
  readonly kind: ErrorKind;

  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: ErrorDetails,
  ) {
    super(message ?? ERROR_CATALOGUE[code].message);
    this.name = 'AppError';
    this.kind = ERROR_CATALOGUE[code].kind;
  }

  /** A rate limit always tells the client when to retry (SPEC §3: details.retry_after_seconds). */
  static rateLimited(code: ErrorCode, retryAfterSeconds: number, message?: string, details?: ErrorDetails) {
    return new AppError(code, message, { ...details, retry_after_seconds: Math.max(1, Math.ceil(retryAfterSeconds)) });
  }

  /**
   * A request body or query that failed a rule zod could not express. The rule's text goes into
   * `details.issues` beside zod's own (for the developer); `error.message` stays the catalogue's.
   */
  static invalid(path: string, message: string, code = 'custom') {
    return new AppError('BAD_REQUEST', undefined, { issues: [{ path, message, code }] });
  }
}
