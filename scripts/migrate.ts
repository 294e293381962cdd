import { migrate } from '../shared/db/migrate';

// `npm run db:migrate`: applies pending migrations to DATABASE_URL (Cloud SQL in GCP, via the proxy).
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is required');
  process.exit(1);
}
const applied = await migrate(url, (m) => console.log(m));
console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
