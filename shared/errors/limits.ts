import { entry } from './kinds';

/** Rules on values and volume, and failures of ours or a provider. */
export const LIMIT_ERRORS = {
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
} as const;
