import { createHash, timingSafeEqual } from 'node:crypto';
import type { AppCheckResult, AppCheckVerifier } from '../../ports/app-check';

export const STUB_APP_ID = 'local-test-app';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Local stack and tests: the one configured test token passes, anything else is refused. */
export class StubAppCheckVerifier implements AppCheckVerifier {
  private readonly expected: Buffer;

  constructor(testToken: string) {
    if (!testToken) throw new Error('The App Check stub needs a test token');
    this.expected = digest(testToken);
  }

  async verify(token: string | undefined): Promise<AppCheckResult> {
    // Compared as digests in constant time: equal lengths, and the token's length is not timed either.
    if (token && timingSafeEqual(digest(token), this.expected)) return { valid: true, appId: STUB_APP_ID };
    return { valid: false, reason: token ? 'not the test token' : 'missing' };
  }
}
