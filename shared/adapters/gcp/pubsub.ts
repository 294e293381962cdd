import type { EventBus, PublishedEvent } from '../../ports/event-bus';

export interface PubSubMessage {
  data: Buffer;
  attributes?: Record<string, string>;
}

export interface PubSubClientLike {
  topic(name: string): { publishMessage(message: PubSubMessage): Promise<string> };
}

export function buildPubSubMessage(event: PublishedEvent): PubSubMessage {
  return { data: Buffer.from(JSON.stringify(event.data)), attributes: event.attributes ?? {} };
}

export class PubSubEventBus implements EventBus {
  private client?: Promise<PubSubClientLike>;

  constructor(
    private readonly projectId: string,
    private readonly clientFactory: (projectId: string) => Promise<PubSubClientLike> = async (projectId) => {
      const { PubSub } = await import('@google-cloud/pubsub');
      return new PubSub({ projectId }) as unknown as PubSubClientLike;
    },
  ) {}

  async publish(event: PublishedEvent): Promise<string> {
    this.client ??= this.clientFactory(this.projectId);
    return (await this.client).topic(event.topic).publishMessage(buildPubSubMessage(event));
  }
}
