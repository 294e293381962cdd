import { migrate } from '../shared/db/migrate';
import { openDatabase } from '../shared/adapters/database';
import { EnvError, parseDatabaseEnv } from '../shared/env';

// `npm run db:migrate`: applies pending migrations. Locally to DATABASE_URL; as the Cloud Run job
// (RUNTIME=gcp) through the Cloud SQL connector as the migrator's IAM database user, which owns the schema.
let env;
try {
  env = parseDatabaseEnv(process.env);
} catch (err) {
  if (!(err instanceof EnvError)) throw err;
  console.error(err.message);
  process.exit(1);
}
const db = openDatabase(env, { max: 1 });
try {
  const applied = await migrate(db, (m) => console.log(m));
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
} finally {
  await db.end();
}
