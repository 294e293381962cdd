import type { Queryable } from '../../db/pool';
import type { ConfigKey } from '../schema';

export interface AppConfigRow {
  key: string;
  value: unknown;
  updated_at: Date;
  updated_by: string | null;
}

/** app_config: every column, in one list; readers take the projection below. */
export const COLUMNS = ['key', 'value', 'updated_at', 'updated_by'] as const satisfies readonly (keyof AppConfigRow)[];
/** What a config load reads: the stored values (a missing key means the schema default). */
const STORED = ['key', 'value'] as const satisfies readonly (typeof COLUMNS)[number][];

export async function storedConfigValues(q: Queryable): Promise<Array<Pick<AppConfigRow, (typeof STORED)[number]>>> {
  const { rows } = await q.query<Pick<AppConfigRow, (typeof STORED)[number]>>(
    `SELECT ${STORED.join(', ')} FROM app_config`,
  );
  return rows;
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

/** The seed: each key stored at the given value unless it is stored already (an operator's value stays). */
export async function storeMissingConfigValues(
  q: Queryable,
  values: Array<[ConfigKey, unknown]>,
  now: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO app_config (key, value, updated_at)
     SELECT u.key, u.value::jsonb, $3 FROM unnest($1::text[], $2::text[]) AS u(key, value)
     ON CONFLICT (key) DO NOTHING`,
    [values.map(([k]) => k), values.map(([, v]) => JSON.stringify(v)), now],
  );
}
