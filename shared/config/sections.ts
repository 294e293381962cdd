import { z } from 'zod';
import type { Env } from '../env';
import { CONFIG_KEYS, type AppConfig, type ConfigKey } from './schema';

/** The control center's settings sections (PATCH /internal/config/:section) and the keys each owns. */
export const CONFIG_SECTIONS = {
  anonymity: ['anonymity_enabled'],
  'free-trial': ['free_trial'],
  'extension-timeout': ['extension_timeout_seconds'],
  'early-end': ['early_end'],
  'mitra-ping': ['mitra_ping'],
  'price-tiers': ['pricing_tiers'],
  sensitivity: ['sensitive_flip_confirmation_enabled', 'sensitive_flag_one_way_latch'],
  otp: [
    'otp_resend_cooldown_seconds',
    'otp_max_per_phone_per_hour',
    'otp_max_per_ip_per_hour',
    'otp_max_verify_attempts',
  ],
  lockout: ['cc_lockout_max_failures', 'cc_lockout_minutes'],
  capacity: ['max_customers_per_mitra'],
  stale: ['mitra_stale_after_seconds'],
  pairing: ['pairing_timeout_seconds', 'request_notification_timeout_seconds'],
  blast: ['blast'],
  closing: ['closing_grace_seconds'],
  payment: ['payment_hold_seconds'],
  limits: ['limits'],
  support: ['support_handles_json'],
  retention: ['retention'],
  safety: ['safety_rules', 'crisis_resources', 'safety_notice'],
} as const satisfies Record<string, readonly ConfigKey[]>;

export type ConfigSection = keyof typeof CONFIG_SECTIONS;

/** Deploy-fixed values (env) that operators see beside the DB values and that bound them (seed 001). */
export function envDerived(env: Env) {
  return {
    mitra_heartbeat_cadence_seconds: env.MITRA_HEARTBEAT_CADENCE_SECONDS,
    access_token_ttl_seconds: env.ACCESS_TOKEN_TTL_SECONDS,
    refresh_token_ttl_days: env.REFRESH_TOKEN_TTL_DAYS,
    revocation_max_lag_seconds: env.REVOCATION_MAX_LAG_SECONDS,
  };
}

export function envBounds(env: Env) {
  const cadence = env.MITRA_HEARTBEAT_CADENCE_SECONDS;
  return {
    'mitra_ping.interval_seconds': { min: cadence, because: 'MITRA_HEARTBEAT_CADENCE_SECONDS' },
    mitra_stale_after_seconds: {
      min: cadence * 2,
      because: '2 × MITRA_HEARTBEAT_CADENCE_SECONDS (one missed heartbeat must not flip a mitra offline)',
    },
  };
}

export interface BoundViolation {
  key: string;
  message: string;
  min?: number;
  max?: number;
}

/** Rules that depend on env values or on several keys at once. */
export function boundViolations(next: AppConfig, env: Env): BoundViolation[] {
  const bounds = envBounds(env);
  const out: BoundViolation[] = [];
  const ping = bounds['mitra_ping.interval_seconds'];
  if (next.mitra_ping.interval_seconds < ping.min) {
    out.push({
      key: 'mitra_ping.interval_seconds',
      min: ping.min,
      message: `must be at least ${ping.min} s (${ping.because})`,
    });
  }
  const stale = bounds.mitra_stale_after_seconds;
  if (next.mitra_stale_after_seconds < stale.min) {
    out.push({
      key: 'mitra_stale_after_seconds',
      min: stale.min,
      message: `must be at least ${stale.min} s (${stale.because})`,
    });
  }
  if (next.request_notification_timeout_seconds > next.pairing_timeout_seconds) {
    out.push({
      key: 'request_notification_timeout_seconds',
      max: next.pairing_timeout_seconds,
      message: 'must not exceed pairing_timeout_seconds',
    });
  }
  return out;
}

export const SECTION_NAMES = Object.keys(CONFIG_SECTIONS) as [ConfigSection, ...ConfigSection[]];

export function isConfigSection(s: string): s is ConfigSection {
  return Object.hasOwn(CONFIG_SECTIONS, s);
}

/** The strict body of one section's PATCH: any non-empty subset of the keys it owns, each validated whole. */
export function sectionSchema<S extends ConfigSection>(section: S) {
  const shape = Object.fromEntries(CONFIG_SECTIONS[section].map((k) => [k, CONFIG_KEYS[k].schema.optional()])) as {
    [K in (typeof CONFIG_SECTIONS)[S][number]]: z.ZodOptional<(typeof CONFIG_KEYS)[K]['schema']>;
  };
  return z
    .strictObject(shape)
    .refine((v) => Object.values(v).some((x) => x !== undefined), 'name at least one setting of this section');
}
