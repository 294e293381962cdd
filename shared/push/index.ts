/** Every push the backend sends (SPEC §12): one catalogue, built and validated by `buildPush`. */
export { buildPush } from './build';
export { PUSH_TYPES, type PushParams, type PushType } from './catalogue';
