import { migrate } from '../shared/db/migrate';
import { parseEnv } from '../shared/env';

// `npm run db:migrate`: applies pending migrations to DATABASE_URL (Cloud SQL in GCP, via the proxy).
const env = parseEnv({ RUNTIME: 'gcp', FUNCTION_URLS: '{}', TASKS_INVOKER_SERVICE_ACCOUNT: '-', OIDC_ALLOWED_SERVICE_ACCOUNTS: '-', ...process.env });
const applied = await migrate(env.DATABASE_URL, (m) => console.log(m));
console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
