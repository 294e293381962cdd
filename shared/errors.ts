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

const entry = (kind: ErrorKind, message: string) => ({ kind, message });

/** The closed catalogue: every code the API can answer, its kind and its default message. */
export const ERROR_CATALOGUE = {
  BAD_REQUEST: entry('invalid', 'The request is invalid'),
  WRONG_FLOW: entry('invalid', 'This code belongs to the other app'),

  AUTH_MISSING: entry('unauthenticated', 'Authorization is required'),
  TOKEN_INVALID: entry('unauthenticated', 'The access token is not valid'),
  TOKEN_EXPIRED: entry('unauthenticated', 'The access token has expired'),
  REFRESH_INVALID: entry('unauthenticated', 'The refresh token is not valid'),
  INVALID_CREDENTIALS: entry('unauthenticated', 'Email atau password salah'),
  INVALID_ID_TOKEN: entry('unauthenticated', 'The id_token is not valid'),
  CODE_MISMATCH: entry('unauthenticated', 'Kode OTP salah'),
  IAP_REQUIRED: entry('unauthenticated', 'This route is only reachable through IAP'),
  CALLBACK_TOKEN_INVALID: entry('unauthenticated', 'The callback token is not valid'),
  APP_CHECK_INVALID: entry('unauthenticated', 'Aplikasi tidak dikenali. Perbarui aplikasi Halo Bestie.'),

  FORBIDDEN: entry('forbidden', 'You may not do this'),
  ACCOUNT_INACTIVE: entry('forbidden', 'Akun tidak aktif. Hubungi administrator.'),
  ACCOUNT_BANNED: entry('forbidden', 'Akun ini diblokir'),
  REGISTRATION_REQUIRED: entry('forbidden', 'Daftar dulu untuk mulai curhat'),
  EARLY_END_DISABLED: entry('forbidden', 'Sesi belum bisa diakhiri lebih awal'),

  NOT_FOUND: entry('not_found', 'Not found'),
  OTP_NOT_FOUND: entry('not_found', 'Permintaan OTP tidak ditemukan'),
  METHOD_NOT_ALLOWED: entry('method_not_allowed', 'Method not allowed'),

  ALREADY_ACTIVE: entry('conflict', 'Kamu masih punya permintaan atau sesi yang aktif'),
  FREE_TRIAL_UNAVAILABLE: entry('conflict', 'Free trial tidak tersedia'),
  MITRA_UNAVAILABLE: entry('conflict', 'Bestie ini sedang tidak tersedia'),
  REQUEST_TAKEN: entry('conflict', 'Sudah diambil Bestie lain'),
  REQUEST_CANCELLED: entry('conflict', 'Dibatalkan oleh customer'),
  REQUEST_REJECTED: entry('conflict', 'Kamu sudah menolak permintaan ini'),
  CAPACITY_FULL: entry('conflict', 'Kapasitas kamu sudah penuh'),
  OTP_USED: entry('conflict', 'Kode sudah digunakan'),
  IDENTITY_CONFLICT: entry('conflict', 'Akun ini sudah terhubung dengan pengguna lain'),
  EMAIL_TAKEN: entry('conflict', 'Email sudah digunakan'),
  PHONE_TAKEN: entry('conflict', 'Nomor ini sudah terdaftar'),
  SESSION_NOT_ACTIVE: entry('conflict', 'Sesi tidak aktif'),
  SESSION_NOT_CLOSING: entry('conflict', 'Sesi belum berakhir'),
  SESSION_NOT_ENDED: entry('conflict', 'Sesi belum selesai'),
  GOODBYE_ALREADY_SENT: entry('conflict', 'Pesan perpisahan sudah dikirim'),
  SENSITIVITY_LATCHED: entry('conflict', 'Sesi sudah ditandai sensitif'),
  EXTENSION_NOT_ALLOWED: entry('conflict', 'Perpanjangan tidak bisa diminta sekarang'),
  EXTENSION_PENDING: entry('conflict', 'Masih ada permintaan perpanjangan yang terbuka'),
  EXTENSION_NOT_PENDING: entry('conflict', 'Permintaan perpanjangan sudah tidak menunggu jawaban'),
  ALREADY_RATED: entry('conflict', 'Sesi ini sudah dinilai'),
  ALREADY_REPORTED: entry('conflict', 'Kamu sudah melaporkan sesi ini'),
  REPORT_ALREADY_RESOLVED: entry('conflict', 'The report was already resolved'),

  REQUEST_EXPIRED: entry('gone', 'Permintaan sudah kedaluwarsa'),
  OTP_EXPIRED: entry('gone', 'Kode OTP kedaluwarsa. Minta kode baru.'),

  PAYLOAD_TOO_LARGE: entry('too_large', 'The request body is too large'),

  PHONE_INVALID: entry('unprocessable', 'Nomor telepon tidak valid (gunakan nomor Indonesia)'),
  CONFIG_OUT_OF_BOUNDS: entry('unprocessable', 'The settings are out of bounds'),
  PASSWORD_TOO_SHORT: entry('unprocessable', 'Password must be at least 8 characters'),
  PASSWORD_MISSING_DIGIT: entry('unprocessable', 'Password must contain a digit'),
  PASSWORD_MISSING_UPPERCASE: entry('unprocessable', 'Password must contain an uppercase letter'),
  PASSWORD_MISSING_LOWERCASE: entry('unprocessable', 'Password must contain a lowercase letter'),

  ACCOUNT_LOCKED: entry('locked', 'Akun terkunci sementara'),

  OTP_COOLDOWN: entry('rate_limited', 'Tunggu sebentar sebelum meminta kode baru'),
  OTP_RATE_LIMIT_PHONE: entry('rate_limited', 'Terlalu banyak permintaan kode untuk nomor ini'),
  OTP_RATE_LIMIT_IP: entry('rate_limited', 'Terlalu banyak permintaan kode dari jaringan ini'),
  OTP_ATTEMPTS_EXCEEDED: entry('rate_limited', 'Terlalu banyak percobaan. Minta kode baru.'),
  RATE_LIMITED: entry('rate_limited', 'Terlalu banyak permintaan. Coba lagi nanti.'),

  INTERNAL: entry('internal', 'Something went wrong'),

  PROVIDER_NOT_CONFIGURED: entry('unavailable', 'This sign-in provider is not configured'),
  PROVIDER_UNAVAILABLE: entry('unavailable', 'The provider could not be reached'),
  OTP_SEND_FAILED: entry('unavailable', 'Kode OTP gagal dikirim, coba lagi'),
  OTP_UNAVAILABLE: entry('unavailable', 'Layanan kode OTP sedang sibuk. Coba lagi nanti.'),
} as const satisfies Record<string, { kind: ErrorKind; message: string }>;

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

  /** A request body or query that failed a rule zod could not express. */
  static invalid(path: string, message: string, code = 'custom') {
    return new AppError('BAD_REQUEST', message, { issues: [{ path, message, code }] });
  }
}
