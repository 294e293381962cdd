import { z } from 'zod';
import { DEFAULT_CRISIS_RESOURCES, DEFAULT_SAFETY_NOTICE, DEFAULT_SAFETY_RULES } from './safety-defaults';

const seconds = (min: number, max: number) => z.number().int().min(min).max(max);
const count = (max: number) => z.number().int().min(1).max(max);

export const pricingTierSchema = z.object({
  id: z.string().regex(/^[a-z0-9_-]{1,32}$/),
  label: z.string().min(1).max(60),
  duration_minutes: z.number().int().min(5).max(240),
  price_idr: z.number().int().min(0).max(10_000_000),
});

const compiles = (pattern: string) => {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
};

/** A screening rule (SPEC §15): a regular expression over one normalised form of a message. */
export const safetyRuleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_.]{1,64}$/),
    category: z.enum(['self_harm', 'contact_info']),
    form: z.enum(['words', 'text']),
    pattern: z.string().min(1).max(2000).refine(compiles, 'not a valid regular expression'),
  })
  .refine(
    // Escapes (\b, \d) aside, a doubled letter can never match the words form, which writes each once.
    (r) => r.form !== 'words' || !/([a-z])\1/.test(r.pattern.replace(/\\./g, ' ')),
    'a words-form pattern writes every letter once (the words form collapses repeated letters)',
  );

const hotlineSchema = z.object({
  name: z.string().min(1).max(100),
  phone: z
    .string()
    .regex(/^\+?[0-9 -]{3,20}$/)
    .optional(),
  extension: z
    .string()
    .regex(/^[0-9]{1,6}$/)
    .optional(),
  url: z.string().url().max(300).optional(),
  hours: z.string().max(60).optional(),
  description: z.string().max(300).optional(),
});

