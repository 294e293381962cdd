import { systemClock } from '../../shared/clock';
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { describeSigningKey } from '../../shared/security/keys';
import { assertPasswordComplexity, verifyPassword } from '../../shared/auth/passwords';
import { normaliseIndonesianPhone } from '../../shared/auth/phone';
import { StubOtpProvider } from '../../shared/adapters/local/stub-otp-provider';
import { parseEnv } from '../../shared/env';
import { publicKeysOf } from '../../scripts/local/dev-keys';
import { createLogger } from '../../shared/logger';
import type { Queryable } from '../../shared/db/pool';

const pem = (k: { privateKey: { export(o: object): string | Buffer } }) =>
  k.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

describe('signing keys', () => {
  it('accepts EC P-256 (ES256) and RSA ≥ 2048 (RS256)', () => {
    expect(describeSigningKey(pem(generateKeyPairSync('ec', { namedCurve: 'prime256v1' })))).toMatchObject({
      alg: 'ES256',
    });
    expect(describeSigningKey(pem(generateKeyPairSync('rsa', { modulusLength: 2048 })))).toMatchObject({
      alg: 'RS256',
    });
  });

  it('refuses weak or unsupported keys and HS secrets, and the server refuses to start with them', () => {
    const weak = pem(generateKeyPairSync('rsa', { modulusLength: 1024 }));
    expect(describeSigningKey(weak)).toEqual({ problem: expect.stringMatching(/too weak/) });
    expect(describeSigningKey(pem(generateKeyPairSync('ec', { namedCurve: 'secp384r1' })))).toEqual({
      problem: expect.stringMatching(/not P-256/),
    });
    expect(describeSigningKey('a-shared-hs256-secret-that-is-not-a-key')).toEqual({ problem: 'not a PEM private key' });
    const base = { DATABASE_URL: 'postgres://u@127.0.0.1/db', FIRESTORE_EMULATOR_HOST: '127.0.0.1:1' };
    expect(() => parseEnv(base, 'auth')).toThrow(/AUTH_SIGNING_KEY/);
    expect(() => parseEnv({ ...base, AUTH_SIGNING_KEY: weak }, 'auth')).toThrow(
      /AUTH_SIGNING_KEY: RSA key of 1024 bits is too weak/,
    );
    expect(() => parseEnv({ ...base, AUTH_SIGNING_KEY: 'short' }, 'auth')).toThrow(/AUTH_SIGNING_KEY/);
  });

  it('accepts PEMs whose newlines arrive as literal \\n (Secret Manager / .env)', () => {
    const escaped = pem(generateKeyPairSync('ec', { namedCurve: 'prime256v1' })).replace(/\n/g, '\\n');
    expect(describeSigningKey(escaped)).toMatchObject({ alg: 'ES256' });
  });
});

describe('phone normalisation', () => {
  it.each([
    ['08123456789', '+628123456789'],
    ['628123456789', '+628123456789'],
    ['+628123456789', '+628123456789'],
    ['0812-3456-789', '+628123456789'],
    ['+62 812 3456 789', '+628123456789'],
  ])('%s → %s', (input, e164) => expect(normaliseIndonesianPhone(input)).toBe(e164));

  it.each(['12345', '+14155552671', '0812', 'not a phone', '+62'])('%s → 422 PHONE_INVALID', (input) => {
    expect(() => normaliseIndonesianPhone(input)).toThrow(
      expect.objectContaining({ kind: 'unprocessable', code: 'PHONE_INVALID' }),
    );
  });
});

describe('passwords', () => {
  it('complexity codes in order of the rules', () => {
    const code = (p: string) => {
      try {
        assertPasswordComplexity(p);
        return 'OK';
      } catch (e) {
        return (e as { code: string }).code;
      }
    };
    expect(code('Ab1')).toBe('PASSWORD_TOO_SHORT');
    expect(code('abcdefgh')).toBe('PASSWORD_MISSING_DIGIT');
    expect(code('abcdefg1')).toBe('PASSWORD_MISSING_UPPERCASE');
    expect(code('ABCDEFG1')).toBe('PASSWORD_MISSING_LOWERCASE');
    expect(code('Abcdefg1')).toBe('OK');
  });

  it('verifying against no hash is false (and still runs bcrypt)', async () => {
    expect(await verifyPassword('anything', undefined)).toBe(false);
  });
});

