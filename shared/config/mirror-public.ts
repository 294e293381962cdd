import type { Queryable } from '../db/pool';
import type { Env } from '../env';
import { effect, type OutboxEntry } from '../outbox';
import { loadConfig } from './reader';
import { configVersion } from './repo/app-config-version';
import { PUBLIC_CONFIG_DOC, publicConfigDoc } from './views';

/** config/public from Postgres (seed, start-up, a rebuild): Firestore is a mirror that can always be rebuilt. */
export async function publicConfigEntry(q: Queryable, env: Env, now: Date): Promise<OutboxEntry> {
  const version = await configVersion(q);
  const cfg = await loadConfig(q);
  return { item: effect.setDoc(PUBLIC_CONFIG_DOC, publicConfigDoc(cfg, env, version, now), false) };
}
