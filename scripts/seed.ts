import { hashPassword } from '../shared/auth';
import { CONFIG_KEYS } from '../shared/config';
import type { Runtime } from '../shared/runtime';
import { publicConfigEntry } from '../shared/config';
import { commitWithEffects } from '../shared/outbox';
import { insertCcUser } from '../shared/users';

/**
 * Idempotent seed: every app_config key at its default (existing values kept) and the super admin
 * from ADMIN_EMAIL / ADMIN_PASSWORD (no complexity check: the bootstrap account, seed 003).
 */
export async function seed(rt: Runtime): Promise<{ adminCreated: boolean }> {
  const now = rt.clock.now();
  for (const [key, def] of Object.entries(CONFIG_KEYS)) {
    await rt.db.query(
      'INSERT INTO app_config (key, value, updated_at) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING',
      [key, JSON.stringify(def.default), now],
    );
  }
  let adminCreated = false;
  if (rt.env.ADMIN_EMAIL && rt.env.ADMIN_PASSWORD) {
    const { rowCount } = await rt.db.query('SELECT 1 FROM control_center_users WHERE lower(email) = lower($1)', [
      rt.env.ADMIN_EMAIL,
    ]);
    if (!rowCount) {
      const user = await insertCcUser(
        rt.db,
        {
          email: rt.env.ADMIN_EMAIL,
          display_name: 'Super Admin',
          password_hash: await hashPassword(rt.env.ADMIN_PASSWORD),
          role_id: 'super_admin',
        },
        now,
      );
      adminCreated = !!user;
    }
  }
  // Firestore is a mirror: write config/public from Postgres on every seed / start.
  const config = await publicConfigEntry(rt.db, rt.env, rt.clock.now());
  await commitWithEffects(rt, (t) => t.enqueue([config]));
  return { adminCreated };
}
