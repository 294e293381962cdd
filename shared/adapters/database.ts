import { cloudSqlPool, type SqlConnector } from './gcp/cloud-sql';
import { createPool, type Db } from '../db/pool';
import { usesCloudSqlConnector, type DatabaseEnv } from '../env';

/**
 * How every process reaches Postgres, chosen once from env (the runtime and the migrate job alike):
 * RUNTIME=gcp through the Cloud SQL connector as the process's IAM database user, locally by
 * DATABASE_URL (the local stack's Unix socket). Outside production a DATABASE_URL also stands in for the
 * connector under RUNTIME=gcp (benches and tests); production refuses that env (shared/env/index.ts).
 */
export function openDatabase(
  env: DatabaseEnv,
  options: { max?: number; connector?: () => Promise<SqlConnector> } = {},
): Db {
  const max = options.max ?? env.DATABASE_POOL_MAX;
  if (usesCloudSqlConnector(env)) {
    return cloudSqlPool(
      { instanceConnectionName: env.CLOUD_SQL_INSTANCE!, user: env.DATABASE_IAM_USER!, database: env.DATABASE_NAME },
      max,
      options.connector,
    );
  }
  return createPool(env.DATABASE_URL!, max);
}
