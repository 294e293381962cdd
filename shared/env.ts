import { z } from 'zod';
import type { FunctionName } from './http/path-table';
import { startupProblems } from './env-rules';

export { allowedServiceAccounts, isProduction } from './env-rules';

// The one spec of the environment: each variable, its rule, its default, one line of meaning.
// `.env.example` is generated from it (scripts/env-example.ts; a test keeps the file equal).
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const int = (def: number, min = 0) => z.coerce.number().int().min(min).default(def);
const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v));
const url = (def: string) => z.string().url().default(def);

const processVars = {
  NODE_ENV: z
    .enum(['development', 'test', 'production'])
    .default('development')
    .describe('development | test | production (production: no test routes, no stub OTP, fail-closed guards)'),
  RUNTIME: z
    .enum(['local', 'gcp'])
    .default('local')
    .describe('local: embedded adapters | gcp: Cloud Tasks, Pub/Sub, FCM, Google OIDC (fail-closed guards)'),
  PORT: int(8080, 1).describe('the port a function listens on (Cloud Run sets it); the local stack base URL port'),
  LOG_LEVEL: z
    .enum(['debug', 'info', 'warn', 'error', 'silent'])
    .default('info')
    .describe('debug | info | warn | error | silent'),
  ENABLE_TEST_ROUTES: bool.default(false).describe('/internal/_test/* routes; npm start and the tests turn them on'),
};

const database = {
  DATABASE_URL: z.string().url().describe('Postgres connection URL (required; npm start runs its own Postgres)'),
  DATABASE_POOL_MAX: int(10, 1).describe('pooled connections per instance (docs/capacity.md sizes it per function)'),
};

const gcp = {
  GCP_PROJECT_ID: z.string().default('demo-halobestie').describe('the Google Cloud project'),
  GCP_REGION: z.string().default('asia-southeast2').describe('region of the Cloud Tasks queue'),
  TASKS_QUEUE: z.string().default('halobestie-timers').describe('the Cloud Tasks queue every timer goes to'),
  FUNCTION_URLS: optional.describe('JSON {function name: Cloud Run URL}: task targets (required when RUNTIME=gcp)'),
  TASKS_INVOKER_SERVICE_ACCOUNT: optional.describe(
    'identity Cloud Tasks signs OIDC tokens as (required when RUNTIME=gcp)',
  ),
  PUBSUB_PAIRING_TOPIC: z.string().default('pairing-blast').describe('the Pub/Sub topic of pairing blasts'),
  OIDC_AUDIENCE: z
    .string()
    .default('halobestie-local')
    .describe('audience of the OIDC tokens on /tasks and /events: this function’s own URL (set in production)'),
  OIDC_ALLOWED_SERVICE_ACCOUNTS: optional.describe(
    'comma-separated callers allowed on /tasks and /events; none allowed when empty (set in production)',
  ),
  FIRESTORE_EMULATOR_HOST: optional.describe('host:port of the Firestore emulator (required when RUNTIME=local)'),
  FIREBASE_PROJECT_ID: optional.describe('the Firebase project, when it is not GCP_PROJECT_ID'),
};

const product = {
  MITRA_HEARTBEAT_CADENCE_SECONDS: int(30, 1).describe('how often a mitra app sends its heartbeat'),
};

