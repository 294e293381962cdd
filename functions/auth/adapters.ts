import { generateKeyPairSync } from 'node:crypto';
import { appCheckVerifier } from '../../shared/adapters/app-check';
import { fazpassFromEnv } from '../../shared/adapters/gcp/fazpass';
import { IamFirebaseTokenMinter } from '../../shared/adapters/gcp/iam-firebase-token';
import { StubOtpProvider } from '../../shared/adapters/local/stub-otp-provider';
import {
  APPLE_ISSUERS,
  appCheckGate,
  GOOGLE_ISSUERS,
  jwksIdTokenVerifier,
  LocalKeyTokenMinter,
  type AuthAdapters,
  type FirebaseTokenMinter,
} from '../../shared/auth';
import type { Clock } from '../../shared/clock';
import { appCheckEnforced, type Env } from '../../shared/env';
import type { Platform } from '../../shared/feature-deps';

/**
 * The adapters only the auth function uses: the OTP sender, the sign-in providers' keys, the Firebase
 * signer, the App Check verifier.
 */
export function authAdapters(p: Platform): AuthAdapters {
  const { env } = p;
  return {
    // The stub logs codes: the env rules refuse it in production (shared/env/rules.ts).
    otpProvider: env.OTP_PROVIDER === 'fazpass' ? fazpassFromEnv(env) : new StubOtpProvider(p.db, p.logger),
    idTokens: idTokenVerifiers(env),
    firebase: firebaseMinter(env, p.clock),
    appCheck: appCheckGate(appCheckVerifier(env), appCheckEnforced(env), p.logger),
  };
}

const list = (v?: string) =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function idTokenVerifiers(env: Env): AuthAdapters['idTokens'] {
  return {
    google: env.GOOGLE_OAUTH_CLIENT_IDS
      ? jwksIdTokenVerifier({
          keys: env.GOOGLE_JWKS_URL,
          issuers: GOOGLE_ISSUERS,
          audiences: list(env.GOOGLE_OAUTH_CLIENT_IDS),
        })
      : undefined,
    apple: env.APPLE_SERVICES_ID
      ? jwksIdTokenVerifier({
          keys: env.APPLE_JWKS_URL,
          issuers: APPLE_ISSUERS,
          audiences: list(env.APPLE_SERVICES_ID),
        })
      : undefined,
  };
}

/**
 * In GCP, Google signs Firebase custom tokens as the auth function's own service account (IAM signJwt,
 * no key file); outside production a throwaway key does (the emulator does not check the signature).
 */
export function firebaseMinter(env: Env, clock: Clock): FirebaseTokenMinter | undefined {
  if (env.RUNTIME === 'gcp') {
    return env.FIREBASE_SIGNER_SERVICE_ACCOUNT
      ? new IamFirebaseTokenMinter(env.FIREBASE_SIGNER_SERVICE_ACCOUNT, clock)
      : undefined;
  }
  if (env.NODE_ENV === 'production') return undefined;
  const throwaway = () =>
    generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return new LocalKeyTokenMinter('local-firebase@halobestie.invalid', throwaway, clock);
}
