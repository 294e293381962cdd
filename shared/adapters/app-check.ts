import type { Env } from '../env';
import type { AppCheckVerifier } from '../ports/app-check';
import { FirebaseAppCheckVerifier } from './gcp/firebase-app-check';
import { StubAppCheckVerifier } from './local/app-check-stub';

/**
 * Who verifies App Check tokens, chosen once from env by the functions that ask (auth, pairing):
 * RUNTIME=gcp with firebase-admin's App Check for this Firebase project; locally a stub that accepts
 * only APP_CHECK_TEST_TOKEN (the emulators have no App Check).
 */
export function appCheckVerifier(env: Env): AppCheckVerifier {
  return env.RUNTIME === 'gcp'
    ? new FirebaseAppCheckVerifier(env.FIREBASE_PROJECT_ID ?? env.GCP_PROJECT_ID)
    : new StubAppCheckVerifier(env.APP_CHECK_TEST_TOKEN);
}
