import type { TokenMessage } from 'firebase-admin/messaging';
import { notSent, type Push, type PushMessage, type PushResult } from '../../ports/push';
import { buildFcmMessage } from './fcm-message';

interface BatchResponseLike {
  responses: Array<{ success: boolean; messageId?: string; error?: { code?: string; message?: string } }>;
}

export interface MessagingLike {
  send(message: TokenMessage): Promise<string>;
  sendEach?(messages: TokenMessage[]): Promise<BatchResponseLike>;
}

const UNREGISTERED = new Set(['messaging/registration-token-not-registered', 'messaging/invalid-registration-token']);

/** FCM through firebase-admin's messaging only (seed 001: never `.auth()`). */
export class FcmPush implements Push {
  private messaging?: Promise<MessagingLike>;

  constructor(
    private readonly projectId: string,
    private readonly messagingFactory: (projectId: string) => Promise<MessagingLike> = async (projectId) => {
      const { initializeApp, getApps } = await import('firebase-admin/app');
      const { getMessaging } = await import('firebase-admin/messaging');
      const app = getApps()[0] ?? initializeApp({ projectId });
      return getMessaging(app) as unknown as MessagingLike;
    },
  ) {}

  /** FCM's sendEach: one HTTP/2 call for up to 500 messages, a result per message. */
  async sendMany(messages: PushMessage[]): Promise<PushResult[]> {
    this.messaging ??= this.messagingFactory(this.projectId);
    const messaging = await this.messaging;
    if (!messaging.sendEach) return Promise.all(messages.map((m) => this.send(m).catch(notSent)));
    let batch: BatchResponseLike;
    try {
      batch = await messaging.sendEach(messages.map((m) => buildFcmMessage(m)));
    } catch (err) {
      // A session that broke mid-call still says which messages FCM took (firebase-admin's
      // FirebaseMessagingSessionError); failing them all would push those devices twice on the retry.
      const pending = (err as { pendingBatchResponse?: Promise<BatchResponseLike> }).pendingBatchResponse;
      if (!pending) throw err;
      batch = await pending;
    }
    return batch.responses.map((r): PushResult => {
      if (r.success) return { ok: true, messageId: r.messageId ?? '' };
      const code = r.error?.code ?? 'unknown';
      return { ok: false, unregistered: UNREGISTERED.has(code), error: r.error?.message ?? code };
    });
  }

  async send(message: PushMessage): Promise<PushResult> {
    this.messaging ??= this.messagingFactory(this.projectId);
    try {
      const messageId = await (await this.messaging).send(buildFcmMessage(message));
      return { ok: true, messageId };
    } catch (err) {
      const code = (err as { code?: string }).code ?? 'unknown';
      if (UNREGISTERED.has(code)) return { ok: false, unregistered: true, error: code };
      throw err;
    }
  }
}
