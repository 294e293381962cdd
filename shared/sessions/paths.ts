/** The session function's private routes (Cloud Tasks) and the Firestore documents it mirrors. */
export const SESSION_PATHS = {
  /** Kept as pairing schedules it for a free trial at accept (payload `{session_id, version}`). */
  expire: '/tasks/sessions/expire',
  extensionWindow: '/tasks/sessions/extension-window',
  extensionTimeout: '/tasks/sessions/extension-timeout',
  closingGrace: '/tasks/sessions/closing-grace',
  paymentHold: '/tasks/sessions/payment-hold',
} as const;

export const SESSION_EXPIRE_PATH = SESSION_PATHS.expire;

/**
 * The customer's window, after time-up, to ask for an extension. Not an operator knob (SPEC §5 has
 * none): the old backend's "5-min countdown" (seed 003, 4.1). Decision 32.
 */
export const EXTENSION_WINDOW_SECONDS = 300;

/**
 * A side active (send, receipt, typing) within this many seconds gets no FCM push for a new message:
 * its app is in the foreground and its listener shows the message. Decision 32.
 */
export const PUSH_QUIET_SECONDS = 30;

/** Session-doc counters (unread, receipts, last_seq) are written at most once per this window. */
export const COUNTERS_WINDOW_MS = 1000;

export const sessionDocPath = (sessionId: string) => `sessions/${sessionId}`;
export const messageDocPath = (sessionId: string, messageId: string) => `sessions/${sessionId}/messages/${messageId}`;
export const typingDocPath = (sessionId: string, side: 'customer' | 'mitra') => `sessions/${sessionId}/typing/${side}`;
/** The mitra's own view of a session (topic_sensitivity, the extension offer): customers cannot read it. */
export const mitraSessionDocPath = (mitraId: string, sessionId: string) => `mitras/${mitraId}/sessions/${sessionId}`;

/** Deterministic task names; the version makes a rescheduled timer a new task and the old one stale. */
export const taskNames = {
  expire: (id: string, version: number) => `session-expire:${id}:v${version}`,
  extensionWindow: (id: string, version: number) => `session-ext-window:${id}:v${version}`,
  extensionTimeout: (extensionId: string) => `session-ext-timeout:${extensionId}`,
  closingGrace: (id: string, version: number) => `session-closing-grace:${id}:v${version}`,
  paymentHold: (id: string, version: number) => `session-payment-hold:${id}:v${version}`,
};
