import { describe, expect, it } from 'vitest';
import { FirebaseAppCheckVerifier, type AppCheckLike } from '../../shared/adapters/gcp/firebase-app-check';
import { StubAppCheckVerifier, STUB_APP_ID } from '../../shared/adapters/local/app-check-stub';
import { appCheckGate } from '../../shared/auth';
import { appCheckEnforced, parseEnv } from '../../shared/env';
import { createLogger } from '../../shared/logger';
import type { AppCheckResult, AppCheckVerifier } from '../../shared/ports/app-check';

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

describe('appCheckGate (SPEC §13: what the routes ask)', () => {
  const logger = createLogger('silent');
  const verifier = (answer: () => Promise<AppCheckResult>): AppCheckVerifier => ({ verify: answer });

  it('enforced: passes a valid token, refuses an invalid or missing one with 401 APP_CHECK_INVALID', async () => {
    const gate = appCheckGate(new StubAppCheckVerifier('good'), true, logger);
    await expect(gate.require('good')).resolves.toBeUndefined();
    await expect(gate.require('bad')).rejects.toMatchObject({ code: 'APP_CHECK_INVALID' });
    await expect(gate.require(undefined)).rejects.toMatchObject({
      code: 'APP_CHECK_INVALID',
      details: { reason: 'missing' },
    });
  });

  it('enforced: a verifier that cannot answer fails closed as 503, not as the app’s fault', async () => {
    const gate = appCheckGate(
      verifier(() => Promise.reject(new Error('keys unreachable'))),
      true,
      logger,
    );
    await expect(gate.require('t')).rejects.toMatchObject({ code: 'PROVIDER_UNAVAILABLE' });
  });

  it('not enforced: nothing is verified', async () => {
    let asked = 0;
    const gate = appCheckGate(
      verifier(async () => (asked++, { valid: false, reason: 'x' })),
      false,
      logger,
    );
    await expect(gate.require(undefined)).resolves.toBeUndefined();
    expect(asked).toBe(0);
  });

  it('APP_CHECK_ENFORCED defaults to true in production and false elsewhere; either way it can be set', () => {
    const base = { DATABASE_URL: 'postgres://u@127.0.0.1/db', FIRESTORE_EMULATOR_HOST: '127.0.0.1:1' };
    expect(appCheckEnforced(parseEnv(base, []))).toBe(false);
    expect(appCheckEnforced(parseEnv({ ...base, NODE_ENV: 'production' }, []))).toBe(true);
    expect(appCheckEnforced(parseEnv({ ...base, NODE_ENV: 'production', APP_CHECK_ENFORCED: 'false' }, []))).toBe(
      false,
    );
    expect(appCheckEnforced(parseEnv({ ...base, APP_CHECK_ENFORCED: 'true' }, []))).toBe(true);
  });
});
