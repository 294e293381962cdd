import { randomUUID } from 'node:crypto';
import type { Clock } from '../../clock';
import type { Queryable } from '../../db/pool';
import type { EventBus, PublishedEvent, PushEnvelope } from '../../ports/event-bus';

export interface LocalSubscription {
  name: string;
  topic: string;
  /** The push endpoint path (the same route the GCP push subscription targets). */
  path: string;
}

/** Pub/Sub stand-in: one durable push delivery per subscription, redelivered until a 2xx. */
export class LocalEventBus implements EventBus {
  /** Set by the local dispatcher: a publish is due at once, so it should not wait for the next poll. */
  onDue?: () => void;

  constructor(
    private readonly db: Queryable,
    private readonly clock: Clock,
    private readonly subscriptions: LocalSubscription[],
    private readonly projectId: string,
  ) {}

  async publish(event: PublishedEvent): Promise<string> {
    const messageId = randomUUID();
    const publishTime = this.clock.now();
    for (const sub of this.subscriptions.filter((s) => s.topic === event.topic)) {
      const envelope: PushEnvelope = {
        message: {
          data: Buffer.from(JSON.stringify(event.data)).toString('base64'),
          attributes: event.attributes ?? {},
          messageId,
          publishTime: publishTime.toISOString(),
        },
        subscription: `projects/${this.projectId}/subscriptions/${sub.name}`,
      };
      await this.db.query(
        `INSERT INTO local_deliveries (name, kind, path, body, due_at) VALUES ($1, 'pubsub', $2, $3, $4)
         ON CONFLICT (name) DO NOTHING`,
        [`pubsub:${sub.name}:${messageId}`, sub.path, JSON.stringify(envelope), publishTime],
      );
    }
    this.onDue?.();
    return messageId;
  }
}
