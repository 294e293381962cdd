import { entry } from './kinds';

/** The request itself: malformed input, no or a wrong identity, no access, nothing there. */
export const REQUEST_ERRORS = {
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
} as const;
