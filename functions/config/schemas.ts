import { z } from '@hono/zod-openapi';
import { IsoDateTime, pageOf } from '../../shared/http/schemas';
import {
  CONFIG_KEYS,
  type ConfigKey,
  type ConfigSection,
  pricingTierSchema,
  SECTION_NAMES,
  sectionSchema,
} from '../../shared/config';

const K = CONFIG_KEYS;
const int = () => z.number().int();
const KEY_NAMES = Object.keys(K) as [ConfigKey, ...ConfigKey[]];

// Re-wrapped, not `.openapi()` on the originals: those may predate @hono/zod-openapi's zod extension.
export const PricingTierSchema = z.object(pricingTierSchema.shape).openapi('PricingTier');
const FreeTrial = z.object(K.free_trial.schema.shape).openapi('FreeTrial');
const EarlyEnd = z.object(K.early_end.schema.shape).openapi('EarlyEnd');
const MitraPing = z.object(K.mitra_ping.schema.shape).openapi('MitraPing');
const SupportHandles = z.object(K.support_handles_json.schema.shape).openapi('SupportHandles');

/** GET /api/shared/config: what the apps need (no limits, no secrets); also the Firestore doc config/public. */
export const PublicConfigSchema = z
  .object({
    anonymity_enabled: z.boolean(),
    free_trial: FreeTrial,
    pricing_tiers: z.array(PricingTierSchema),
    extension_timeout_seconds: int(),
    early_end: EarlyEnd,
    mitra_ping: MitraPing,
    mitra_heartbeat_cadence_seconds: int().openapi({ description: 'env MITRA_HEARTBEAT_CADENCE_SECONDS' }),
    pairing_timeout_seconds: int(),
    request_notification_timeout_seconds: int(),
    closing_grace_seconds: int(),
    sensitive_flip_confirmation_enabled: z.boolean(),
    sensitive_flag_one_way_latch: z.boolean(),
    support_handles: SupportHandles,
    otp_resend_cooldown_seconds: int(),
  })
  .openapi('PublicConfig');

/** Every DB-stored knob with its schema (SPEC §5). */
export const ConfigValuesSchema = z
  .object(Object.fromEntries(KEY_NAMES.map((k) => [k, K[k].schema])) as { [P in ConfigKey]: (typeof K)[P]['schema'] })
  .openapi('ConfigValues');

const ConfigKeyEnum = z.enum(KEY_NAMES).openapi('ConfigKey');
export const ConfigSectionEnum = z.enum(SECTION_NAMES).openapi('ConfigSectionName');

const EnvBound = z.object({ min: int(), because: z.string() }).openapi('ConfigEnvBound');

export const InternalConfigSchema = z
  .object({
    version: int(),
    values: ConfigValuesSchema,
    defaults: ConfigValuesSchema,
    env: z
      .object({
        mitra_heartbeat_cadence_seconds: int(),
        access_token_ttl_seconds: int(),
        refresh_token_ttl_days: int(),
        revocation_max_lag_seconds: int(),
      })
      .openapi('ConfigEnvValues', { description: 'Deploy-fixed values (env), shown beside the DB values' }),
    bounds: z
      .object({ 'mitra_ping.interval_seconds': EnvBound, mitra_stale_after_seconds: EnvBound })
      .openapi('ConfigEnvBounds', { description: 'Minimums derived from env values' }),
    sections: z
      .object(
        Object.fromEntries(SECTION_NAMES.map((s) => [s, z.array(ConfigKeyEnum)])) as Record<
          ConfigSection,
          z.ZodArray<typeof ConfigKeyEnum>
        >,
      )
      .openapi('ConfigSections', { description: 'The keys each PATCH section owns' }),
  })
  .openapi('InternalConfig');

export const ConfigPatchResultSchema = z
  .object({ changed: z.boolean(), version: int(), values: ConfigValuesSchema })
  .openapi('ConfigPatchResult');

const pascal = (s: string) => s.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());

/** The PATCH body: one section's keys (any non-empty subset), so the union of the named section schemas. */
export const ConfigPatchSchema = z
  .union(
    SECTION_NAMES.map((s) => sectionSchema(s).openapi(`ConfigPatch${pascal(s)}`)) as unknown as [
      z.ZodType<Record<string, unknown>>,
      z.ZodType<Record<string, unknown>>,
      ...z.ZodType<Record<string, unknown>>[],
    ],
  )
  .openapi('ConfigPatch', { description: 'The keys of the section named in the path (see ConfigSections)' });

export const ConfigAuditEntrySchema = z
  .object({
    id: int(),
    section: z.string(),
    changed_by: z.string().uuid().nullable(),
    changed_by_email: z.string().nullable(),
    before: ConfigValuesSchema.partial().openapi('ConfigValuesSubset'),
    after: ConfigValuesSchema.partial(),
    created_at: IsoDateTime,
  })
  .openapi('ConfigAuditEntry');

export const ConfigAuditPageSchema = pageOf(ConfigAuditEntrySchema, 'ConfigAuditPage');
