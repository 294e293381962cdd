/** Every push the backend sends (SPEC §12): one catalogue, built and validated by `buildPush`, published per type. */
export { buildPush } from './build';
export { PUSH_TYPES, type PushAudience, type PushParams, type PushType } from './catalogue';
export { publishedPush, publishedPushes, type PublishedPush } from './published';
