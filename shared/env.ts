import { describeSigningKey } from './auth';
import { DATABASE_KEYS, databaseChecks, type DatabaseEnv } from './env-database';

export { usesCloudSqlConnector, type DatabaseEnv } from './env-database';

// Read by hand rather than by a zod schema: the schema cost a function ~5 ms of every cold start to
// build and run, once (docs/decisions.md 37). test/unit/env.test.ts holds these rules to that schema.
class Invalid extends Error {}
const invalid = (message: string): never => {
  throw new Invalid(message);
};
type Raw = string | undefined;

const oneOf =
  <const V extends readonly string[]>(values: V, def: V[number]) =>
  (raw: Raw): V[number] =>
    raw === undefined
      ? def
      : values.includes(raw)
        ? raw
        : invalid(`Invalid option: expected one of ${values.map((v) => `"${v}"`).join('|')}`);
const booleanWord = oneOf(['true', 'false', '1', '0'], 'false');
const bool =
  (def: boolean) =>
  (raw: Raw): boolean =>
    raw === undefined ? def : ['true', '1'].includes(booleanWord(raw));
/** As a number coerced from a string is: '' is 0; only finite integers at or above the minimum. */
const int =
  (def: number, min = 0) =>
  (raw: Raw): number => {
    if (raw === undefined) return def;
    const n = Number(raw);
    if (!Number.isFinite(n)) return invalid('Invalid input: expected number');
    if (!Number.isSafeInteger(n)) return invalid('Invalid input: expected int');
    return n < min ? invalid(`Too small: expected number to be >=${min}`) : n;
  };
const required = (raw: Raw): string => raw ?? invalid('Invalid input: expected string, received undefined');
const text =
  (def?: string, message = 'Too small: expected string to have >=1 characters') =>
  (raw: Raw): string => {
    if (raw === undefined && def !== undefined) return def;
    const value = required(raw);
    return value.length >= 1 ? value : invalid(message);
  };
const anyText =
  (def: string) =>
  (raw: Raw): string =>
    raw ?? def;
/** As zod read a URL: trimmed, then anything WHATWG's parser takes, tabs and line breaks dropped. */
const url =
  (def?: string) =>
  (raw: Raw): string => {
    if (raw === undefined && def !== undefined) return def;
    const trimmed = required(raw).trim();
    return URL.canParse(trimmed) ? trimmed.replace(/[\t\n\r]/g, '') : invalid('Invalid URL');
  };
const optional = (raw: Raw): string | undefined => (raw === undefined || raw.trim() === '' ? undefined : raw);
const optionalUrl = (raw: Raw): string | undefined => (raw === undefined ? undefined : url()(raw));
const matching =
  (pattern: RegExp, message: string) =>
  (raw: Raw): string | undefined => {
    const value = optional(raw);
    return value === undefined || pattern.test(value) ? value : invalid(message);
  };
const IAP_AUDIENCE = /^\/projects\/\d+\/global\/backendServices\/\d+$/;
/** `<project>:<region>:<instance>`, the project optionally domain-scoped (`example.com:project`). */
const CLOUD_SQL_INSTANCE = /^(?:[a-z0-9.-]+:)?[a-z][a-z0-9-]*:[a-z]+-[a-z]+\d:[a-z][a-z0-9-]*$/;
const SERVICE_ACCOUNT = /^[a-z0-9][a-z0-9._-]*@[a-z0-9][a-z0-9.-]*\.[a-z]+$/i;

