import { AppError } from '../errors';
import type { Logger } from '../logger';
import type { AppCheckVerifier } from '../ports/app-check';

/** SPEC §13 app integrity: what guest sign-up, OTP request and chat request ask before anything else. */
export interface AppCheckGate {
  /** Passes a genuine app's `X-Firebase-AppCheck` token; refuses a missing or invalid one with 401. */
  require(token: string | undefined): Promise<void>;
}

/** Enforcement off (local and tests by default, or an operator's choice): every request passes unchecked. */
export const OPEN_GATE: AppCheckGate = { require: async () => undefined };

export function appCheckGate(verifier: AppCheckVerifier, enforced: boolean, logger: Logger): AppCheckGate {
  if (!enforced) return OPEN_GATE;
  return {
    async require(token) {
      let verdict;
      try {
        verdict = await verifier.verify(token);
      } catch (err) {
        // Firebase could not be asked: fail closed, but as an outage the app may retry, not as its fault.
        logger.error('App Check verification failed', { error: err as Error });
        throw new AppError('PROVIDER_UNAVAILABLE', 'App Check could not be verified; try again');
      }
      if (!verdict.valid) throw new AppError('APP_CHECK_INVALID', undefined, { reason: verdict.reason });
    },
  };
}