const auth = {
  AUTH_SIGNING_KEY: optional.describe(
    'PEM EC P-256 or RSA ≥ 2048 private key that signs access tokens: the auth function only',
  ),
  AUTH_SIGNING_KEY_ID: z.string().min(1).default('k1').describe('kid of AUTH_SIGNING_KEY'),
  AUTH_SIGNING_KEY_PREVIOUS: optional.describe('while rotating: the previous private key, still verified'),
  AUTH_SIGNING_KEY_PREVIOUS_ID: optional.describe('kid of AUTH_SIGNING_KEY_PREVIOUS'),
  AUTH_PUBLIC_KEYS: optional.describe(
    'JWK set {"keys":[…]} every other function verifies access tokens with (current and previous kid)',
  ),
  AUTH_ISSUER: z.string().min(1).default('https://api.halobestie.id').describe('iss of our access tokens'),
  ACCESS_TOKEN_TTL_SECONDS: int(3600, 60).describe('access-token lifetime'),
  REFRESH_TOKEN_TTL_DAYS: int(30, 1).describe('refresh-token lifetime'),
  REVOCATION_MAX_LAG_SECONDS: int(30, 1).describe('how long a revoked session’s access token may still pass'),
  REFRESH_REUSE_GRACE_SECONDS: int(10, 0).describe('a rotated refresh token replayed within this is not theft'),
  OTP_PROVIDER: z
    .enum(['stub', 'fazpass'])
    .default('stub')
    .describe('stub (logs codes; refused in production) | fazpass'),
  FAZPASS_BASE_URL: url('https://api.fazpass.com').describe('Fazpass API'),
  FAZPASS_MERCHANT_KEY: optional.describe('required with OTP_PROVIDER=fazpass (a secret, auth only)'),
  FAZPASS_GATEWAY_KEY: optional.describe('required with OTP_PROVIDER=fazpass (a secret, auth only)'),
  FAZPASS_TIMEOUT_MS: int(5000, 100).describe('per attempt; one retry after a 5xx, a timeout or a network error'),
  GOOGLE_OAUTH_CLIENT_IDS: optional.describe('comma-separated audiences of Google sign-in ID tokens'),
  GOOGLE_JWKS_URL: url('https://www.googleapis.com/oauth2/v3/certs').describe('Google sign-in keys'),
  APPLE_SERVICES_ID: optional.describe('comma-separated audiences of Sign in with Apple ID tokens'),
  APPLE_JWKS_URL: url('https://appleid.apple.com/auth/keys').describe('Sign in with Apple keys'),
  FIREBASE_SERVICE_ACCOUNT_JSON: optional.describe(
    'service-account JSON that signs Firebase custom tokens (auth; unset in production → 503)',
  ),
  IAP_AUDIENCE: optional
    .pipe(
      z
        .string()
        .regex(
          /^\/projects\/\d+\/global\/backendServices\/\d+$/,
          'must be /projects/<number>/global/backendServices/<id>',
        )
        .optional(),
    )
    .describe('/projects/<number>/global/backendServices/<id> of the IAP backend (set in production)'),
  IAP_JWKS_URL: url('https://www.gstatic.com/iap/verify/public_key-jwk').describe('IAP signing keys'),
  ADMIN_EMAIL: optional.describe('the seed’s bootstrap super admin (with ADMIN_PASSWORD)'),
  ADMIN_PASSWORD: optional.describe('password of ADMIN_EMAIL'),
};

const payments = {
  XENDIT_API_BASE_URL: url('https://api.xendit.co').describe('Xendit API (npm start points it at the fake)'),
  XENDIT_SECRET_KEY: optional.describe('Xendit API key (a secret, payment-webhook only)'),
  XENDIT_CALLBACK_TOKEN: optional.describe('compared in constant time with every webhook’s x-callback-token'),
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

export const envSchema = z.object({ ...processVars, ...database, ...gcp, ...product, ...auth, ...payments });

export type Env = Readonly<z.output<typeof envSchema>>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

/**
 * Parses the environment once, for the functions this process serves (one in the image; all of them in
 * the local stack and the tests; none in a job); every other module receives the frozen result. Each
 * variable is read by its rule, then the rules across variables and the functions' own requirements
 * (shared/env-rules.ts). Interpreted, not compiled: zod's compiled parser costs more than it saves on a
 * schema parsed once (docs/boot.md).
 */
export function parseEnv(
  source: Record<string, string | undefined>,
  serving: FunctionName | readonly FunctionName[],
): Env {
  const parsed = envSchema.safeParse(source, { jitless: true });
  if (!parsed.success) throw new EnvError(parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`));
  const env = Object.freeze(parsed.data);
  const problems = startupProblems(env, source, typeof serving === 'string' ? [serving] : serving);
  if (problems.length) throw new EnvError(problems);
  return env;
}

export function functionUrls(env: Env): Record<string, string> {
  return env.FUNCTION_URLS ? (JSON.parse(env.FUNCTION_URLS) as Record<string, string>) : {};
}
