import { enqueue, outbox } from '../outbox/outbox';
import type { ConfigDeps } from './deps';
import { loadConfig } from './reader';
import { configVersion } from './repo';
import { PUBLIC_CONFIG_DOC, publicConfigDoc } from './views';

/** Writes config/public from Postgres (seed / start-up): Firestore is a mirror that can always be rebuilt. */
export async function mirrorPublicConfig(deps: Pick<ConfigDeps, 'db' | 'env' | 'clock'>): Promise<void> {
  const version = await configVersion(deps.db);
  const cfg = await loadConfig(deps.db);
  await enqueue(
    deps.db,
    outbox.setDoc(PUBLIC_CONFIG_DOC, publicConfigDoc(cfg, deps.env, version, deps.clock.now()), false),
  );
}
