import type { ConfigDeps } from './deps';
import { loadConfig } from './reader';
import { configVersion } from './repo/app-config-version';
import { defaultConfig, type ConfigKey } from './schema';
import { CONFIG_SECTIONS, envBounds, envDerived, type ConfigSection } from './sections';

/** The control center's view: each key's stored value and default, beside the env-derived values and bounds. */
export async function internalConfigView(deps: Pick<ConfigDeps, 'db' | 'env'>) {
  return {
    version: await configVersion(deps.db),
    values: await loadConfig(deps.db),
    defaults: defaultConfig(),
    env: envDerived(deps.env),
    bounds: envBounds(deps.env),
    sections: Object.fromEntries(Object.entries(CONFIG_SECTIONS).map(([s, keys]) => [s, [...keys]])) as Record<
      ConfigSection,
      ConfigKey[]
    >,
  };
}
