import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionOptions } from '@google-cloud/cloud-sql-connector';
import { connectorOptions, type SqlConnector } from '../../shared/adapters/gcp/cloud-sql';
import { openDatabase } from '../../shared/adapters/database';
import { migrate } from '../../shared/db/migrate';
import { parseDatabaseEnv, parseEnv } from '../../shared/env';
import { createLogger } from '../../shared/logger';
import { createRuntime } from '../../shared/runtime';
import { createTestDatabase } from '../helpers/db';
import { testEnv } from '../helpers/runtime';

// Google cannot be reached from here. The connector is replaced where the runtime and the migrate job
// take it, by one that records the options it is asked for and, like the real one (its getSocket returns
// a connected socket whose connect() does nothing), hands pg a socket already open, here to the tests'
// Postgres. The database users are named as Cloud SQL names IAM service-account users and made members
// of what Cloud SQL makes them members of.
const INSTANCE = 'halo-prod:asia-southeast2:halobestie';
const RUNTIME_USER = 'fn-pairing@halo-prod.iam';
const MIGRATOR = 'migrate-job@halo-prod.iam';

let databaseUrl: string;
let database: string;
const admin = () => new pg.Client({ connectionString: databaseUrl });

function fakeConnector() {
  const calls: ConnectionOptions[] = [];
  let made = 0;
  let closed = 0;
  const server = new URL(databaseUrl);
  const socketDir = server.searchParams.get('host');
  const connector: SqlConnector = {
    async getOptions(options) {
      calls.push(options);
      return {
        stream: () => {
          const socket = socketDir
            ? net.connect(path.join(socketDir, `.s.PGSQL.${server.port}`))
            : net.connect(Number(server.port), server.hostname);
          return Object.assign(socket, { connect: () => socket });
        },
      };
    },
    close: () => void closed++,
  };
  return {
    calls,
    made: () => made,
    closed: () => closed,
    factory: async () => (made++, connector),
  };
}

beforeAll(async () => {
  databaseUrl = await createTestDatabase();
  database = new URL(databaseUrl).pathname.slice(1);
  const c = admin();
  await c.connect();
  try {
    // Roles belong to the server; other files may have made them already.
    for (const [user, member] of [
      [RUNTIME_USER, 'cloudsqliamserviceaccount'],
      [MIGRATOR, 'postgres'], // Cloud SQL: cloudsqlsuperuser, assigned once at the first deploy
    ])
      await c.query(
        `DO $$ BEGIN CREATE ROLE "${user}" LOGIN IN ROLE ${member}; EXCEPTION WHEN duplicate_object THEN NULL; END $$`,
      );
  } finally {
    await c.end();
  }
});

