export interface PublishedEvent {
  topic: string;
  data: Record<string, unknown>;
  attributes?: Record<string, string>;
}

export interface EventBus {
  /** Returns the message id. */
  publish(event: PublishedEvent): Promise<string>;
}

/** What a Pub/Sub push subscription POSTs to its endpoint. */
export interface PushEnvelope {
  message: { data: string; attributes?: Record<string, string>; messageId: string; publishTime: string };
  subscription: string;
}
