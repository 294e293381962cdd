// long-file: the closed catalogue is one table (code, kind, messages, meaning, advice), read top to bottom.
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
interface ErrorTexts {
  /** The English message, for apps that localise. */
  en: string;
  /** What it means, for the app developer. */
  means: string;
  action: ErrorAction;
}

const entry = (kind: ErrorKind, message: string, texts: ErrorTexts) => ({ kind, message, ...texts });

/**
 * The closed catalogue: every code the API can answer, its kind, its default message (Indonesian: what
 * `error.message` says unless the throw site says more) and what the apps make of it. docs/errors.md and
 * docs/errors.json are generated from it.
 */
export const ERROR_CATALOGUE = {
  BAD_REQUEST: entry('invalid', 'Permintaan tidak valid', {
    en: 'The request is invalid',
    means:
      'A body, query or path value failed validation, or a cursor is malformed; `details.issues` names each field and rule.',
    action: 'fix_input',
  }),
  WRONG_FLOW: entry('invalid', 'Kode ini untuk aplikasi lain', {
    en: 'This code belongs to the other app',
    means: 'An OTP requested in one app (customer or mitra) was verified in the other.',
    action: 'show',
  }),

  AUTH_MISSING: entry('unauthenticated', 'Silakan masuk terlebih dahulu', {
    en: 'Please sign in first',
    means: 'No `Authorization: Bearer` header on a route that needs one.',
    action: 'sign_in_again',
  }),
  TOKEN_INVALID: entry('unauthenticated', 'Sesi kamu tidak valid. Silakan masuk lagi.', {
    en: 'Your session is not valid. Please sign in again.',
    means: 'The access token is malformed, wrongly signed, of another issuer, or revoked.',
    action: 'refresh',
  }),
  TOKEN_EXPIRED: entry('unauthenticated', 'Sesi kamu sudah habis', {
    en: 'Your session has expired',
    means: 'The access token expired (they live minutes); the refresh token is still good.',
    action: 'refresh',
  }),
  REFRESH_INVALID: entry('unauthenticated', 'Sesi kamu sudah berakhir. Silakan masuk lagi.', {
    en: 'Your session has ended. Please sign in again.',
    means: 'The refresh token is unknown, expired, already rotated, or its session was logged out, banned or deleted.',
    action: 'sign_in_again',
  }),
  INVALID_CREDENTIALS: entry('unauthenticated', 'Email atau password salah', {
    en: 'Wrong email or password',
    means: 'Control-center sign-in or password change with a wrong password.',
    action: 'fix_input',
  }),
  INVALID_ID_TOKEN: entry('unauthenticated', 'Masuk dengan Google atau Apple gagal. Coba lagi.', {
    en: 'Signing in with Google or Apple failed. Try again.',
    means: 'The Google or Apple id_token failed verification (expired, wrong audience, bad signature).',
    action: 'retry',
  }),
  CODE_MISMATCH: entry('unauthenticated', 'Kode OTP salah', {
    en: 'Wrong OTP code',
    means: 'The OTP code does not match; `details.attempts_left` says how many tries remain.',
    action: 'fix_input',
  }),
  IAP_REQUIRED: entry('unauthenticated', 'Akses hanya melalui IAP', {
    en: 'Only reachable through IAP',
    means: 'A control-center route reached without a valid Identity-Aware Proxy assertion. Never seen by the apps.',
    action: 'contact_support',
  }),
  CALLBACK_TOKEN_INVALID: entry('unauthenticated', 'Token callback tidak valid', {
    en: 'The callback token is not valid',
    means: 'A payment-provider webhook without the right callback token. Never seen by the apps.',
    action: 'contact_support',
  }),
  APP_CHECK_INVALID: entry('unauthenticated', 'Aplikasi tidak dikenali. Perbarui aplikasi Halo Bestie.', {
    en: 'The app was not recognised. Update the Halo Bestie app.',
    means:
      'Firebase App Check refused the `X-Firebase-AppCheck` token (missing, expired or not from a genuine app) on guest sign-up, OTP request or chat request; `details.reason` says why.',
    action: 'contact_support',
  }),

  FORBIDDEN: entry('forbidden', 'Kamu tidak punya akses untuk ini', {
    en: 'You may not do this',
    means:
      'The token is of the wrong user type for the route, the caller is not part of the session or request, or lacks a control-center permission.',
    action: 'show',
  }),
  ACCOUNT_INACTIVE: entry('forbidden', 'Akun tidak aktif. Hubungi administrator.', {
    en: 'The account is inactive. Contact the administrator.',
    means: 'The mitra account was deactivated: sign-in and refresh refuse it.',
    action: 'contact_support',
  }),
  ACCOUNT_BANNED: entry('forbidden', 'Akun ini diblokir', {
    en: 'This account is banned',
    means: 'The customer was banned by an operator.',
    action: 'contact_support',
  }),
  REGISTRATION_REQUIRED: entry('forbidden', 'Daftar dulu untuk mulai curhat', {
    en: 'Register first to start a chat',
    means: 'A guest asked for a chat while the config (`anonymity_enabled` off) requires a registered customer.',
    action: 'upgrade',
  }),
  EARLY_END_DISABLED: entry('forbidden', 'Sesi belum bisa diakhiri lebih awal', {
    en: 'The session cannot be ended early',
    means: 'The config (`early_end`) does not let this side end a session before its time is up.',
    action: 'show',
  }),

  NOT_FOUND: entry('not_found', 'Data tidak ditemukan', {
    en: 'Not found',
    means: 'No such route, or the session, request, extension or account does not exist (or is not the caller’s).',
    action: 'show',
  }),
  OTP_NOT_FOUND: entry('not_found', 'Permintaan OTP tidak ditemukan', {
    en: 'The OTP request was not found',
    means: 'The `otp_request_id` is unknown: ask for a new code.',
    action: 'show',
  }),
  METHOD_NOT_ALLOWED: entry('method_not_allowed', 'Metode tidak diizinkan', {
    en: 'Method not allowed',
    means: 'The route exists but not with this HTTP method: a bug in the caller.',
    action: 'contact_support',
  }),

  ALREADY_ACTIVE: entry('conflict', 'Kamu masih punya permintaan atau sesi yang aktif', {
    en: 'You still have an active request or session',
    means:
      'A chat request while another request or session is live; `details.request_id` or `details.session_id` names it: open it.',
    action: 'show',
  }),
  FREE_TRIAL_UNAVAILABLE: entry('conflict', 'Free trial tidak tersedia', {
    en: 'The free trial is not available',
    means: 'The free trial is off, or this customer (phone, device) already used it.',
    action: 'show',
  }),
  MITRA_UNAVAILABLE: entry('conflict', 'Bestie ini sedang tidak tersedia', {
    en: 'This Bestie is not available now',
    means: 'The customer asked for a particular mitra who is not online and free now.',
    action: 'show',
  }),
  REQUEST_TAKEN: entry('conflict', 'Sudah diambil Bestie lain', {
    en: 'Another Bestie took this request',
    means:
      'The mitra lost the race for the request; for the customer’s cancel, the request was already paired (`details.session_id`).',
    action: 'show',
  }),
  REQUEST_CANCELLED: entry('conflict', 'Dibatalkan oleh customer', {
    en: 'The customer cancelled the request',
    means: 'The customer cancelled the request before this mitra answered.',
    action: 'show',
  }),
  REQUEST_REJECTED: entry('conflict', 'Kamu sudah menolak permintaan ini', {
    en: 'You already declined this request',
    means: 'The mitra declined this request before.',
    action: 'show',
  }),
  CAPACITY_FULL: entry('conflict', 'Kapasitas kamu sudah penuh', {
    en: 'You are at full capacity',
    means: 'The mitra already has as many live sessions as the config allows.',
    action: 'show',
  }),
  OTP_USED: entry('conflict', 'Kode sudah digunakan', {
    en: 'The code was already used',
    means: 'The OTP was already verified once: ask for a new code.',
    action: 'show',
  }),
  IDENTITY_CONFLICT: entry('conflict', 'Akun ini sudah terhubung dengan pengguna lain', {
    en: 'This account is linked to another user',
    means: 'The phone, Google or Apple identity already belongs to another customer.',
    action: 'show',
  }),
  EMAIL_TAKEN: entry('conflict', 'Email sudah digunakan', {
    en: 'The email is already in use',
    means: 'Control center: another operator has this email.',
    action: 'fix_input',
  }),
  PHONE_TAKEN: entry('conflict', 'Nomor ini sudah terdaftar', {
    en: 'This number is already registered',
    means: 'Control center: a mitra with this phone number exists (`details.mitra_id`).',
    action: 'fix_input',
  }),
  SESSION_NOT_ACTIVE: entry('conflict', 'Sesi tidak aktif', {
    en: 'The session is not active',
    means: 'The session is not (or no longer) active: reload it from its Firestore doc.',
    action: 'show',
  }),
  SESSION_NOT_CLOSING: entry('conflict', 'Sesi belum berakhir', {
    en: 'The session is not ending yet',
    means: 'A goodbye before the session is closing.',
    action: 'show',
  }),
  SESSION_NOT_ENDED: entry('conflict', 'Sesi belum selesai', {
    en: 'The session has not ended',
    means: 'A rating before the session is closing or completed.',
    action: 'show',
  }),
  GOODBYE_ALREADY_SENT: entry('conflict', 'Pesan perpisahan sudah dikirim', {
    en: 'The goodbye was already sent',
    means: 'This side already said goodbye.',
    action: 'show',
  }),
  SENSITIVITY_LATCHED: entry('conflict', 'Sesi sudah ditandai sensitif', {
    en: 'The session is locked as sensitive',
    means: 'The session was marked sensitive and the config keeps it so.',
    action: 'show',
  }),
  EXTENSION_NOT_ALLOWED: entry('conflict', 'Perpanjangan tidak bisa diminta sekarang', {
    en: 'An extension cannot be asked for now',
    means:
      'Only an active session, or an expired one within its extension window, can be extended; `details.status` says which it is.',
    action: 'show',
  }),
  EXTENSION_PENDING: entry('conflict', 'Masih ada permintaan perpanjangan yang terbuka', {
    en: 'An extension request is still open',
    means: 'The previous extension request has not been answered or paid yet.',
    action: 'show',
  }),
  EXTENSION_NOT_PENDING: entry('conflict', 'Permintaan perpanjangan sudah tidak menunggu jawaban', {
    en: 'The extension is no longer waiting for an answer',
    means: 'The extension was answered, timed out or cancelled; `details.status` says which.',
    action: 'show',
  }),
  ALREADY_RATED: entry('conflict', 'Sesi ini sudah dinilai', {
    en: 'The session was already rated',
    means: 'A session is rated once.',
    action: 'show',
  }),
  ALREADY_REPORTED: entry('conflict', 'Kamu sudah melaporkan sesi ini', {
    en: 'You already reported this session',
    means: 'This reporter already reported the session.',
    action: 'show',
  }),
  REPORT_ALREADY_RESOLVED: entry('conflict', 'Laporan ini sudah diselesaikan', {
    en: 'The report was already resolved',
    means: 'Control center: the report was reviewed before.',
    action: 'show',
  }),
  SAFETY_ALERT_CLOSED: entry('conflict', 'Peringatan ini sudah diselesaikan atau diabaikan', {
    en: 'The safety alert was already resolved or dismissed',
    means:
      'Control center: the safety alert is closed (`details.status` says how); only an open or acknowledged one can be answered.',
    action: 'show',
  }),

  REQUEST_EXPIRED: entry('gone', 'Permintaan sudah kedaluwarsa', {
    en: 'The request has expired',
    means: 'The chat request stopped searching before this answer.',
    action: 'show',
  }),
  OTP_EXPIRED: entry('gone', 'Kode OTP kedaluwarsa. Minta kode baru.', {
    en: 'The OTP code expired. Ask for a new one.',
    means: 'The OTP code is past its lifetime.',
    action: 'show',
  }),

  PAYLOAD_TOO_LARGE: entry('too_large', 'Data yang dikirim terlalu besar', {
    en: 'The request body is too large',
    means: 'The body is over 256 KiB.',
    action: 'fix_input',
  }),

  PHONE_INVALID: entry('unprocessable', 'Nomor telepon tidak valid (gunakan nomor Indonesia)', {
    en: 'The phone number is not valid (use an Indonesian number)',
    means: 'The number is not a valid Indonesian mobile number.',
    action: 'fix_input',
  }),
  CONFIG_OUT_OF_BOUNDS: entry('unprocessable', 'Pengaturan di luar batas yang diizinkan', {
    en: 'The settings are out of bounds',
    means: 'Control center: a setting breaks a bound the deployment needs; `details.violations` lists them.',
    action: 'fix_input',
  }),
  PASSWORD_TOO_SHORT: entry('unprocessable', 'Password minimal 8 karakter', {
    en: 'Password must be at least 8 characters',
    means: 'Control center: the new password is too short.',
    action: 'fix_input',
  }),
  PASSWORD_MISSING_DIGIT: entry('unprocessable', 'Password harus mengandung angka', {
    en: 'Password must contain a digit',
    means: 'Control center: the new password has no digit.',
    action: 'fix_input',
  }),
  PASSWORD_MISSING_UPPERCASE: entry('unprocessable', 'Password harus mengandung huruf besar', {
    en: 'Password must contain an uppercase letter',
    means: 'Control center: the new password has no uppercase letter.',
    action: 'fix_input',
  }),
  PASSWORD_MISSING_LOWERCASE: entry('unprocessable', 'Password harus mengandung huruf kecil', {
    en: 'Password must contain a lowercase letter',
    means: 'Control center: the new password has no lowercase letter.',
    action: 'fix_input',
  }),

  ACCOUNT_LOCKED: entry('locked', 'Akun terkunci sementara', {
    en: 'The account is temporarily locked',
    means: 'Control center: too many failed sign-ins; `details.locked_until` says until when.',
    action: 'wait',
  }),

  OTP_COOLDOWN: entry('rate_limited', 'Tunggu sebentar sebelum meminta kode baru', {
    en: 'Wait a moment before asking for a new code',
    means: 'A new code was asked for too soon after the last one.',
    action: 'wait',
  }),
  OTP_RATE_LIMIT_PHONE: entry('rate_limited', 'Terlalu banyak permintaan kode untuk nomor ini', {
    en: 'Too many code requests for this number',
    means: 'The hourly limit of codes for this phone number was reached.',
    action: 'wait',
  }),
  OTP_RATE_LIMIT_IP: entry('rate_limited', 'Terlalu banyak permintaan kode dari jaringan ini', {
    en: 'Too many code requests from this network',
    means: 'The hourly limit of codes for this network (IP) was reached.',
    action: 'wait',
  }),
  OTP_ATTEMPTS_EXCEEDED: entry('rate_limited', 'Terlalu banyak percobaan. Minta kode baru.', {
    en: 'Too many attempts. Ask for a new code.',
    means: 'The code was guessed wrong too often and is void; a new one may be asked for once the wait is over.',
    action: 'wait',
  }),
  RATE_LIMITED: entry('rate_limited', 'Terlalu banyak permintaan. Coba lagi nanti.', {
    en: 'Too many requests. Try again later.',
    means:
      'An abuse limit (SPEC §13) was reached: messages, reports, chat requests, unpaid cancellations, guest sign-ups or device-token registrations; `details.limit` names it.',
    action: 'wait',
  }),

  INTERNAL: entry('internal', 'Terjadi kesalahan. Coba lagi.', {
    en: 'Something went wrong. Try again.',
    means: 'An unexpected failure on our side; the request id in the answer finds it in the logs.',
    action: 'retry',
  }),

  PROVIDER_NOT_CONFIGURED: entry('unavailable', 'Metode ini belum tersedia', {
    en: 'This is not available yet',
    means: 'A sign-in provider (Google, Apple) or Firebase tokens are not configured on this deployment.',
    action: 'contact_support',
  }),
  PROVIDER_UNAVAILABLE: entry('unavailable', 'Layanan sedang tidak dapat dihubungi. Coba lagi.', {
    en: 'The service could not be reached. Try again.',
    means: 'An outside provider (identity, payments) did not answer in time.',
    action: 'retry',
  }),
  OTP_SEND_FAILED: entry('unavailable', 'Kode OTP gagal dikirim, coba lagi', {
    en: 'The OTP code could not be sent; try again',
    means: 'The SMS/WhatsApp provider refused or failed to send the code.',
    action: 'retry',
  }),
  OTP_UNAVAILABLE: entry('unavailable', 'Layanan kode OTP sedang sibuk. Coba lagi nanti.', {
    en: 'The OTP service is busy. Try again later.',
    means:
      'The hourly budget of OTP messages for the whole service is spent; `details.retry_after_seconds` says when it frees.',
    action: 'wait',
  }),
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
