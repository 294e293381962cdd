import type { Queryable } from '../db/pool';
import type { ConfigKey } from './schema';

/** The one-row version every reader polls; `lock` serialises writers (audits then chain). */
export async function configVersion(q: Queryable, lock = false): Promise<number> {
  const { rows } = await q.query<{ version: number }>(
    `SELECT version FROM app_config_version${lock ? ' FOR NO KEY UPDATE' : ''}`,
  );
  return Number(rows[0]!.version);
}

export async function bumpConfigVersion(q: Queryable): Promise<number> {
  const { rows } = await q.query<{ version: number }>(
    'UPDATE app_config_version SET version = version + 1 RETURNING version',
  );
  return Number(rows[0]!.version);
}

/** Each changed key replaced whole, in one statement. */
export async function storeConfigValues(
  q: Queryable,
  changes: Array<[ConfigKey, unknown]>,
  now: Date,
  actorId: string,
): Promise<void> {
  await q.query(
    `INSERT INTO app_config (key, value, updated_at, updated_by)
     SELECT u.key, u.value::jsonb, $3, $4 FROM unnest($1::text[], $2::text[]) AS u(key, value)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
    [changes.map(([k]) => k), changes.map(([, v]) => JSON.stringify(v)), now, actorId],
  );
}

export async function insertConfigAudit(
  q: Queryable,
  a: { section: string; actorId: string; before: unknown; after: unknown; at: Date },
): Promise<void> {
  await q.query(
    'INSERT INTO app_config_audit (section, changed_by, before, after, created_at) VALUES ($1, $2, $3, $4, $5)',
    [a.section, a.actorId, JSON.stringify(a.before), JSON.stringify(a.after), a.at],
  );
}

export interface ConfigAuditRow {
  id: number;
  section: string;
  changed_by: string | null;
  email: string | null;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  created_at: Date;
}

/** Newest first, ids below `beforeId`; `limit + 1` rows so the caller knows whether a next page exists. */
export async function configAuditRows(q: Queryable, limit: number, beforeId?: number): Promise<ConfigAuditRow[]> {
  const { rows } = await q.query<ConfigAuditRow>(
    `SELECT a.id, a.section, a.changed_by, u.email, a.before, a.after, a.created_at
     FROM app_config_audit a LEFT JOIN control_center_users u ON u.id = a.changed_by
     WHERE ($1::bigint IS NULL OR a.id < $1) ORDER BY a.id DESC LIMIT $2`,
    [beforeId ?? null, limit + 1],
  );
  return rows;
}