const spec = {
  NODE_ENV: oneOf(['development', 'test', 'production'], 'development'),
  RUNTIME: oneOf(['local', 'gcp'], 'local'),
  PORT: int(8080, 1),
  LOG_LEVEL: oneOf(['debug', 'info', 'warn', 'error', 'silent'], 'info'),
  /** auto: readable lines when stdout is a terminal, Cloud Logging's JSON otherwise. */
  LOG_FORMAT: oneOf(['auto', 'json', 'pretty'], 'auto'),
  /** Set by Cloud Run: the service and revision Error Reporting groups errors by. */
  K_SERVICE: optional,
  K_REVISION: optional,
  /** RUNTIME=local: the Postgres to use (the local stack's Unix socket). Refused in production with RUNTIME=gcp. */
  DATABASE_URL: optionalUrl,
  DATABASE_POOL_MAX: int(10, 1),
  /** RUNTIME=gcp: the Cloud SQL instance the connector reaches over its private IP. */
  CLOUD_SQL_INSTANCE: matching(CLOUD_SQL_INSTANCE, 'must be <project>:<region>:<instance>'),
  /** RUNTIME=gcp: the IAM database user, the service account's email without `.gserviceaccount.com`. */
  DATABASE_IAM_USER: optional,
  DATABASE_NAME: text('halobestie'),
  ENABLE_TEST_ROUTES: bool(false),
  PUBLIC_BASE_URL: url('http://127.0.0.1:8080'),

  GCP_PROJECT_ID: anyText('demo-halobestie'),
  GCP_REGION: anyText('asia-southeast2'),
  TASKS_QUEUE: anyText('halobestie-timers'),
  /** JSON map of function name → Cloud Run URL (set by Terraform); task targets and OIDC audiences. */
  FUNCTION_URLS: optional,
  TASKS_INVOKER_SERVICE_ACCOUNT: optional,
  PUBSUB_PAIRING_TOPIC: anyText('pairing-blast'),
  /** The audience this function expects on Cloud Tasks / Pub/Sub OIDC tokens (its own URL in GCP). */
  OIDC_AUDIENCE: anyText('halobestie-local'),
  OIDC_ALLOWED_SERVICE_ACCOUNTS: optional,

  FIRESTORE_EMULATOR_HOST: optional,
  FIREBASE_PROJECT_ID: optional,

  MITRA_HEARTBEAT_CADENCE_SECONDS: int(30, 1),

  /** PEM (PKCS#8) EC P-256 or RSA ≥ 2048 private key that signs access tokens. */
  AUTH_SIGNING_KEY: text(undefined, 'required: the access-token signing key (PEM)'),
  AUTH_SIGNING_KEY_ID: text('k1'),
  /** The previous key, still accepted for verification so rotation logs nobody out. */
  AUTH_SIGNING_KEY_PREVIOUS: optional,
  AUTH_SIGNING_KEY_PREVIOUS_ID: optional,
  AUTH_ISSUER: text('https://api.halobestie.id'),
  ACCESS_TOKEN_TTL_SECONDS: int(3600, 60),
  REFRESH_TOKEN_TTL_DAYS: int(30, 1),
  REVOCATION_MAX_LAG_SECONDS: int(30, 1),
  REFRESH_REUSE_GRACE_SECONDS: int(10, 0),
  /** stub: logs codes (refused in production by the auth function); fazpass: sends through Fazpass. */
  OTP_PROVIDER: oneOf(['stub', 'fazpass'], 'stub'),
  FAZPASS_BASE_URL: url('https://api.fazpass.com'),
  FAZPASS_MERCHANT_KEY: optional,
  FAZPASS_GATEWAY_KEY: optional,
  FAZPASS_TIMEOUT_MS: int(5000, 100),
  GOOGLE_OAUTH_CLIENT_IDS: optional,
  GOOGLE_JWKS_URL: url('https://www.googleapis.com/oauth2/v3/certs'),
  APPLE_SERVICES_ID: optional,
  APPLE_JWKS_URL: url('https://appleid.apple.com/auth/keys'),
  /** RUNTIME=gcp: the service account (the auth function's own) whose Google-held key signs Firebase custom tokens. */
  FIREBASE_SIGNER_SERVICE_ACCOUNT: (raw: Raw): string | undefined => {
    const value = optional(raw);
    return value === undefined || SERVICE_ACCOUNT.test(value) ? value : invalid('must be a service-account email');
  },
  /** `/projects/<number>/global/backendServices/<id>` of the IAP backend in front of this function. */
  IAP_AUDIENCE: matching(IAP_AUDIENCE, 'must be /projects/<number>/global/backendServices/<id>'),
  IAP_JWKS_URL: url('https://www.gstatic.com/iap/verify/public_key-jwk'),
  XENDIT_API_BASE_URL: url('https://api.xendit.co'),
  XENDIT_SECRET_KEY: optional,
  /** Compared in constant time with the x-callback-token of every webhook. */
  XENDIT_CALLBACK_TOKEN: optional,
  ADMIN_EMAIL: optional,
  ADMIN_PASSWORD: optional,
};

