import type { Queryable } from '../../db/pool';
import type { AuditKind } from '../audit-kinds';

export interface AuditRow {
  id: number;
  kind: AuditKind;
  actor_id: string | null;
  target_type: string | null;
  target_id: string | null;
  details: Record<string, unknown>;
  created_at: Date;
}

/** cc_audit_log: every column, in one list. */
const COLUMNS = [
  'id',
  'kind',
  'actor_id',
  'target_type',
  'target_id',
  'details',
  'created_at',
] as const satisfies readonly (keyof AuditRow)[];
const ALL = COLUMNS.join(', ');

export async function insertAudit(
  q: Queryable,
  e: { kind: AuditKind; actorId: string; targetType: string; targetId: string; details?: Record<string, unknown> },
  now: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO cc_audit_log (kind, actor_id, target_type, target_id, details, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
    [e.kind, e.actorId, e.targetType, e.targetId, JSON.stringify(e.details ?? {}), now],
  );
}

/** Newest first, keyset on id; filters combine. */
export async function auditRows(
  q: Queryable,
  f: { kind?: AuditKind; actorId?: string; targetId?: string },
  page: { limit: number; beforeId?: number },
): Promise<AuditRow[]> {
  const { rows } = await q.query<AuditRow>(
    `SELECT ${ALL} FROM cc_audit_log
     WHERE ($1::text IS NULL OR kind = $1) AND ($2::uuid IS NULL OR actor_id = $2) AND ($3::text IS NULL OR target_id = $3)
       AND ($4::bigint IS NULL OR id < $4)
     ORDER BY id DESC LIMIT $5`,
    [f.kind ?? null, f.actorId ?? null, f.targetId ?? null, page.beforeId ?? null, page.limit],
  );
  return rows;
}

/**
 * An erased user's name goes from the operators' trail too (account deletion, SPEC §14): the entries
 * about them stay (who did what, when), naming them by id alone.
 */
export async function forgetNamesIn(q: Queryable, targetType: 'customer' | 'mitra', targetId: string) {
  await q.query(
    `UPDATE cc_audit_log SET details = details - 'display_name' #- '{before,display_name}' #- '{after,display_name}'
     WHERE target_type = $1 AND target_id = $2
       AND (details ? 'display_name' OR details->'before' ? 'display_name' OR details->'after' ? 'display_name')`,
    [targetType, targetId],
  );
}
