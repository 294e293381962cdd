import { randomUUID } from 'node:crypto';
import type { Clock } from '../../clock';
import type { Queryable } from '../../db/pool';
import type { Push, PushMessage, PushResult } from '../../ports/push';
import { buildFcmMessage } from '../gcp/fcm-message';

/** Tokens with this prefix behave like tokens FCM reports as unregistered (to exercise cleanup). */
export const UNREGISTERED_TOKEN_PREFIX = 'unregistered-';

/** FCM stand-in: records the exact message the FCM adapter would send. */
export class PushRecorder implements Push {
  /** The clock fixes an expiring push's remaining ttl, as the send time does in FCM. */
  constructor(
    private readonly db: Queryable,
    private readonly clock: Clock,
  ) {}

  async send(message: PushMessage): Promise<PushResult> {
    if (message.token.startsWith(UNREGISTERED_TOKEN_PREFIX)) {
      return { ok: false, unregistered: true, error: 'messaging/registration-token-not-registered' };
    }
    const messageId = randomUUID();
    await this.db.query('INSERT INTO local_push_log (user_id, message) VALUES ($1, $2)', [
      message.userId,
      JSON.stringify({ message_id: messageId, ...buildFcmMessage(message, this.clock.now()) }),
    ]);
    return { ok: true, messageId };
  }

  /** One INSERT for the whole batch, like one sendEach call. */
  async sendMany(messages: PushMessage[]): Promise<PushResult[]> {
    const results: PushResult[] = [];
    const rows: Array<{ user: string; message: unknown }> = [];
    const now = this.clock.now();
    for (const m of messages) {
      if (m.token.startsWith(UNREGISTERED_TOKEN_PREFIX)) {
        results.push({ ok: false, unregistered: true, error: 'messaging/registration-token-not-registered' });
        continue;
      }
      const messageId = randomUUID();
      rows.push({ user: m.userId, message: { message_id: messageId, ...buildFcmMessage(m, now) } });
      results.push({ ok: true, messageId });
    }
    if (rows.length) {
      await this.db.query(
        `INSERT INTO local_push_log (user_id, message)
         SELECT r->>'user', r->'message' FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS u(r, ord) ORDER BY u.ord`,
        [JSON.stringify(rows)],
      );
    }
    return results;
  }

  async recordedFor(userId: string): Promise<unknown[]> {
    const { rows } = await this.db.query<{ message: unknown; created_at: Date }>(
      'SELECT message, created_at FROM local_push_log WHERE user_id = $1 ORDER BY id',
      [userId],
    );
    return rows.map((r) => ({ ...(r.message as object), recorded_at: r.created_at.toISOString() }));
  }
}