/** Every operator knob in app_config (SPEC §5): its schema and its default. */
export const CONFIG_KEYS = {
  anonymity_enabled: { schema: z.boolean(), default: true },
  free_trial: {
    schema: z.object({
      enabled: z.boolean(),
      duration_minutes: z.number().int().min(1).max(60),
      // SPEC §13; defaulted so a value stored before the field existed still reads (and keeps `enabled`).
      requires_phone: z.boolean().default(true),
    }),
    default: { enabled: true, duration_minutes: 10, requires_phone: true },
  },
  pricing_tiers: {
    schema: z
      .array(pricingTierSchema)
      .min(1)
      .max(10)
      .refine((tiers) => new Set(tiers.map((t) => t.id)).size === tiers.length, 'tier ids must be unique'),
    default: [
      { id: 'tier_30', label: '30 menit', duration_minutes: 30, price_idr: 25_000 },
      { id: 'tier_60', label: '60 menit', duration_minutes: 60, price_idr: 45_000 },
      { id: 'tier_90', label: '90 menit', duration_minutes: 90, price_idr: 60_000 },
    ],
  },
  extension_timeout_seconds: { schema: seconds(10, 600), default: 60 },
  early_end: {
    schema: z.object({ mitra: z.boolean(), customer: z.boolean() }),
    default: { mitra: true, customer: true },
  },
  mitra_ping: {
    schema: z.object({ required: z.boolean(), interval_seconds: seconds(5, 3600) }),
    default: { required: true, interval_seconds: 30 },
  },
  mitra_stale_after_seconds: { schema: seconds(10, 3600), default: 90 },
  max_customers_per_mitra: { schema: z.number().int().min(1).max(10), default: 1 },
  pairing_timeout_seconds: { schema: seconds(15, 1800), default: 120 },
  /** SPEC §6 fair waves: at most max_mitras offers per wave (0 = every available mitra at once), a wave every wave_seconds. */
  blast: {
    schema: z.strictObject({ max_mitras: z.number().int().min(0).max(1000), wave_seconds: seconds(5, 600) }),
    default: { max_mitras: 25, wave_seconds: 20 },
  },
  request_notification_timeout_seconds: { schema: seconds(5, 600), default: 60 },
  closing_grace_seconds: { schema: seconds(10, 3600), default: 300 },
  /** How long an unpaid session holds its mitra (SPEC §13): the invoice lasts this long, then it is cancelled. */
  payment_hold_seconds: { schema: seconds(60, 3600), default: 300 },
  sensitive_flip_confirmation_enabled: { schema: z.boolean(), default: true },
  sensitive_flag_one_way_latch: { schema: z.boolean(), default: false },
  support_handles_json: {
    schema: z.object({
      whatsapp: z.string().max(100).optional(),
      instagram: z.string().max(100).optional(),
      email: z.string().email().optional(),
    }),
    default: { whatsapp: '+6281100000000' },
  },
  otp_resend_cooldown_seconds: { schema: seconds(10, 600), default: 60 },
  otp_max_per_phone_per_hour: { schema: z.number().int().min(1).max(50), default: 3 },
  otp_max_per_ip_per_hour: { schema: z.number().int().min(1).max(1000), default: 10 },
  otp_max_verify_attempts: { schema: z.number().int().min(1).max(20), default: 5 },
  cc_lockout_max_failures: { schema: z.number().int().min(1).max(50), default: 5 },
  cc_lockout_minutes: { schema: z.number().int().min(1).max(1440), default: 15 },
  /** SPEC §13's abuse limits, each a token bucket per key (shared/limits), tuned at run time. */
  limits: {
    schema: z.object({
      guest_signup: z.object({ per_ip_per_hour: count(100_000), per_device_per_day: count(10_000) }),
      chat_request: z.object({ per_customer_per_hour: count(10_000), per_device_per_day: count(10_000) }),
      // This many unpaid cancellations in 24 h refuse further chat requests until the oldest leaves the window.
      unpaid_cancellations: z.object({ max_per_day: count(100) }),
      messages: z.object({ burst: count(10_000), per_second: z.number().min(0.001).max(1000) }),
      reports: z.object({ per_reporter_per_day: count(10_000) }),
      device_token_upserts: z.object({ per_user_per_hour: count(10_000) }),
      otp: z.object({ hourly_budget: count(10_000_000) }),
    }),
    default: {
      guest_signup: { per_ip_per_hour: 20, per_device_per_day: 3 },
      chat_request: { per_customer_per_hour: 10, per_device_per_day: 20 },
      unpaid_cancellations: { max_per_day: 3 },
      messages: { burst: 20, per_second: 1 },
      reports: { per_reporter_per_day: 10 },
      device_token_upserts: { per_user_per_hour: 20 },
      otp: { hourly_budget: 2000 },
    },
  },
  /**
   * SPEC §14: how long what is personal is kept. `outbox_days` stays above every redelivery horizon (Cloud
   * Tasks retries for one day), so a delivered row's dedupe key outlives any trigger that can come back.
   */
  retention: {
    schema: z.object({
      message_days: z.number().int().min(30).max(3650),
      outbox_days: z.number().int().min(2).max(90),
      auth_days: z.number().int().min(1).max(365),
    }),
    default: { message_days: 365, outbox_days: 7, auth_days: 30 },
  },
  safety_rules: {
    schema: z
      .array(safetyRuleSchema)
      .min(1)
      .max(300)
      .refine((rules) => new Set(rules.map((r) => r.id)).size === rules.length, 'rule ids must be unique'),
    default: DEFAULT_SAFETY_RULES,
  },
  crisis_resources: {
    schema: z.object({
      message: z.string().min(1).max(500),
      hotlines: z
        .array(hotlineSchema.refine((h) => h.phone || h.url, 'a hotline needs a phone or a url'))
        .min(1)
        .max(10),
    }),
    default: DEFAULT_CRISIS_RESOURCES,
  },
  safety_notice: { schema: z.string().min(1).max(500), default: DEFAULT_SAFETY_NOTICE },
} as const;

export type ConfigKey = keyof typeof CONFIG_KEYS;
export type AppConfig = { [K in ConfigKey]: z.infer<(typeof CONFIG_KEYS)[K]['schema']> };

export function defaultConfig(): AppConfig {
  return Object.fromEntries(
    Object.entries(CONFIG_KEYS).map(([k, v]) => [k, structuredClone(v.default)]),
  ) as unknown as AppConfig;
}
