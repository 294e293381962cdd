import { z } from 'zod';
import type { PublishedDocument } from '../realtime';
import { CONFIG_KEYS, pricingTierSchema } from './schema';

/**
 * The public config the apps read (`GET /api/shared/config` answers the same fields without the last
 * two), one schema: the builders in views.ts return its type and docs/asyncapi.yaml publishes it.
 * Built on first use: a function's cold start (which never publishes) builds none.
 */

function build() {
  const K = CONFIG_KEYS;
  const seconds = z.number().int().min(0);

  const PublicConfigSchema = z.strictObject({
    anonymity_enabled: K.anonymity_enabled.schema,
    free_trial: z.strictObject(K.free_trial.schema.shape),
    pricing_tiers: z.array(z.strictObject(pricingTierSchema.shape)),
    extension_timeout_seconds: seconds,
    early_end: z.strictObject(K.early_end.schema.shape).describe('which side may end a session early'),
    mitra_ping: z.strictObject(K.mitra_ping.schema.shape),
    mitra_heartbeat_cadence_seconds: seconds.describe('how often the mitra app sends its heartbeat'),
    pairing_timeout_seconds: seconds,
    request_notification_timeout_seconds: seconds,
    closing_grace_seconds: seconds,
    sensitive_flip_confirmation_enabled: z.boolean(),
    sensitive_flag_one_way_latch: z.boolean(),
    support_handles: z.strictObject(K.support_handles_json.schema.shape),
    otp_resend_cooldown_seconds: seconds,
  });

  const PublicConfigDocSchema = PublicConfigSchema.extend({
    version: z.number().int().describe('grows with every change an operator makes'),
    updated_at: z.iso.datetime(),
  });
  return { PublicConfigSchema, PublicConfigDocSchema };
}

let built: ReturnType<typeof build> | undefined;
export const configSchemas = () => (built ??= build());
type Schemas = ReturnType<typeof build>;

export type PublicConfig = z.infer<Schemas['PublicConfigSchema']>;
export type PublicConfigDoc = z.infer<Schemas['PublicConfigDocSchema']>;

export const PUBLISHED_DOCUMENTS: PublishedDocument[] = [
  {
    name: 'PublicConfigDoc',
    address: 'config/public',
    parameters: {},
    schema: () => configSchemas().PublicConfigDocSchema,
    readers: ['customer', 'mitra'],
    writes: 'whole',
    summary: 'The run-time settings the apps use (tiers, timeouts, free trial, support handles).',
    description:
      'Rewritten whole whenever an operator changes a setting; the same fields as `GET /api/shared/config` ' +
      'plus `version` and `updated_at`. Listen to it instead of polling the route.',
  },
];