export type Env = Readonly<{ [K in keyof typeof spec]: ReturnType<(typeof spec)[K]> }>;

function crossChecks(env: Env): string[] {
  const problems: string[] = [];
  const add = (key: keyof Env, message: string) => problems.push(`${key}: ${message}`);
  databaseChecks(env, add);
  if (env.NODE_ENV === 'production' && env.ENABLE_TEST_ROUTES)
    add('ENABLE_TEST_ROUTES', 'must not be true in production');
  for (const key of ['AUTH_SIGNING_KEY', 'AUTH_SIGNING_KEY_PREVIOUS'] as const) {
    const pem = env[key];
    if (!pem) continue;
    const described = describeSigningKey(pem);
    if ('problem' in described) add(key, described.problem);
  }
  if (env.AUTH_SIGNING_KEY_PREVIOUS && !env.AUTH_SIGNING_KEY_PREVIOUS_ID) {
    add('AUTH_SIGNING_KEY_PREVIOUS_ID', 'required with AUTH_SIGNING_KEY_PREVIOUS');
  }
  if (env.OTP_PROVIDER === 'fazpass') {
    for (const key of ['FAZPASS_MERCHANT_KEY', 'FAZPASS_GATEWAY_KEY'] as const) {
      if (!env[key]) add(key, 'required when OTP_PROVIDER=fazpass');
    }
  }
  if (env.FUNCTION_URLS) {
    try {
      const parsed: unknown = JSON.parse(env.FUNCTION_URLS);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    } catch {
      add('FUNCTION_URLS', 'must be a JSON object of function name to URL');
    }
  }
  if (env.RUNTIME === 'local' && !env.FIRESTORE_EMULATOR_HOST) {
    add('FIRESTORE_EMULATOR_HOST', 'required when RUNTIME=local (the local stack starts the emulator)');
  }
  if (env.RUNTIME === 'gcp') {
    for (const key of ['FUNCTION_URLS', 'TASKS_INVOKER_SERVICE_ACCOUNT', 'OIDC_ALLOWED_SERVICE_ACCOUNTS'] as const) {
      if (!env[key]) add(key, 'required when RUNTIME=gcp');
    }
  }
  return problems;
}

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

function readKeys(source: Record<string, string | undefined>, keys: ReadonlyArray<keyof typeof spec>) {
  const env: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const key of keys) {
    try {
      env[key] = spec[key](source[key]);
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
      problems.push(`${key}: ${err.message}`);
    }
  }
  return { env, problems };
}

/**
 * Parses the environment once; every other module receives the frozen result. Each variable is read by
 * its rule; the rules across variables run only when every variable is well formed.
 */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const { env, problems } = readKeys(source, Object.keys(spec) as Array<keyof typeof spec>);
  if (problems.length === 0) problems.push(...crossChecks(env as Env));
  if (problems.length) throw new EnvError(problems);
  return Object.freeze(env) as Env;
}

/** The database's variables alone, by the same rules (the migrate job has no signing key, no URLs). */
export function parseDatabaseEnv(source: Record<string, string | undefined>): DatabaseEnv {
  const { env, problems } = readKeys(source, DATABASE_KEYS);
  if (problems.length === 0) databaseChecks(env as DatabaseEnv, (key, message) => problems.push(`${key}: ${message}`));
  if (problems.length) throw new EnvError(problems);
  return Object.freeze(env) as DatabaseEnv;
}

export function functionUrls(env: Env): Record<string, string> {
  return env.FUNCTION_URLS ? (JSON.parse(env.FUNCTION_URLS) as Record<string, string>) : {};
}

export function allowedServiceAccounts(env: Env): string[] {
  return (env.OIDC_ALLOWED_SERVICE_ACCOUNTS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
