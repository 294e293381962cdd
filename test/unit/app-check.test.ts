import { describe, expect, it } from 'vitest';
import { FirebaseAppCheckVerifier, type AppCheckLike } from '../../shared/adapters/gcp/firebase-app-check';
import { StubAppCheckVerifier, STUB_APP_ID } from '../../shared/adapters/local/app-check-stub';

/** firebase-admin's App Check surface, faked: what it was asked, what it answers. */
function fakeAppCheck(answer: (token: string) => Promise<{ appId: string }>) {
  const calls: { projects: string[]; tokens: string[] } = { projects: [], tokens: [] };
  const factory = async (projectId: string): Promise<AppCheckLike> => {
    calls.projects.push(projectId);
    return {
      verifyToken: (token) => {
        calls.tokens.push(token);
        return answer(token);
      },
    };
  };
  return { calls, factory };
}

const appCheckError = (code: string) => Object.assign(new Error(code), { code: `app-check/${code}` });

describe('App Check through firebase-admin (SPEC §13)', () => {
  it("asks firebase-admin's App Check to verify the token, once set up for the project, and answers its app id", async () => {
    const { calls, factory } = fakeAppCheck(async () => ({ appId: '1:123:android:abc' }));
    const verifier = new FirebaseAppCheckVerifier('halo-prod', factory);
    expect(await verifier.verify('app-check-token-1')).toEqual({ valid: true, appId: '1:123:android:abc' });
    expect(await verifier.verify('app-check-token-2')).toMatchObject({ valid: true });
    expect(calls).toEqual({ projects: ['halo-prod'], tokens: ['app-check-token-1', 'app-check-token-2'] });
  });

  it('a token firebase-admin refuses (forged, wrong project, expired) is invalid; a missing one is never sent', async () => {
    const { calls, factory } = fakeAppCheck(async (token) => {
      throw appCheckError(token === 'old' ? 'app-check-token-expired' : 'invalid-argument');
    });
    const verifier = new FirebaseAppCheckVerifier('halo-prod', factory);
    expect(await verifier.verify('forged')).toEqual({ valid: false, reason: 'app-check/invalid-argument' });
    expect(await verifier.verify('old')).toEqual({ valid: false, reason: 'app-check/app-check-token-expired' });
    expect(await verifier.verify(undefined)).toEqual({ valid: false, reason: 'missing' });
    expect(await verifier.verify('')).toEqual({ valid: false, reason: 'missing' });
    expect(calls.tokens).toEqual(['forged', 'old']);
  });

  it('a failure to check is thrown, not taken as a verdict on the token', async () => {
    const { factory } = fakeAppCheck(async () => {
      throw appCheckError('internal-error');
    });
    await expect(new FirebaseAppCheckVerifier('halo-prod', factory).verify('t')).rejects.toThrow('internal-error');
  });

  it("the real SDK's App Check refuses a token that is not a JWT, offline", async () => {
    const verifier = new FirebaseAppCheckVerifier('demo-halobestie');
    expect(await verifier.verify('not-a-jwt')).toEqual({ valid: false, reason: 'app-check/invalid-argument' });
  });
});

describe('the local App Check stub', () => {
  it('accepts the configured test token and nothing else', async () => {
    const stub = new StubAppCheckVerifier('local-app-check-token');
    expect(await stub.verify('local-app-check-token')).toEqual({ valid: true, appId: STUB_APP_ID });
    expect(await stub.verify('local-app-check-token ')).toEqual({ valid: false, reason: 'not the test token' });
    expect(await stub.verify('other')).toEqual({ valid: false, reason: 'not the test token' });
    expect(await stub.verify(undefined)).toEqual({ valid: false, reason: 'missing' });
    expect(() => new StubAppCheckVerifier('')).toThrow();
  });
});
