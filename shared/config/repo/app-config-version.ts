import type { Queryable } from '../../db/pool';

/** app_config_version: one row (its id is always true); every reader polls `version`. */

/** `lock` serialises writers (audits then chain); 0 before the migration's row exists. */
export async function configVersion(q: Queryable, lock = false): Promise<number> {
  const { rows } = await q.query<{ version: number }>(
    `SELECT version FROM app_config_version${lock ? ' FOR NO KEY UPDATE' : ''}`,
  );
  return Number(rows[0]?.version ?? 0);
}

export async function bumpConfigVersion(q: Queryable): Promise<number> {
  const { rows } = await q.query<{ version: number }>(
    'UPDATE app_config_version SET version = version + 1 RETURNING version',
  );
  return Number(rows[0]!.version);
}
