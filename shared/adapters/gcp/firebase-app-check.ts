import type { AppCheckResult, AppCheckVerifier } from '../../ports/app-check';

/** The part of firebase-admin's App Check service this adapter uses. */
export interface AppCheckLike {
  verifyToken(token: string): Promise<{ appId: string }>;
}

/** What firebase-admin says of a token that is not valid, as opposed to a failure to check it. */
const REFUSED = new Set(['app-check/invalid-argument', 'app-check/app-check-token-expired']);

/**
 * App Check tokens verified by firebase-admin's App Check (signature against Firebase's published keys,
 * issuer and audience = this project), never by its auth. Any other failure is thrown, not taken as a
 * verdict on the token.
 */
export class FirebaseAppCheckVerifier implements AppCheckVerifier {
  private appCheck?: Promise<AppCheckLike>;

  constructor(
    private readonly projectId: string,
    private readonly appCheckFactory: (projectId: string) => Promise<AppCheckLike> = async (projectId) => {
      const { initializeApp, getApps } = await import('firebase-admin/app');
      const { getAppCheck } = await import('firebase-admin/app-check');
      return getAppCheck(getApps()[0] ?? initializeApp({ projectId }));
    },
  ) {}

  async verify(token: string | undefined): Promise<AppCheckResult> {
    if (!token) return { valid: false, reason: 'missing' };
    const appCheck = await (this.appCheck ??= this.appCheckFactory(this.projectId).catch((err: unknown) => {
      this.appCheck = undefined; // a failed start is retried by the next request
      throw err;
    }));
    try {
      const { appId } = await appCheck.verifyToken(token);
      return { valid: true, appId };
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      if (REFUSED.has(code)) return { valid: false, reason: code };
      throw err;
    }
  }
}
