import { hashPassword } from '../shared/auth';
import { CONFIG_KEYS, publicConfigEntry, storeMissingConfigValues, type ConfigKey } from '../shared/config';
import { commitWithEffects } from '../shared/outbox';
import type { Runtime } from '../shared/runtime';
import { findCcUserByEmail, insertCcUser } from '../shared/users';

/**
 * Idempotent seed: every app_config key at its default (existing values kept) and the super admin
 * from ADMIN_EMAIL / ADMIN_PASSWORD (no complexity check: the bootstrap account, seed 003).
 */
export async function seed(rt: Runtime): Promise<{ adminCreated: boolean }> {
  const now = rt.clock.now();
  const defaults = Object.entries(CONFIG_KEYS).map(([key, def]): [ConfigKey, unknown] => [
    key as ConfigKey,
    def.default,
  ]);
  await storeMissingConfigValues(rt.db, defaults, now);
  let adminCreated = false;
  if (rt.env.ADMIN_EMAIL && rt.env.ADMIN_PASSWORD) {
    if (!(await findCcUserByEmail(rt.db, rt.env.ADMIN_EMAIL))) {
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
