/** One FCM data message to one device token. */
export interface PushMessage {
  /** Who it is for (`c_<id>` / `m_<id>` style owner id); used for recording and token cleanup. */
  userId: string;
  token: string;
  data: Record<string, string>;
  /** Android priority high + channel for user-visible alerts (seed 001: halobestie_chat_v2). */
  highPriority?: boolean;
  notification?: { title: string; body: string };
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

export const ANDROID_CHANNEL_ID = 'halobestie_chat_v2';
