import { z } from 'zod';
import { describeSigningKey } from '../../shared/auth/keys';

// The environment schema as zod declared it before shared/env.ts parsed by hand (docs/decisions.md 37):
// the reference the differential test holds the hand-written parser to.
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const int = (def: number, min = 0) => z.coerce.number().int().min(min).default(def);
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v));

export const zodEnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    RUNTIME: z.enum(['local', 'gcp']).default('local'),
    PORT: int(8080, 1),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
    LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
    K_SERVICE: optionalString,
    K_REVISION: optionalString,
    DATABASE_URL: z.string().url().optional(),
    DATABASE_POOL_MAX: int(10, 1),
    CLOUD_SQL_INSTANCE: optionalString.pipe(
      z
        .string()
        .regex(
          /^(?:[a-z0-9.-]+:)?[a-z][a-z0-9-]*:[a-z]+-[a-z]+\d:[a-z][a-z0-9-]*$/,
          'must be <project>:<region>:<instance>',
        )
        .optional(),
    ),
    DATABASE_IAM_USER: optionalString,
    DATABASE_NAME: z.string().min(1).default('halobestie'),
    ENABLE_TEST_ROUTES: bool.default(false),
    PUBLIC_BASE_URL: z.string().url().default('http://127.0.0.1:8080'),

    GCP_PROJECT_ID: z.string().default('demo-halobestie'),
    GCP_REGION: z.string().default('asia-southeast2'),
    TASKS_QUEUE: z.string().default('halobestie-timers'),
    /** JSON map of function name → Cloud Run URL (set by Terraform); task targets and OIDC audiences. */
    FUNCTION_URLS: optionalString,
    TASKS_INVOKER_SERVICE_ACCOUNT: optionalString,
    PUBSUB_PAIRING_TOPIC: z.string().default('pairing-blast'),
    /** The audience this function expects on Cloud Tasks / Pub/Sub OIDC tokens (its own URL in GCP). */
    OIDC_AUDIENCE: z.string().default('halobestie-local'),
    OIDC_ALLOWED_SERVICE_ACCOUNTS: optionalString,

    FIRESTORE_EMULATOR_HOST: optionalString,
    FIREBASE_PROJECT_ID: optionalString,

    MITRA_HEARTBEAT_CADENCE_SECONDS: int(30, 1),

    /** PEM (PKCS#8) EC P-256 or RSA ≥ 2048 private key that signs access tokens. */
    AUTH_SIGNING_KEY: z.string().min(1, 'required: the access-token signing key (PEM)'),
    AUTH_SIGNING_KEY_ID: z.string().min(1).default('k1'),
    /** The previous key, still accepted for verification so rotation logs nobody out. */
    AUTH_SIGNING_KEY_PREVIOUS: optionalString,
    AUTH_SIGNING_KEY_PREVIOUS_ID: optionalString,
    AUTH_ISSUER: z.string().min(1).default('https://api.halobestie.id'),
    ACCESS_TOKEN_TTL_SECONDS: int(3600, 60),
    REFRESH_TOKEN_TTL_DAYS: int(30, 1),
    REVOCATION_MAX_LAG_SECONDS: int(30, 1),
    REFRESH_REUSE_GRACE_SECONDS: int(10, 0),
    /** stub: logs codes (refused in production by the auth function); fazpass: sends through Fazpass. */
    OTP_PROVIDER: z.enum(['stub', 'fazpass']).default('stub'),
    FAZPASS_BASE_URL: z.string().url().default('https://api.fazpass.com'),
    FAZPASS_MERCHANT_KEY: optionalString,
    FAZPASS_GATEWAY_KEY: optionalString,
    FAZPASS_TIMEOUT_MS: int(5000, 100),
    GOOGLE_OAUTH_CLIENT_IDS: optionalString,
    GOOGLE_JWKS_URL: z.string().url().default('https://www.googleapis.com/oauth2/v3/certs'),
    APPLE_SERVICES_ID: optionalString,
    APPLE_JWKS_URL: z.string().url().default('https://appleid.apple.com/auth/keys'),
    /** RUNTIME=gcp: the service account (the auth function's own) whose Google-held key signs Firebase custom tokens. */
    FIREBASE_SIGNER_SERVICE_ACCOUNT: optionalString.pipe(
      z
        .string()
        .regex(/^[a-z0-9][a-z0-9._-]*@[a-z0-9][a-z0-9.-]*\.[a-z]+$/i, 'must be a service-account email')
        .optional(),
    ),
    /** `/projects/<number>/global/backendServices/<id>` of the IAP backend in front of this function. */
    IAP_AUDIENCE: optionalString.pipe(
      z
        .string()
        .regex(
          /^\/projects\/\d+\/global\/backendServices\/\d+$/,
          'must be /projects/<number>/global/backendServices/<id>',
        )
        .optional(),
    ),
    IAP_JWKS_URL: z.string().url().default('https://www.gstatic.com/iap/verify/public_key-jwk'),
    XENDIT_API_BASE_URL: z.string().url().default('https://api.xendit.co'),
    XENDIT_SECRET_KEY: optionalString,
    /** Compared in constant time with the x-callback-token of every webhook. */
    XENDIT_CALLBACK_TOKEN: optionalString,
    ADMIN_EMAIL: optionalString,
    ADMIN_PASSWORD: optionalString,
  })
  .superRefine((env, ctx) => {
    const issue = (key: string, message: string) => ctx.addIssue({ code: 'custom', path: [key], message });
    if (env.RUNTIME === 'local' && !env.DATABASE_URL) issue('DATABASE_URL', 'required when RUNTIME=local');
    if (env.RUNTIME === 'gcp' && env.DATABASE_URL && env.NODE_ENV === 'production') {
      issue('DATABASE_URL', 'not read in production with RUNTIME=gcp');
    }
    if (env.RUNTIME === 'gcp' && !(env.DATABASE_URL && env.NODE_ENV !== 'production')) {
      if (!env.CLOUD_SQL_INSTANCE) issue('CLOUD_SQL_INSTANCE', 'required when RUNTIME=gcp');
      if (!env.DATABASE_IAM_USER) issue('DATABASE_IAM_USER', 'required when RUNTIME=gcp');
      if (env.DATABASE_IAM_USER?.endsWith('.gserviceaccount.com')) issue('DATABASE_IAM_USER', 'without the suffix');
    }
    if (env.NODE_ENV === 'production' && env.ENABLE_TEST_ROUTES) {
      ctx.addIssue({ code: 'custom', path: ['ENABLE_TEST_ROUTES'], message: 'must not be true in production' });
    }
    for (const key of ['AUTH_SIGNING_KEY', 'AUTH_SIGNING_KEY_PREVIOUS'] as const) {
      const pem = env[key];
      if (!pem) continue;
      const described = describeSigningKey(pem);
      if ('problem' in described) ctx.addIssue({ code: 'custom', path: [key], message: described.problem });
    }
    if (env.AUTH_SIGNING_KEY_PREVIOUS && !env.AUTH_SIGNING_KEY_PREVIOUS_ID) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_SIGNING_KEY_PREVIOUS_ID'],
        message: 'required with AUTH_SIGNING_KEY_PREVIOUS',
      });
    }
    if (env.OTP_PROVIDER === 'fazpass') {
      for (const key of ['FAZPASS_MERCHANT_KEY', 'FAZPASS_GATEWAY_KEY'] as const) {
        if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'required when OTP_PROVIDER=fazpass' });
      }
    }
    if (env.FUNCTION_URLS) {
      try {
        const parsed: unknown = JSON.parse(env.FUNCTION_URLS);
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      } catch {
        ctx.addIssue({
          code: 'custom',
          path: ['FUNCTION_URLS'],
          message: 'must be a JSON object of function name to URL',
        });
      }
    }
    if (env.RUNTIME === 'local' && !env.FIRESTORE_EMULATOR_HOST) {
      ctx.addIssue({
        code: 'custom',
        path: ['FIRESTORE_EMULATOR_HOST'],
        message: 'required when RUNTIME=local (the local stack starts the emulator)',
      });
    }
    if (env.RUNTIME === 'gcp') {
      for (const key of ['FUNCTION_URLS', 'TASKS_INVOKER_SERVICE_ACCOUNT', 'OIDC_ALLOWED_SERVICE_ACCOUNTS'] as const) {
        if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'required when RUNTIME=gcp' });
      }
    }
  });
