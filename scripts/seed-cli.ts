import { parseEnv } from '../shared/env';
import { createLocalRuntime } from './local/runtime';
import { seed } from './seed';

// `npm run db:seed`: idempotent seed against DATABASE_URL.
if (!process.env.DATABASE_URL) {
  console.error('DATABASE_URL is required (the local stack prints it on start).');
  process.exit(1);
}
// The seed touches only Postgres and serves nothing, so it needs no keys.
const env = parseEnv({ FIRESTORE_EMULATOR_HOST: '127.0.0.1:0', ...process.env, RUNTIME: 'local' }, []);
const rt = await createLocalRuntime(env);
const { adminCreated } = await seed(rt);
await rt.db.end();
console.log(`seed complete${adminCreated ? `: super admin ${env.ADMIN_EMAIL} created` : ''}`);
