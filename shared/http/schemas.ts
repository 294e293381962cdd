import { z } from '@hono/zod-openapi';
import { AppError, ERROR_CODES } from '../errors';

/** SPEC §3: the one error body every 4xx/5xx answers. */
export const ErrorEnvelopeSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES as [string, ...string[]]),
      message: z.string(),
      details: z.record(z.string(), z.unknown()),
      request_id: z.string().nullable(),
    }),
  })
  .openapi('ErrorEnvelope');

export const IsoDateTime = z.string().datetime({ offset: true }).openapi({ example: '2026-11-25T10:00:00.000Z' });
export const Uuid = z.string().uuid();
export const IdParam = z.object({
  id: z
    .string()
    .uuid()
    .openapi({ param: { name: 'id', in: 'path' } }),
});

/** SPEC §3 list query: ?limit (default 20, max 100) and an opaque ?cursor. */
export const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(512).optional(),
});

/** SPEC §3 list answer. */
export const pageOf = <T extends z.ZodType>(item: T, name: string) =>
  z.object({ items: z.array(item), next_cursor: z.string().nullable() }).openapi(name);

/** A person's or thing's name (SPEC §3): NFC-normalised, trimmed, 1..max; control characters never pass the shell. */
export const NameText = (max: number) => z.string().normalize('NFC').trim().min(1).max(max);

/** What a Pub/Sub push subscription POSTs to its private route. */
export const PubSubPushEnvelopeSchema = z
  .object({
    message: z.object({
      data: z.string().openapi({ description: 'base64 of the JSON message' }),
      messageId: z.string().optional(),
      message_id: z.string().optional(),
      publishTime: z.string().optional(),
      attributes: z.record(z.string(), z.string()).optional(),
    }),
    subscription: z.string(),
  })
  .openapi('PubSubPushEnvelope');

/** Pub/Sub wraps our JSON in base64; anything else is a 400 (dead-lettered after its retries). */
export function pubSubMessage<T extends z.ZodType>(data: string, schema: T, what: string): z.infer<T> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(data, 'base64').toString('utf8'));
  } catch {
    throw AppError.invalid('message.data', 'message.data is not base64 JSON');
  }
  const message = schema.safeParse(parsed);
  if (!message.success) throw AppError.invalid('message.data', `not ${what}`);
  return message.data;
}
/**
 * `X-Device-Id` (SPEC §13): the app's stable id of the phone it runs on (the one it registers its push
 * token under); device-keyed limits and the free trial's once per device read it.
 */
export const DeviceIdHeader = z
  .string()
  .regex(/^[\x21-\x7E]{1,128}$/, 'printable ASCII without spaces, at most 128 characters')
  .openapi({ description: 'The app’s stable id of this device (limits and the free trial are counted per device)' });

/** `X-Firebase-AppCheck` (SPEC §13): the app's App Check token, required where APP_CHECK_ENFORCED. */
export const AppCheckHeader = z
  .string()
  .max(8192)
  .openapi({ description: 'Firebase App Check token; required when the server enforces App Check' });

/** The headers the public sign-up and OTP routes read (both optional as far as validation goes). */
export const AbuseHeaders = z.object({
  'x-device-id': DeviceIdHeader.optional(),
  'x-firebase-appcheck': AppCheckHeader.optional(),
});
