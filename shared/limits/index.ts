/** Abuse limits (SPEC §13): token buckets every instance shares, decided in Postgres in one statement. */
export { LIMITS, type LimitName } from './catalogue';
export { enforceLimit, type LimitDeps } from './enforce';
export { ipKey, UNKNOWN_IP } from './keys';
export { takeTokens, type Bucket } from './repo/rate-limits';
