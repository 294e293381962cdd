import { exportJWK, generateKeyPair, SignJWT, createLocalJWKSet, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { LOCAL_OIDC_ISSUER, LocalOidcIssuer } from '../../shared/adapters/local/oidc-issuer';
import { createOidcVerifier } from '../../shared/security/oidc';

describe('OIDC verification for /tasks and /events', () => {
  it('accepts a token from the trusted issuer for this audience', async () => {
    const issuer = await LocalOidcIssuer.create();
    await expect(issuer.verifier('aud-1').verify(await issuer.sign('aud-1'))).resolves.toMatchObject({
      email: expect.any(String),
    });
  });

  it('rejects another audience, a foreign key, alg none and a disallowed service account', async () => {
    const issuer = await LocalOidcIssuer.create();
    const verifier = issuer.verifier('aud-1');
    await expect(verifier.verify(await issuer.sign('aud-2'))).rejects.toThrow();

    const stranger = await LocalOidcIssuer.create();
    await expect(verifier.verify(await stranger.sign('aud-1'))).rejects.toThrow();

    const none = new UnsecuredJWT({ email: 'local-invoker@halobestie.invalid', email_verified: true })
      .setIssuer(LOCAL_OIDC_ISSUER)
      .setAudience('aud-1')
      .encode();
    await expect(verifier.verify(none)).rejects.toThrow();

    await expect(verifier.verify(await issuer.sign('aud-1', 'someone@else.invalid'))).rejects.toThrow(
      /allowed service account/,
    );
  });

  it('checks the issuer', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k' };
    const verifier = createOidcVerifier({
      keys: createLocalJWKSet({ keys: [jwk] }),
      issuers: ['https://accounts.google.com'],
      audience: 'a',
      allowedEmails: ['tasks@p.iam.gserviceaccount.com'],
    });
    const sign = (iss: string) =>
      new SignJWT({ email: 'tasks@p.iam.gserviceaccount.com', email_verified: true })
        .setProtectedHeader({ alg: 'RS256', kid: 'k' })
        .setIssuer(iss)
        .setAudience('a')
        .setExpirationTime('1m')
        .sign(privateKey);
    await expect(verifier.verify(await sign('https://accounts.google.com'))).resolves.toBeDefined();
    await expect(verifier.verify(await sign('https://evil.example'))).rejects.toThrow();
  });

  it('refuses every token when no caller is allowed (an empty allow-list is not "anyone Google signed")', async () => {
    const issuer = await LocalOidcIssuer.create();
    const verifier = createOidcVerifier({
      keys: createLocalJWKSet({ keys: [issuer.publicJwk] }),
      issuers: [LOCAL_OIDC_ISSUER],
      audience: 'aud-1',
      allowedEmails: [],
    });
    await expect(verifier.verify(await issuer.sign('aud-1'))).rejects.toThrow(/allowed service account/);
  });
});
