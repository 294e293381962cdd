import { randomUUID } from 'node:crypto';
import { generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuest } from '../../helpers/auth';
import { json } from '../../helpers/http';
import { FakeIdProvider } from '../../helpers/jwks-server';
import { createTestStack, type TestStack } from '../../helpers/runtime';

let s: TestStack;
let google: FakeIdProvider;
let apple: FakeIdProvider;
const GOOGLE_AUD = 'client-app.apps.googleusercontent.com';
const APPLE_AUD = 'id.halobestie.client';

beforeAll(async () => {
  google = await FakeIdProvider.start('https://accounts.google.com');
  apple = await FakeIdProvider.start('https://appleid.apple.com');
  s = await createTestStack({
    env: {
      GOOGLE_OAUTH_CLIENT_IDS: `other-client,${GOOGLE_AUD}`,
      GOOGLE_JWKS_URL: google.url,
      APPLE_SERVICES_ID: APPLE_AUD,
      APPLE_JWKS_URL: apple.url,
    },
  });
});
afterAll(async () => {
  await s.close();
  await google.close();
  await apple.close();
});

const signIn = (
  provider: 'google' | 'apple',
  id_token: string,
  extra: { anonymous_customer_id?: string; token?: string } = {},
) =>
  s.request(`/api/client/auth/${provider}`, {
    method: 'POST',
    json: { id_token, ...(extra.anonymous_customer_id ? { anonymous_customer_id: extra.anonymous_customer_id } : {}) },
    headers: extra.token ? { authorization: `Bearer ${extra.token}` } : {},
  });

describe('Google and Apple sign-in', () => {
  it('a valid Google id_token creates the customer (name and email from the token) and signs the same one in after', async () => {
    const sub = randomUUID();
    const token = await google.idToken({ aud: GOOGLE_AUD, sub, email: 'ayu@example.com', name: 'Ayu' });
    const first = await signIn('google', token);
    expect(first.status).toBe(200);
    const body = await json(first);
    expect(body.profile).toMatchObject({
      display_name: 'Ayu',
      email: 'ayu@example.com',
      is_guest: false,
      linked: { google: true },
    });
    const again = await json(signIn('google', await google.idToken({ aud: GOOGLE_AUD, sub })));
    expect(again.profile.id).toBe(body.profile.id);
  });

  it('wrong audience, a tampered signature, a foreign key, an expired token or another issuer → 401 INVALID_ID_TOKEN', async () => {
    const sub = randomUUID();
    const good = await google.idToken({ aud: GOOGLE_AUD, sub });
    const [h, p, sig] = good.split('.');
    const tampered = `${h}.${p}.${sig!.slice(0, -4)}AAAA`;
    const { privateKey: stranger } = await generateKeyPair('RS256');
    const tokens = [
      await google.idToken({ aud: 'someone-else', sub }),
      tampered,
      await google.idToken({ aud: GOOGLE_AUD, sub }, { key: stranger }),
      await google.idToken({ aud: GOOGLE_AUD, sub }, { expiresIn: '-1m' }),
      await apple.idToken({ aud: GOOGLE_AUD, sub }),
    ];
    for (const t of tokens) {
      const res = await signIn('google', t);
      expect(res.status).toBe(401);
      expect((await json(res)).error.code).toBe('INVALID_ID_TOKEN');
    }
  });

  it('upgrades the caller’s guest keeping id and display name; a sub linked elsewhere → 409 IDENTITY_CONFLICT', async () => {
    const guest = await createGuest(s, 'Mawar');
    const sub = randomUUID();
    const up = await json(
      signIn('google', await google.idToken({ aud: GOOGLE_AUD, sub, name: 'Other Name' }), {
        anonymous_customer_id: guest.profile.id,
        token: guest.access_token,
      }),
    );
    expect(up.profile).toMatchObject({ id: guest.profile.id, display_name: 'Mawar', linked: { google: true } });

    const other = await createGuest(s);
    const conflict = await signIn('google', await google.idToken({ aud: GOOGLE_AUD, sub }), {
      anonymous_customer_id: other.profile.id,
      token: other.access_token,
    });
    expect(conflict.status).toBe(409);
    expect((await json(conflict)).error.code).toBe('IDENTITY_CONFLICT');
  });

  it('Apple without an email still creates the account', async () => {
    const res = await signIn('apple', await apple.idToken({ aud: APPLE_AUD, sub: randomUUID() }));
    expect(res.status).toBe(200);
    expect((await json(res)).profile).toMatchObject({ email: null, linked: { apple: true } });
  });

  it('a provider that is not configured → 503 PROVIDER_NOT_CONFIGURED', async () => {
    const bare = await createTestStack({ databaseUrl: s.rt.env.DATABASE_URL });
    try {
      const res = await bare.request('/api/client/auth/apple', {
        method: 'POST',
        json: { id_token: await apple.idToken({ aud: APPLE_AUD, sub: 'x' }) },
      });
      expect(res.status).toBe(503);
      expect((await json(res)).error.code).toBe('PROVIDER_NOT_CONFIGURED');
    } finally {
      await bare.close();
    }
  });
});