describe('stub OTP provider', () => {
  it('logs "[OTP STUB] phone=… code=… ref=…" and keeps the code for the peek', async () => {
    const lines: string[] = [];
    const queries: unknown[][] = [];
    const db = {
      query: async (...args: unknown[]) => (queries.push(args), { rows: [], rowCount: 1 }),
    } as unknown as Queryable;
    const provider = new StubOtpProvider(
      db,
      createLogger('info', {}, (l) => lines.push(l)),
    );
    const { providerRef } = await provider.send({
      otpRequestId: '0b1c2d3e-0000-4000-8000-000000000000',
      phone: '+628123456789',
      code: '424242',
    });
    expect(JSON.parse(lines[0]!).message).toBe(`[OTP STUB] phone=+628123456789 code=424242 ref=${providerRef}`);
    expect(queries[0]![1]).toEqual(['0b1c2d3e-0000-4000-8000-000000000000', '+628123456789', '424242']);
  });
});

describe('production start-up', () => {
  it('the auth function refuses the stub OTP provider in production; the env pairing gets in GCP parses', () => {
    const keyPem = pem(generateKeyPairSync('ec', { namedCurve: 'prime256v1' }));
    const gcp = {
      NODE_ENV: 'production',
      RUNTIME: 'gcp',
      CLOUD_SQL_INSTANCE: 'p:asia-southeast2:halobestie',
      DATABASE_IAM_USER: 'fn-pairing@p.iam',
      FUNCTION_URLS: '{"pairing":"https://pairing-1.a.run.app"}',
      TASKS_INVOKER_SERVICE_ACCOUNT: 'tasks-invoker@p.iam.gserviceaccount.com',
      OIDC_ALLOWED_SERVICE_ACCOUNTS: 'tasks-invoker@p.iam.gserviceaccount.com',
      IAP_AUDIENCE: '/projects/1/global/backendServices/2',
    };
    expect(() => parseEnv({ ...gcp, AUTH_SIGNING_KEY: keyPem }, 'auth')).toThrow(
      /OTP_PROVIDER: the stub provider logs codes/,
    );
    const pairing = {
      ...gcp,
      OIDC_AUDIENCE: 'https://pairing-1.a.run.app',
      AUTH_PUBLIC_KEYS: publicKeysOf(keyPem),
      PII_HASH_KEY: 'k'.repeat(32), // the free-trial ledger's key (SPEC §13)
    };
    expect(parseEnv(pairing, 'pairing').NODE_ENV).toBe('production');
  });

  it('in GCP, Firebase custom tokens are signed through IAM as FIREBASE_SIGNER_SERVICE_ACCOUNT, with no key; without it, not at all', async () => {
    const { firebaseMinter } = await import('../../functions/auth/adapters');
    const { IamFirebaseTokenMinter } = await import('../../shared/adapters/gcp/iam-firebase-token');
    const keyPem = pem(generateKeyPairSync('ec', { namedCurve: 'prime256v1' }));
    const gcpEnv = {
      NODE_ENV: 'production',
      RUNTIME: 'gcp',
      CLOUD_SQL_INSTANCE: 'p:asia-southeast2:halobestie',
      DATABASE_IAM_USER: 'fn-auth@p.iam',
      FUNCTION_URLS: '{}',
      TASKS_INVOKER_SERVICE_ACCOUNT: 'tasks-invoker@p.iam.gserviceaccount.com',
      OIDC_ALLOWED_SERVICE_ACCOUNTS: 'tasks-invoker@p.iam.gserviceaccount.com',
      IAP_AUDIENCE: '/projects/1/global/backendServices/2',
      OTP_PROVIDER: 'fazpass',
      FAZPASS_MERCHANT_KEY: 'x',
      FAZPASS_GATEWAY_KEY: 'x',
      AUTH_SIGNING_KEY: keyPem,
    };
    const signer = parseEnv({ ...gcpEnv, FIREBASE_SIGNER_SERVICE_ACCOUNT: 'auth@p.iam.gserviceaccount.com' }, 'auth');
    expect(firebaseMinter(signer, systemClock)).toBeInstanceOf(IamFirebaseTokenMinter);
    expect(firebaseMinter(parseEnv(gcpEnv, 'auth'), systemClock)).toBeUndefined();
  });
});
