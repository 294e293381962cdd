import { startupProblems } from './rules';
import { DATABASE_KEYS, databaseChecks, type DatabaseEnv } from './database';
import {
  bool,
  int,
  Invalid,
  matching,
  oneOf,
  optional,
  optionalBool,
  optionalUrl,
  text,
  url,
  type Reader,
} from './readers';
import type { FunctionName } from '../path-table';

export { allowedServiceAccounts, appCheckEnforced, piiHashKey } from './rules';
export { usesCloudSqlConnector, type DatabaseEnv } from './database';

// The one spec of the environment: each variable, how it is read (its default), one line of meaning.
// `.env.example` is generated from it (scripts/env-example.ts; a test keeps the file equal).
const v = <T>(read: Reader<T>, doc: string) => ({ read, doc });

const processVars = {
  NODE_ENV: v(
    oneOf(['development', 'test', 'production'], 'development'),
    'development | test | production (production: no test routes, no stub OTP, fail-closed guards)',
  ),
  RUNTIME: v(
    oneOf(['local', 'gcp'], 'local'),
    'local: embedded adapters | gcp: Cloud Tasks, Pub/Sub, FCM, Google OIDC (fail-closed guards)',
  ),
  PORT: v(int(8080, 1), 'the port a function listens on (Cloud Run sets it); the local stack base URL port'),
  LOG_LEVEL: v(oneOf(['debug', 'info', 'warn', 'error', 'silent'], 'info'), 'debug | info | warn | error | silent'),
  ENABLE_TEST_ROUTES: v(bool(false), '/internal/_test/* routes; npm start and the tests turn them on'),
  LOG_FORMAT: v(oneOf(['auto', 'json', 'pretty'], 'auto'), 'auto: readable lines on a terminal, JSON otherwise'),
  K_SERVICE: v(optional, 'set by Cloud Run: the service Error Reporting groups errors by'),
  K_REVISION: v(optional, 'set by Cloud Run: the revision Error Reporting groups errors by'),
};

const database = {
  DATABASE_URL: v(
    optionalUrl,
    'RUNTIME=local: the Postgres URL (npm start runs its own); refused in production with RUNTIME=gcp',
  ),
  DATABASE_POOL_MAX: v(int(10, 1), 'pooled connections per instance (docs/capacity.md sizes it per function)'),
  CLOUD_SQL_INSTANCE: v(
    matching(
      /^(?:[a-z0-9.-]+:)?[a-z][a-z0-9-]*:[a-z]+-[a-z]+\d:[a-z][a-z0-9-]*$/,
      'must be <project>:<region>:<instance>',
    ),
    'RUNTIME=gcp: the Cloud SQL instance the connector reaches over its private IP',
  ),
  DATABASE_IAM_USER: v(
    optional,
    'RUNTIME=gcp: the IAM database user (the service account email without .gserviceaccount.com)',
  ),
  DATABASE_NAME: v(text('halobestie'), 'RUNTIME=gcp: the database on the Cloud SQL instance'),
};

const gcp = {
  GCP_PROJECT_ID: v(text('demo-halobestie'), 'the Google Cloud project'),
  GCP_REGION: v(text('asia-southeast2'), 'region of the Cloud Tasks queue'),
  TASKS_QUEUE: v(text('halobestie-timers'), 'the Cloud Tasks queue every timer goes to'),
  FUNCTION_URLS: v(optional, 'JSON {function name: Cloud Run URL}: task targets (required when RUNTIME=gcp)'),
  TASKS_INVOKER_SERVICE_ACCOUNT: v(optional, 'identity Cloud Tasks signs OIDC tokens as (required when RUNTIME=gcp)'),
  PUBSUB_PAIRING_TOPIC: v(text('pairing-blast'), 'the Pub/Sub topic of pairing blasts'),
  PUBSUB_SCREENING_TOPIC: v(
    text('message-screening'),
    'the Pub/Sub topic every committed chat message is screened from',
  ),
  OIDC_AUDIENCE: v(
    text('halobestie-local'),
    'audience of the OIDC tokens on /tasks and /events: this function’s own URL (set in production)',
  ),
  OIDC_ALLOWED_SERVICE_ACCOUNTS: v(
    optional,
    'comma-separated callers allowed on /tasks and /events; none allowed when empty (set in production)',
  ),
  FIRESTORE_EMULATOR_HOST: v(optional, 'host:port of the Firestore emulator (required when RUNTIME=local)'),
  FIREBASE_PROJECT_ID: v(optional, 'the Firebase project, when it is not GCP_PROJECT_ID'),
};

const product = {
  MITRA_HEARTBEAT_CADENCE_SECONDS: v(int(30, 1), 'how often a mitra app sends its heartbeat'),
};

