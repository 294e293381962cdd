import { entry } from './kinds';

/** The request is fine but the state it meets refuses it: a conflict, or something that ended. */
export const STATE_ERRORS = {
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
} as const;
