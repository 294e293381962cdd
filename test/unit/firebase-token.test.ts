import { generateKeyPairSync } from 'node:crypto';
import { decodeProtectedHeader, jwtVerify, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { IamFirebaseTokenMinter, metadataAccessToken } from '../../shared/adapters/gcp/iam-firebase-token';
import { FIREBASE_CUSTOM_TOKEN_AUDIENCE, LocalKeyTokenMinter } from '../../shared/auth/firebase-token';
import { mintFirebaseToken } from '../../shared/auth/mint-firebase-token';
import type { Db } from '../../shared/db/pool';

const SA = 'auth@halo-prod.iam.gserviceaccount.com';
const NOW = new Date('2030-01-01T00:00:00.000Z');
const clock = { now: () => NOW };
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

interface Call {
  url: string;
  init: RequestInit;
}

/** Google's side of signJwt: it signs the payload as given, adding the RS256 header with its key id. */
function fakeIamCredentials(calls: Call[], status = 200) {
  return async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    if (status !== 200) return new Response('{"error":{"status":"PERMISSION_DENIED"}}', { status });
    const { payload } = JSON.parse(init.body as string) as { payload: string };
    const signedJwt = await new SignJWT(JSON.parse(payload))
      .setProtectedHeader({ alg: 'RS256', kid: 'google-key-1', typ: 'JWT' })
      .sign(privateKey);
    return Response.json({ keyId: 'google-key-1', signedJwt });
  };
}

const minter = (calls: Call[], status?: number) =>
  new IamFirebaseTokenMinter(SA, clock, async () => 'ya29.test-token', fakeIamCredentials(calls, status));

/** The user's stored Firestore access epoch, as Postgres would answer it. */
const epochIs = (epoch: number) => ({ query: async () => ({ rows: [{ epoch }] }) }) as unknown as Db;

const customer = { userType: 'customer' as const, userId: '3f6a1c52-0d4b-4f7e-9a1c-5b2d8e7f6a10' };
const iat = NOW.getTime() / 1000;

describe('Firebase custom tokens through IAM signJwt (no key file)', () => {
  it('POSTs to projects/-/serviceAccounts/{email}:signJwt as the function, the claims set as a JSON string (IAM Service Account Credentials API, projects.serviceAccounts.signJwt: the "-" wildcard is required; payload is a serialized JWT Claims Set)', async () => {
    const calls: Call[] = [];
    await mintFirebaseToken({ firebase: minter(calls), db: epochIs(7) }, customer);
    expect(calls).toHaveLength(1);
    const [{ url, init }] = calls as [Call];
    expect(url).toBe(
      'https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/auth@halo-prod.iam.gserviceaccount.com:signJwt',
    );
    expect(init.method).toBe('POST');
    expect(init.headers).toEqual({ authorization: 'Bearer ya29.test-token', 'content-type': 'application/json' });
    const body = JSON.parse(init.body as string) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['payload']);
    expect(typeof body.payload).toBe('string');
    // Firebase "Create custom tokens using a third-party JWT library": iss and sub are the service
    // account, aud the Identity Toolkit audience, exp at most 3600 s after iat, uid, developer claims.
    expect(JSON.parse(body.payload as string)).toEqual({
      iss: SA,
      sub: SA,
      aud: 'https://identitytoolkit.googleapis.com/google.identity.identitytoolkit.v1.IdentityToolkit',
      iat,
      exp: iat + 3600,
      uid: `c_${customer.userId}`,
      claims: { user_type: 'customer', epoch: 7 },
    });
  });

  it('returns the token Google signed: RS256 with its key id, the claims Firebase reads', async () => {
    const minted = await mintFirebaseToken(
      { firebase: minter([]), db: epochIs(0) },
      { userType: 'mitra', userId: 'm-1' },
    );
    expect(minted).toMatchObject({ uid: 'm_m-1', expires_at: new Date((iat + 3600) * 1000).toISOString() });
    expect(decodeProtectedHeader(minted.firebase_token)).toEqual({ alg: 'RS256', kid: 'google-key-1', typ: 'JWT' });
    const { payload } = await jwtVerify(minted.firebase_token, publicKey, {
      issuer: SA,
      subject: SA,
      audience: FIREBASE_CUSTOM_TOKEN_AUDIENCE,
      currentDate: NOW,
    });
    expect(payload).toMatchObject({ uid: 'm_m-1', claims: { user_type: 'mitra', epoch: 0 } });
    expect(payload.exp! - payload.iat!).toBe(3600);
  });

  it('an IAM refusal is an error, never an unsigned token', async () => {
    await expect(minter([], 403).mint('c_1', {})).rejects.toThrow(/signJwt: HTTP 403/);
  });

  it('refuses a signer that is not a service-account email (a key JSON where the email belongs)', () => {
    expect(() => new IamFirebaseTokenMinter('{"client_email":"x"}', clock)).toThrow(/email/);
  });
});

describe('the access token the signJwt call carries', () => {
  it("is the function's own, from the metadata server with Metadata-Flavor: Google (Cloud Run container contract), reused until a minute before it expires", async () => {
    const calls: Call[] = [];
    let t = 0;
    const token = metadataAccessToken(
      async (url, init) => {
        calls.push({ url, init });
        return Response.json({ access_token: `ya29.${calls.length}`, expires_in: 3599, token_type: 'Bearer' });
      },
      () => t,
    );
    expect(await token()).toBe('ya29.1');
    expect(calls[0]!.url).toBe(
      'http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token',
    );
    expect(calls[0]!.init.headers).toEqual({ 'metadata-flavor': 'Google' });
    t = 3599_000 - 60_001;
    expect(await token()).toBe('ya29.1');
    t = 3599_000 - 60_000;
    expect(await token()).toBe('ya29.2');
  });

  it('a metadata server error is an error', async () => {
    const token = metadataAccessToken(async () => new Response('', { status: 500 }));
    await expect(token()).rejects.toThrow(/HTTP 500/);
  });
});

describe('the local minter (local stack and tests)', () => {
  it('signs the same claims set RS256 with its own key', async () => {
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const local = new LocalKeyTokenMinter('local@halo.invalid', pem, clock);
    const { token, expiresAt } = await local.mint('c_1', { user_type: 'customer', epoch: 2 });
    expect(expiresAt).toEqual(new Date((iat + 3600) * 1000));
    const { payload, protectedHeader } = await jwtVerify(token, publicKey, {
      issuer: 'local@halo.invalid',
      subject: 'local@halo.invalid',
      audience: FIREBASE_CUSTOM_TOKEN_AUDIENCE,
      currentDate: NOW,
    });
    expect(protectedHeader).toEqual({ alg: 'RS256', typ: 'JWT' });
    expect(payload).toEqual({
      iss: 'local@halo.invalid',
      sub: 'local@halo.invalid',
      aud: FIREBASE_CUSTOM_TOKEN_AUDIENCE,
      iat,
      exp: iat + 3600,
      uid: 'c_1',
      claims: { user_type: 'customer', epoch: 2 },
    });
  });
});
