/** Run-time config (SPEC §5): the sections operators change, cached per instance, mirrored to config/public. */
export { configAudit } from './audit';
export { configDeps, type ConfigDeps } from './deps';
export { PUBLISHED_DOCUMENTS } from './documents';
export { internalConfigView } from './internal-view';
export { publicConfigEntry } from './mirror-public';
export { patchConfigSection, sectionBodyError } from './patch-section';
export { publicConfigView } from './public-view';
export { storeMissingConfigValues } from './repo/app-config';
export { configReader, ConfigReader, loadConfig } from './reader';
export { CONFIG_KEYS, defaultConfig, pricingTierSchema, type AppConfig, type ConfigKey } from './schema';
export { CONFIG_SECTIONS, SECTION_NAMES, sectionSchema, type ConfigSection } from './sections';
export { PUBLIC_CONFIG_DOC } from './views';
