import { z } from 'zod';
import type { PushContent } from '../ports/push';
import { PUSH_TYPES, type PushDef, type PushParams, type PushType } from './catalogue';

const TEXT = z.object({ title: z.string().trim().min(1), body: z.string().trim().min(1) });
const EXPIRY = z.date().refine((d) => !Number.isNaN(d.getTime()), 'an invalid date');

// Built on first use of each type: a cold start that sends no push builds none.
const dataSchemas = new Map<PushType, z.ZodType<Record<string, string>>>();
function dataSchemaOf(type: PushType, def: PushDef) {
  let schema = dataSchemas.get(type);
  if (!schema) {
    schema = z.strictObject(def.data) as unknown as z.ZodType<Record<string, string>>;
    dataSchemas.set(type, schema);
  }
  return schema;
}

/**
 * The validated content of one push of `type` (SPEC §12): its data (`type` first, then the type's ids,
 * every value a string), for an alert its catalogue text, its thread and, when the type expires, its
 * expiry. Bad params are a programming error: they throw before anything is enqueued.
 */
export function buildPush<K extends PushType>(type: K, params: PushParams<K>): PushContent {
  const def = PUSH_TYPES[type] as unknown as PushDef<Record<string, z.ZodType>, Record<string, unknown>>;
  const given = params as Record<string, unknown>;
  const fields = dataSchemaOf(type, def).parse(Object.fromEntries(Object.keys(def.data).map((k) => [k, given[k]])));
  const content: PushContent = { type, kind: def.kind, data: { type, ...fields }, thread: fields[def.thread]! };
  if (def.text) content.notification = TEXT.parse(def.text(given));
  if (def.expires) content.expiresAt = EXPIRY.parse(given.expires_at).toISOString();
  if (def.urgent) content.urgent = true;
  return content;
}
