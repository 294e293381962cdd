import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS_DIR } from '../../shared/db/migrate';
import { createEmptyDatabase } from '../helpers/db';

const files = readdirSync(MIGRATIONS_DIR)
  .filter((f) => f.endsWith('.sql'))
  .sort();

/** Tables the up sections create and do not drop again: what a migrated database must hold. */
function tablesTheMigrationsLeave(): string[] {
  const tables = new Set<string>();
  for (const f of files) {
    const up = readFileSync(path.join(MIGRATIONS_DIR, f), 'utf8').split('-- Down Migration')[0]!;
    for (const m of up.matchAll(/CREATE TABLE (?:IF NOT EXISTS )?(\w+)/gi)) tables.add(m[1]!);
    for (const m of up.matchAll(/DROP TABLE (?:IF EXISTS )?(\w+)/gi)) tables.delete(m[1]!);
  }
  return [...tables].sort();
}

let client: pg.Client | undefined;
afterEach(() => client?.end());

async function connect(url: string) {
  client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

const rows = async (c: pg.Client, sql: string) => (await c.query(sql)).rows;

/** Every column, index and trigger of the public schema: what a second run must leave as it is. */
const schema = async (c: pg.Client) => ({
  columns: await rows(
    c,
    `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
     WHERE table_schema = 'public' ORDER BY table_name, column_name`,
  ),
  indexes: await rows(c, "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname"),
  triggers: await rows(c, 'SELECT tgname FROM pg_trigger WHERE NOT tgisinternal ORDER BY tgname'),
});

describe('migrations', () => {
  it('build the whole schema on an empty database, in file order, and a second run changes nothing', async () => {
    const url = await createEmptyDatabase();
    const c = await connect(url);
    expect(await rows(c, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")).toEqual([]);

    const names = files.map((f) => f.replace(/\.sql$/, ''));
    expect(names.length).toBeGreaterThanOrEqual(14);
    expect(await migrate(url)).toEqual(names);
    expect((await rows(c, 'SELECT name FROM pgmigrations ORDER BY id')).map((r) => r.name)).toEqual(names);

    const tables = await rows(
      c,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
    );
    const expected = tablesTheMigrationsLeave();
    expect(expected).toEqual(expect.arrayContaining(['chat_sessions', 'chat_messages', 'payments', 'outbox']));
    expect(tables.map((r) => r.table_name).sort()).toEqual([...expected, 'pgmigrations'].sort());
    // A column added by a later migration (0008), with its type, nullability and default.
    expect(
      await rows(
        c,
        `SELECT data_type, is_nullable, column_default FROM information_schema.columns
         WHERE table_name = 'chat_sessions' AND column_name = 'customer_read_seq'`,
      ),
    ).toEqual([{ data_type: 'integer', is_nullable: 'NO', column_default: '0' }]);
    // The last migrations' effects: a storage parameter (0013) and a trigger (0015).
    expect((await rows(c, "SELECT reloptions FROM pg_class WHERE relname = 'outbox'"))[0].reloptions).toEqual([
      'fillfactor=50',
    ]);
    expect((await schema(c)).triggers.map((t) => t.tgname)).toContain('mitras_id_never_changes');

    const before = await schema(c);
    expect(before.columns.length).toBeGreaterThan(100);
    expect(await migrate(url)).toEqual([]);
    expect((await rows(c, 'SELECT name FROM pgmigrations ORDER BY id')).map((r) => r.name)).toEqual(names);
    expect(await schema(c)).toEqual(before);
  });
});
