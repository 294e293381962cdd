export type ErrorDetails = Record<string, unknown>;

/** The one error type: a machine code, an HTTP status and optional details for the client. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = 'AppError';
  }

  static badRequest(message: string, details?: ErrorDetails) {
    return new AppError(400, 'BAD_REQUEST', message, details);
  }
  static unauthorized(code: string, message: string, details?: ErrorDetails) {
    return new AppError(401, code, message, details);
  }
  static forbidden(message = 'You may not do this', code = 'FORBIDDEN', details?: ErrorDetails) {
    return new AppError(403, code, message, details);
  }
  static notFound(message = 'Not found', code = 'NOT_FOUND') {
    return new AppError(404, code, message);
  }
  static conflict(code: string, message: string, details?: ErrorDetails) {
    return new AppError(409, code, message, details);
  }
  static tooManyRequests(code: string, message: string, retryAfterSeconds: number, details?: ErrorDetails) {
    return new AppError(429, code, message, {
      ...details,
      retry_after_seconds: Math.max(1, Math.ceil(retryAfterSeconds)),
    });
  }
}
