/** What a code is, and the texts the apps read of it: the columns of the catalogue (shared/errors/index.ts). */
export type ErrorDetails = Record<string, unknown>;

/**
 * What kind of failure a code is. Domain code only ever names a code; the HTTP layer maps each
 * kind to one status (shared/http/error-status.ts), so a status is chosen once, never at a throw site.
 */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'method_not_allowed'
  | 'conflict'
  | 'gone'
  | 'too_large'
  | 'unprocessable'
  | 'locked'
  | 'rate_limited'
  | 'internal'
  | 'unavailable';

/** What an app does with an error (docs/errors.md): a closed set, so each app maps it to one behaviour. */
export const ERROR_ACTIONS = {
  retry: 'Try the same request again with backoff (the same Idempotency-Key or client_message_id).',
  wait: 'Try again only after `Retry-After` (`details.retry_after_seconds`, or the time named in `details`).',
  refresh: 'Refresh the access token (`POST /api/shared/auth/refresh`) and repeat the request once.',
  sign_in_again: 'The sign-in is over: drop both tokens and show the sign-in screen.',
  upgrade: 'A guest must register first (phone, Google or Apple): show that flow.',
  fix_input: 'What was entered is wrong: show the message by the input (`details.issues` names the fields).',
  show: 'Show the message and reload the screen’s state; repeating the request will not help.',
  contact_support: 'The app cannot fix it: show the message with the support handles (config `support_handles`).',
} as const;
export type ErrorAction = keyof typeof ERROR_ACTIONS;

/** The app-facing texts of a code besides its Indonesian default message. */
export interface ErrorTexts {
  /** The English message, for apps that localise. */
  en: string;
  /** What it means, for the app developer. */
  means: string;
  action: ErrorAction;
}

export const entry = (kind: ErrorKind, message: string, texts: ErrorTexts) => ({ kind, message, ...texts });
