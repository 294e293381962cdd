import { describePublicKeys, describeSigningKey } from '../security/keys';
import { databaseChecks } from './database';
import type { Env } from './index';
import { PATH_TABLE, type FunctionName } from '../path-table';

export function allowedServiceAccounts(env: Env): string[] {
  return (env.OIDC_ALLOWED_SERVICE_ACCOUNTS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** What the code treats as production: Terraform sets both; either one turns the guards below on. */
const isProduction = (env: Env) => env.NODE_ENV === 'production' || env.RUNTIME === 'gcp';

/** Outside production an unset PII_HASH_KEY is this: hashes made locally are not meant to be kept. */
const LOCAL_PII_HASH_KEY = 'local-only pii hash key: never used in production';
const PII_HASH_KEY_MIN_BYTES = 32;
/** Functions that keep hashes of phone numbers or device ids (the free-trial ledger, SPEC §13). */
const PII_HASHERS: readonly FunctionName[] = ['pairing'];

/** The key of the kept phone and device hashes (production refuses to start without a strong one). */
export const piiHashKey = (env: Env): string => env.PII_HASH_KEY ?? LOCAL_PII_HASH_KEY;

/** SPEC §13: App Check is required in production unless turned off explicitly, and optional elsewhere. */
export const appCheckEnforced = (env: Env): boolean => env.APP_CHECK_ENFORCED ?? isProduction(env);

/** Whether a function owns any path under `prefix` in the load balancer's table. */
const serves = (fn: FunctionName, prefix: '/internal/' | '/tasks/' | '/events/') =>
  PATH_TABLE.some((row) => row.fn === fn && row.prefix.startsWith(prefix));

type Add = (key: keyof Env, message: string) => void;

function jsonChecks(env: Env, add: Add): void {
  if (env.FUNCTION_URLS) {
    try {
      const parsed: unknown = JSON.parse(env.FUNCTION_URLS);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    } catch {
      add('FUNCTION_URLS', 'must be a JSON object of function name to URL');
    }
  }
}

function keyChecks(env: Env, add: Add): void {
  for (const key of ['AUTH_SIGNING_KEY', 'AUTH_SIGNING_KEY_PREVIOUS'] as const) {
    const pem = env[key];
    if (!pem) continue;
    const described = describeSigningKey(pem);
    if ('problem' in described) add(key, described.problem);
  }
  if (env.AUTH_SIGNING_KEY_PREVIOUS && !env.AUTH_SIGNING_KEY_PREVIOUS_ID) {
    add('AUTH_SIGNING_KEY_PREVIOUS_ID', 'required with AUTH_SIGNING_KEY_PREVIOUS');
  }
  if (env.AUTH_PUBLIC_KEYS) {
    const described = describePublicKeys(env.AUTH_PUBLIC_KEYS);
    if ('problem' in described) add('AUTH_PUBLIC_KEYS', described.problem);
  }
}

/**
 * What each function needs before it may serve. Only auth signs, so only auth holds the private key;
 * the others verify with the published keys. In production the guards fail closed: /internal/* only
 * behind IAP, /tasks/* and /events/* only for tokens minted for this function by an allowed caller.
 */
function functionRequirements(
  env: Env,
  source: Record<string, string | undefined>,
  serving: readonly FunctionName[],
  add: Add,
) {
  const production = isProduction(env);
  const signs = serving.includes('auth');
  const verifiers = serving.filter((fn) => fn !== 'auth');
  if (signs && !env.AUTH_SIGNING_KEY)
    add('AUTH_SIGNING_KEY', 'required by auth: the PEM key it signs access tokens with');
  if (signs && production && env.OTP_PROVIDER === 'stub') {
    add('OTP_PROVIDER', 'the stub provider logs codes and must not run in production');
  }
  if (verifiers.length && !env.AUTH_SIGNING_KEY && !env.AUTH_PUBLIC_KEYS) {
    add('AUTH_PUBLIC_KEYS', `required by ${verifiers.join(', ')}: the JWK set that verifies access tokens`);
  }
  if (env.PII_HASH_KEY && Buffer.byteLength(env.PII_HASH_KEY) < PII_HASH_KEY_MIN_BYTES) {
    add('PII_HASH_KEY', `must be at least ${PII_HASH_KEY_MIN_BYTES} bytes`);
  }
  if (!production) return;
  const hashers = serving.filter((fn) => PII_HASHERS.includes(fn));
  if (hashers.length && !env.PII_HASH_KEY) {
    add('PII_HASH_KEY', `required in production by ${hashers.join(', ')}: the key of the kept phone and device hashes`);
  }
  if (!signs && env.AUTH_SIGNING_KEY) {
    add('AUTH_SIGNING_KEY', 'only the auth function holds the signing key; the others get AUTH_PUBLIC_KEYS');
  }
  const internal = serving.filter((fn) => serves(fn, '/internal/'));
  if (internal.length && !env.IAP_AUDIENCE) {
    add('IAP_AUDIENCE', `required in production: ${internal.join(', ')} serves /internal/* behind IAP`);
  }
  const pushed = serving.filter((fn) => serves(fn, '/tasks/') || serves(fn, '/events/'));
  if (pushed.length && !source.OIDC_AUDIENCE?.trim()) {
    add('OIDC_AUDIENCE', `required in production: ${pushed.join(', ')} serves /tasks or /events (its own URL)`);
  }
  if (pushed.length && allowedServiceAccounts(env).length === 0) {
    add('OIDC_ALLOWED_SERVICE_ACCOUNTS', `required in production: ${pushed.join(', ')} serves /tasks or /events`);
  }
}

/** The rules across variables, then the served functions' requirements; each problem names its variable. */
export function startupProblems(
  env: Env,
  source: Record<string, string | undefined>,
  serving: readonly FunctionName[],
): string[] {
  const problems: string[] = [];
  const add: Add = (key, message) => problems.push(`${key}: ${message}`);
  if (env.NODE_ENV === 'production' && env.ENABLE_TEST_ROUTES)
    add('ENABLE_TEST_ROUTES', 'must not be true in production');
  jsonChecks(env, add);
  keyChecks(env, add);
  databaseChecks(env, add);
  if (env.OTP_PROVIDER === 'fazpass') {
    for (const key of ['FAZPASS_MERCHANT_KEY', 'FAZPASS_GATEWAY_KEY'] as const) {
      if (!env[key]) add(key, 'required when OTP_PROVIDER=fazpass');
    }
  }
  if (env.RUNTIME === 'local' && !env.FIRESTORE_EMULATOR_HOST) {
    add('FIRESTORE_EMULATOR_HOST', 'required when RUNTIME=local (the local stack starts the emulator)');
  }
  if (env.RUNTIME === 'gcp') {
    for (const key of ['FUNCTION_URLS', 'TASKS_INVOKER_SERVICE_ACCOUNT'] as const) {
      if (!env[key]) add(key, 'required when RUNTIME=gcp');
    }
  }
  functionRequirements(env, source, serving, add);
  return problems;
}