describe('Cloud SQL through the connector (RUNTIME=gcp)', () => {
  const gcp = {
    RUNTIME: 'gcp',
    NODE_ENV: 'production',
    CLOUD_SQL_INSTANCE: INSTANCE,
    DATABASE_IAM_USER: RUNTIME_USER,
  };

  it('asks the connector for the private IP and IAM authentication, as the IAM user, on the first query only', async () => {
    const fake = fakeConnector();
    const db = openDatabase(parseDatabaseEnv({ ...gcp, DATABASE_NAME: database }), { connector: fake.factory });
    try {
      expect(fake.made()).toBe(0); // a function starts (and the image warms it up) without reaching Cloud SQL
      expect(db.options).toMatchObject({ user: RUNTIME_USER, database });
      expect(db.options.password).toBeUndefined();
      const { rows } = await db.query<{ user: string; db: string }>(
        'SELECT current_user AS user, current_database() AS db',
      );
      expect(rows[0]).toEqual({ user: RUNTIME_USER, db: database });
      await Promise.all([db.query('SELECT 1'), db.query('SELECT 2'), db.query('SELECT 3')]);
      expect(fake.made()).toBe(1);
      expect(fake.calls).toEqual([{ instanceConnectionName: INSTANCE, ipType: 'PRIVATE', authType: 'IAM' }]);
      expect(connectorOptions({ instanceConnectionName: INSTANCE, user: RUNTIME_USER, database })).toEqual(
        fake.calls[0],
      );
    } finally {
      await db.end();
    }
    expect(fake.closed()).toBe(1);
  });

  it('the runtime of every function and of the mirror-rebuild job takes it (no DATABASE_URL)', async () => {
    const fake = fakeConnector();
    const env = parseEnv(
      withoutSigningKey({
        ...gcp,
        NODE_ENV: 'development',
        DATABASE_NAME: database,
        FUNCTION_URLS: '{}',
        TASKS_INVOKER_SERVICE_ACCOUNT: 'tasks-invoker@halo-prod.iam.gserviceaccount.com',
        OIDC_ALLOWED_SERVICE_ACCOUNTS: 'tasks-invoker@halo-prod.iam.gserviceaccount.com',
        ENABLE_TEST_ROUTES: 'false',
      }),
      [],
    );
    expect(env.DATABASE_URL).toBeUndefined();
    const rt = await createRuntime(env, { logger: createLogger('silent'), cloudSqlConnector: fake.factory });
    try {
      const { rows } = await rt.db.query<{ user: string }>('SELECT current_user AS user');
      expect(rows[0]!.user).toBe(RUNTIME_USER);
      expect(fake.calls).toEqual([{ instanceConnectionName: INSTANCE, ipType: 'PRIVATE', authType: 'IAM' }]);
    } finally {
      await rt.close();
    }
  });

  it('the migrate job migrates through it as the migrator', async () => {
    const fake = fakeConnector();
    const db = openDatabase(parseDatabaseEnv({ ...gcp, DATABASE_IAM_USER: MIGRATOR, DATABASE_NAME: database }), {
      connector: fake.factory,
      max: 1,
    });
    try {
      expect(await migrate(db)).toEqual([]);
      expect(fake.calls).toEqual([{ instanceConnectionName: INSTANCE, ipType: 'PRIVATE', authType: 'IAM' }]);
      expect(db.options.user).toBe(MIGRATOR);
    } finally {
      await db.end();
    }
  });
});

describe('the runtime role (migration 0016)', () => {
  let runtime: pg.Client;
  beforeAll(async () => {
    const url = new URL(databaseUrl);
    url.username = encodeURIComponent(RUNTIME_USER);
    runtime = new pg.Client({ connectionString: url.toString() });
    await runtime.connect();
  });
  afterAll(() => runtime.end());

  const refused = (sql: string) => expect(runtime.query(sql)).rejects.toMatchObject({ code: '42501' });

  it('reads and writes rows of every table, and uses sequences', async () => {
    await runtime.query('BEGIN');
    try {
      const { rows: made } = await runtime.query<{ id: number }>(
        `INSERT INTO outbox (kind, payload) VALUES ('task', '{}') RETURNING id`,
      );
      await runtime.query(`UPDATE outbox SET attempts = 1 WHERE id = $1`, [made[0]!.id]);
      await runtime.query(`DELETE FROM outbox WHERE id = $1`, [made[0]!.id]);
      const { rows } = await runtime.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM information_schema.table_privileges
          WHERE grantee = 'cloudsqliamserviceaccount' AND privilege_type = 'DELETE'`,
      );
      expect(rows[0]!.n).toBeGreaterThan(20);
    } finally {
      await runtime.query('ROLLBACK');
    }
  });

  it('changes no schema and no migration history', async () => {
    await refused('CREATE TABLE intruder (id int)');
    await refused('TRUNCATE outbox');
    await refused('DELETE FROM pgmigrations');
    await refused('SELECT * FROM pgmigrations');
    await expect(runtime.query('DROP TABLE outbox')).rejects.toMatchObject({ code: '42501' });
    await expect(runtime.query('ALTER TABLE outbox ADD COLUMN x int')).rejects.toMatchObject({ code: '42501' });
  });
});

/** A job's env: it verifies no token and signs none, so it holds no private key. */
function withoutSigningKey(overrides: Record<string, string>): Record<string, string> {
  const { AUTH_SIGNING_KEY: _key, ...rest } = testEnv(overrides);
  return rest;
}
