import type { Queryable } from '../../db/pool';

export interface ConfigAuditRow {
  id: number;
  section: string;
  changed_by: string | null;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  created_at: Date;
}

/** app_config_audit: every column, in one list. */
const COLUMNS = [
  'id',
  'section',
  'changed_by',
  'before',
  'after',
  'created_at',
] as const satisfies readonly (keyof ConfigAuditRow)[];

export async function insertConfigAudit(
  q: Queryable,
  a: { section: string; actorId: string; before: unknown; after: unknown; at: Date },
): Promise<void> {
  await q.query(
    'INSERT INTO app_config_audit (section, changed_by, before, after, created_at) VALUES ($1, $2, $3, $4, $5)',
    [a.section, a.actorId, JSON.stringify(a.before), JSON.stringify(a.after), a.at],
  );
}

/** An audit entry with its author's email (the control-center user it names). */
export type ConfigAuditEntryRow = ConfigAuditRow & { email: string | null };

/** Newest first, ids below `beforeId`; `limit + 1` rows so the caller knows whether a next page exists. */
export async function configAuditRows(q: Queryable, limit: number, beforeId?: number): Promise<ConfigAuditEntryRow[]> {
  const { rows } = await q.query<ConfigAuditEntryRow>(
    `SELECT ${COLUMNS.map((c) => `a.${c}`).join(', ')}, u.email
     FROM app_config_audit a LEFT JOIN control_center_users u ON u.id = a.changed_by
     WHERE ($1::bigint IS NULL OR a.id < $1) ORDER BY a.id DESC LIMIT $2`,
    [beforeId ?? null, limit + 1],
  );
  return rows;
}
