import type { Env } from './index';

// The database's part of the environment (shared/env/index.ts reads it with the rest; the migrate job reads it alone).
export const DATABASE_KEYS = [
  'NODE_ENV',
  'RUNTIME',
  'DATABASE_URL',
  'DATABASE_POOL_MAX',
  'CLOUD_SQL_INSTANCE',
  'DATABASE_IAM_USER',
  'DATABASE_NAME',
] as const;
/** What choosing and opening the database needs; the migrate job reads only this. */
export type DatabaseEnv = Pick<Env, (typeof DATABASE_KEYS)[number]>;

/**
 * RUNTIME=gcp reaches Cloud SQL through the connector with IAM database authentication (no password
 * anywhere); outside production a DATABASE_URL may stand in for it, so benches and tests run the gcp
 * adapters against a local Postgres. RUNTIME=local reads DATABASE_URL.
 */
export const usesCloudSqlConnector = (env: DatabaseEnv): boolean =>
  env.RUNTIME === 'gcp' && !(env.DATABASE_URL && env.NODE_ENV !== 'production');

export function databaseChecks(env: DatabaseEnv, add: (key: keyof Env, message: string) => void): void {
  if (env.RUNTIME === 'local') {
    if (!env.DATABASE_URL) add('DATABASE_URL', 'required when RUNTIME=local');
    return;
  }
  if (env.DATABASE_URL && env.NODE_ENV === 'production') {
    add('DATABASE_URL', 'not read in production with RUNTIME=gcp: the Cloud SQL connector connects (unset it)');
  }
  if (!usesCloudSqlConnector(env)) return;
  for (const key of ['CLOUD_SQL_INSTANCE', 'DATABASE_IAM_USER'] as const) {
    if (!env[key]) add(key, 'required when RUNTIME=gcp');
  }
  if (env.DATABASE_IAM_USER?.endsWith('.gserviceaccount.com')) {
    add('DATABASE_IAM_USER', 'the service account email without .gserviceaccount.com (its Cloud SQL user name)');
  }
}
