import type { Queryable } from '../db/pool';
import type { Logger } from '../logger';
import { configVersion } from './repo/app-config-version';
import { storedConfigValues } from './repo/app-config';
import { CONFIG_KEYS, defaultConfig, type AppConfig, type ConfigKey } from './schema';

/**
 * The config every function reads: cached per instance, re-validated against the version row at
 * most every `recheckMs`, so an operator's change is in force everywhere within seconds.
 */
export class ConfigReader {
  private cached?: { version: number; config: AppConfig; checkedAt: number };
  private inflight?: Promise<AppConfig>;

  constructor(
    private readonly db: Queryable,
    private readonly logger: Logger,
    private readonly recheckMs = 2000,
  ) {}

  /**
   * Once loaded, never waits on the database: a stale value is served while one background re-check
   * runs (a change still reaches every instance within seconds). Callers read config inside their
   * transactions; if that read needed a pool connection, a full pool of such transactions would
   * deadlock waiting for one.
   */
  get(): Promise<AppConfig> {
    if (this.cached && Date.now() - this.cached.checkedAt < this.recheckMs) return Promise.resolve(this.cached.config);
    this.inflight ??= this.refresh().finally(() => (this.inflight = undefined));
    if (!this.cached) return this.inflight;
    this.inflight.catch((err: Error) => this.logger.error('config re-check failed', { error: err.message }));
    return Promise.resolve(this.cached.config);
  }

  invalidate(): void {
    this.cached = undefined;
  }

  private async refresh(): Promise<AppConfig> {
    const version = await configVersion(this.db);
    if (this.cached && this.cached.version === version) {
      this.cached.checkedAt = Date.now();
      return this.cached.config;
    }
    const config = await loadConfig(this.db, this.logger);
    this.cached = { version, config, checkedAt: Date.now() };
    return config;
  }
}

/** Stored values over defaults; a stored value that no longer validates falls back to the default. */
export async function loadConfig(db: Queryable, logger?: Logger): Promise<AppConfig> {
  const config = defaultConfig() as Record<ConfigKey, unknown>;
  for (const row of await storedConfigValues(db)) {
    const def = CONFIG_KEYS[row.key as ConfigKey];
    if (!def) continue;
    const parsed = def.schema.safeParse(row.value);
    if (parsed.success) config[row.key as ConfigKey] = parsed.data;
    else logger?.error('invalid stored config value ignored', { key: row.key });
  }
  return config as AppConfig;
}

const readers = new WeakMap<object, ConfigReader>();

/** One reader per process (keyed by its runtime), shared by every function mounted in it. */
export function configReader(rt: { db: Queryable; logger: Logger }): ConfigReader {
  let reader = readers.get(rt);
  if (!reader) readers.set(rt, (reader = new ConfigReader(rt.db, rt.logger)));
  return reader;
}