const auth = {
  AUTH_SIGNING_KEY: v(
    optional,
    'PEM EC P-256 or RSA ≥ 2048 private key that signs access tokens: the auth function only',
  ),
  AUTH_SIGNING_KEY_ID: v(text('k1'), 'kid of AUTH_SIGNING_KEY'),
  AUTH_SIGNING_KEY_PREVIOUS: v(optional, 'while rotating: the previous private key, still verified'),
  AUTH_SIGNING_KEY_PREVIOUS_ID: v(optional, 'kid of AUTH_SIGNING_KEY_PREVIOUS'),
  AUTH_PUBLIC_KEYS: v(
    optional,
    'JWK set {"keys":[…]} every other function verifies access tokens with (current and previous kid)',
  ),
  AUTH_ISSUER: v(text('https://api.halobestie.id'), 'iss of our access tokens'),
  ACCESS_TOKEN_TTL_SECONDS: v(int(3600, 60), 'access-token lifetime'),
  REFRESH_TOKEN_TTL_DAYS: v(int(30, 1), 'refresh-token lifetime'),
  REVOCATION_MAX_LAG_SECONDS: v(int(30, 1), 'how long a revoked session’s access token may still pass'),
  REFRESH_REUSE_GRACE_SECONDS: v(int(10, 0), 'a rotated refresh token replayed within this is not theft'),
  OTP_PROVIDER: v(oneOf(['stub', 'fazpass'], 'stub'), 'stub (logs codes; refused in production) | fazpass'),
  FAZPASS_BASE_URL: v(url('https://api.fazpass.com'), 'Fazpass API'),
  FAZPASS_MERCHANT_KEY: v(optional, 'required with OTP_PROVIDER=fazpass (a secret, auth only)'),
  FAZPASS_GATEWAY_KEY: v(optional, 'required with OTP_PROVIDER=fazpass (a secret, auth only)'),
  FAZPASS_TIMEOUT_MS: v(int(5000, 100), 'per attempt; retried once only when the connection never opened'),
  GOOGLE_OAUTH_CLIENT_IDS: v(optional, 'comma-separated audiences of Google sign-in ID tokens'),
  GOOGLE_JWKS_URL: v(url('https://www.googleapis.com/oauth2/v3/certs'), 'Google sign-in keys'),
  APPLE_SERVICES_ID: v(optional, 'comma-separated audiences of Sign in with Apple ID tokens'),
  APPLE_JWKS_URL: v(url('https://appleid.apple.com/auth/keys'), 'Sign in with Apple keys'),
  FIREBASE_SIGNER_SERVICE_ACCOUNT: v(
    matching(/^[a-z0-9][a-z0-9._-]*@[a-z0-9][a-z0-9.-]*\.[a-z]+$/i, 'must be a service-account email'),
    'RUNTIME=gcp: the auth function’s own service account, whose Google-held key signs Firebase custom tokens',
  ),
  IAP_AUDIENCE: v(
    matching(
      /^\/projects\/\d+\/global\/backendServices\/\d+$/,
      'must be /projects/<number>/global/backendServices/<id>',
    ),
    '/projects/<number>/global/backendServices/<id> of the IAP backend (set in production)',
  ),
  IAP_JWKS_URL: v(url('https://www.gstatic.com/iap/verify/public_key-jwk'), 'IAP signing keys'),
  APP_CHECK_ENFORCED: v(
    optionalBool,
    'guest sign-up, OTP request and chat request need a valid X-Firebase-AppCheck (default: true in production)',
  ),
  APP_CHECK_TEST_TOKEN: v(
    text('local-app-check-token'),
    'RUNTIME=local: the one App Check token the stub verifier accepts (RUNTIME=gcp verifies with Firebase)',
  ),
  PII_HASH_KEY: v(
    optional,
    'HMAC-SHA256 key (≥ 32 bytes) of the kept hashes of phone numbers and device ids; required in production by pairing',
  ),
  ADMIN_EMAIL: v(optional, 'the seed’s bootstrap super admin (with ADMIN_PASSWORD)'),
  ADMIN_PASSWORD: v(optional, 'password of ADMIN_EMAIL'),
};

const payments = {
  XENDIT_API_BASE_URL: v(url('https://api.xendit.co'), 'Xendit API (npm start points it at the fake)'),
  XENDIT_SECRET_KEY: v(optional, 'Xendit API key (a secret, payment-webhook only)'),
  XENDIT_CALLBACK_TOKEN: v(optional, 'compared in constant time with every webhook’s x-callback-token'),
};

/** Groups of the spec, in `.env.example`'s order. */
export const ENV_SECTIONS = [
  ['process', processVars],
  ['database', database],
  ['GCP wiring (RUNTIME=gcp; Terraform sets these)', gcp],
  ['product values fixed per deploy', product],
  ['auth (SPEC §4)', auth],
  ['payments (SPEC §8)', payments],
] as const;

export const ENV_SPEC = { ...processVars, ...database, ...gcp, ...product, ...auth, ...payments };

export type Env = Readonly<{ [K in keyof typeof ENV_SPEC]: ReturnType<(typeof ENV_SPEC)[K]['read']> }>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

/**
 * Parses the environment once, for the functions this process serves (one in the image; all of them in
 * the local stack and the tests; none in a job); every other module receives the frozen result. Each
 * variable is read by its rule; once all are well formed, the rules across variables and the functions'
 * own requirements (shared/env/rules.ts). Every problem names its variable.
 */
export function parseEnv(
  source: Record<string, string | undefined>,
  serving: FunctionName | readonly FunctionName[],
): Env {
  const { env, problems } = readKeys(source, Object.keys(ENV_SPEC) as Array<keyof typeof ENV_SPEC>);
  if (problems.length === 0) {
    problems.push(...startupProblems(env as Env, source, typeof serving === 'string' ? [serving] : serving));
  }
  if (problems.length) throw new EnvError(problems);
  return Object.freeze(env) as Env;
}

function readKeys(source: Record<string, string | undefined>, keys: ReadonlyArray<keyof typeof ENV_SPEC>) {
  const env: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const key of keys) {
    try {
      env[key] = ENV_SPEC[key].read(source[key]);
    } catch (err) {
      if (!(err instanceof Invalid)) throw err;
      problems.push(`${key}: ${err.message}`);
    }
  }
  return { env, problems };
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
