import type { Env } from '../env';
import type { PublicConfig, PublicConfigDoc } from './documents';
import type { ConfigAuditEntryRow } from './repo/app-config-audit';
import type { AppConfig } from './schema';

export const PUBLIC_CONFIG_DOC = 'config/public';

/**
 * What the apps may read: no limits, no secrets. `GET /api/shared/config` answers exactly this; the
 * Firestore doc `config/public` is this plus the version and when it was written.
 */
export function publicConfig(cfg: AppConfig, env: Env): PublicConfig {
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
export type { PublicConfig };

export function publicConfigDoc(cfg: AppConfig, env: Env, version: number, now: Date): PublicConfigDoc {
  return { ...publicConfig(cfg, env), version, updated_at: now.toISOString() };
}

export function configAuditEntry(r: ConfigAuditEntryRow) {
  return {
    id: Number(r.id),
    section: r.section,
    changed_by: r.changed_by,
    changed_by_email: r.email,
    before: r.before,
    after: r.after,
    created_at: r.created_at.toISOString(),
  };
}
