import type { Env } from '../env';
import type { AppConfig, ConfigKey } from './schema';

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
  closing: ['closing_grace_seconds'],
  support: ['support_handles_json'],
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

/** What the apps may read (GET /api/shared/config and Firestore config/public): no limits, no secrets. */
export function publicConfig(cfg: AppConfig, env: Env) {
  return {
    anonymity_enabled: cfg.anonymity_enabled,
    free_trial: cfg.free_trial,
    pricing_tiers: cfg.pricing_tiers,
    extension_timeout_seconds: cfg.extension_timeout_seconds,
    early_end: cfg.early_end,
    mitra_ping: cfg.mitra_ping,
    mitra_heartbeat_cadence_seconds: env.MITRA_HEARTBEAT_CADENCE_SECONDS,
    pairing_timeout_seconds: cfg.pairing_timeout_seconds,
    request_notification_timeout_seconds: cfg.request_notification_timeout_seconds,
    closing_grace_seconds: cfg.closing_grace_seconds,
    sensitive_flip_confirmation_enabled: cfg.sensitive_flip_confirmation_enabled,
    sensitive_flag_one_way_latch: cfg.sensitive_flag_one_way_latch,
    support_handles: cfg.support_handles_json,
    otp_resend_cooldown_seconds: cfg.otp_resend_cooldown_seconds,
  };
}
