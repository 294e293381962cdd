/** What the control center writes to cc_audit_log (the `kind` filter of GET /internal/audit). */
export const AUDIT_KINDS = [
  'transcript_access',
  'mitra_registered',
  'mitra_updated',
  'customer_banned',
  'customer_unbanned',
  'report_reviewed',
  'account_erased',
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];
