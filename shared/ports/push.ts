/**
 * What one push says, as the push catalogue (`shared/push`) built it: never written by hand, so the two
 * kinds of SPEC §12 cannot be mixed. Kept to JSON values: it rides in an outbox row.
 */
export interface PushContent {
  type: string;
  /** alert: shown to the user even when the app is closed; background: data only, for the app to sync. */
  kind: 'alert' | 'background';
  /** FCM data: string values only, `type` and ids (never a message's text). */
  data: Record<string, string>;
  /** Alerts only: the Indonesian title and body from the catalogue. */
  notification?: { title: string; body: string };
  /** The session or request id: a newer push about it replaces (Android) or joins (iOS) the older one. */
  thread: string;
  /** ISO time after which the push is noise (an offer that closed): FCM and APNs drop it then. */
  expiresAt?: string;
  /** Background only: the app must react at once (Android high priority). */
  urgent?: boolean;
}

/** One push to one device token. */
export interface PushMessage extends PushContent {
  /** Who it is for (the user's id); used for recording and token cleanup. */
  userId: string;
  token: string;
}

export type PushResult = { ok: true; messageId: string } | { ok: false; unregistered: boolean; error: string };

export interface Push {
  send(message: PushMessage): Promise<PushResult>;
  /** Up to MAX_PUSH_BATCH messages in one call (FCM sendEach); one result per message, in order. */
  sendMany?(messages: PushMessage[]): Promise<PushResult[]>;
}

export const MAX_PUSH_BATCH = 500;

/** A message the call did not get through (its failure, not FCM's word on the token): sent again later. */
export const notSent = (err: unknown): PushResult => ({
  ok: false,
  unregistered: false,
  error: err instanceof Error ? err.message : String((err as { code?: string } | null)?.code ?? err),
});

/** Past its expiry a push is not sent at all: an offer delivered after it closed is noise (SPEC §12). */
export const hasExpired = (m: PushContent, now: Date): boolean =>
  m.expiresAt !== undefined && Date.parse(m.expiresAt) <= now.getTime();
