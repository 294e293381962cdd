import { z } from 'zod';
import { PUSH_TYPES, type PushAudience, type PushDef, type PushType } from './catalogue';

/**
 * What an app receives for each push type of the catalogue: docs/asyncapi.yaml publishes one channel per
 * type from this, and the tests check every push the relay sends against it. A new catalogue entry is
 * published with nothing else to write.
 */
export interface PublishedPush {
  type: PushType;
  kind: 'alert' | 'background';
  to: PushAudience;
  /** The data field holding the session or request id (Android `tag`, iOS `thread-id`). */
  thread: string;
  /** Android `ttl` / `apns-expiration` are set: the push is dropped once what it announces closed. */
  expires: boolean;
  /** Background only: sent at Android high priority because the app must react at once. */
  urgent: boolean;
  /** What the app's handler sees: `data` (string values) and, for an alert, the notification text. */
  schema: z.ZodType;
  /** An alert's title and body with its params as `{placeholders}` (one variant where the text has several). */
  example?: { title: string; body: string };
}

const NotificationSchema = z.strictObject({
  title: z.string().min(1),
  body: z.string().min(1).describe('Indonesian, from the catalogue; never a chat message’s text'),
});

/** An alert's text with every param shown as `{name}`. */
function textTemplate(def: PushDef): PublishedPush['example'] {
  if (!def.text) return undefined;
  const placeholders = new Proxy({}, { get: (_t, key) => (typeof key === 'string' ? `{${key}}` : undefined) });
  return def.text(placeholders as never);
}

export function publishedPush(type: PushType): PublishedPush {
  const def = PUSH_TYPES[type] as unknown as PushDef;
  const data = z.strictObject({ type: z.literal(type), ...def.data });
  const schema =
    def.kind === 'alert' ? z.strictObject({ data, notification: NotificationSchema }) : z.strictObject({ data });
  return {
    type,
    kind: def.kind,
    to: def.to,
    thread: def.thread,
    expires: def.expires,
    urgent: def.urgent,
    schema,
    example: textTemplate(def),
  };
}

export const publishedPushes = (): PublishedPush[] => (Object.keys(PUSH_TYPES) as PushType[]).map(publishedPush);
