import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';

type Signing = { alg: 'RS256' | 'ES256'; kid: string };

/** Stands in for a third party's key-set endpoint and signer: Google's and Apple's sign-in, IAP. */
export class FakeIdProvider {
  private constructor(
    private readonly server: Server,
    private readonly key: CryptoKey,
    private readonly signing: Signing,
    readonly url: string,
    readonly issuer: string,
  ) {}

  static async start(issuer: string, signing: Signing = { alg: 'RS256', kid: 'idp-1' }): Promise<FakeIdProvider> {
    const { privateKey, publicKey } = await generateKeyPair(signing.alg);
    const jwks = JSON.stringify({
      keys: [{ ...(await exportJWK(publicKey)), kid: signing.kid, alg: signing.alg, use: 'sig' }],
    });
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(jwks);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    return new FakeIdProvider(server, privateKey, signing, `http://127.0.0.1:${port}/keys`, issuer);
  }

  idToken(claims: JWTPayload & { aud: string }, opts: { key?: CryptoKey; expiresIn?: string } = {}) {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: this.signing.alg, kid: this.signing.kid })
      .setIssuer(this.issuer)
      .setIssuedAt()
      .setExpirationTime(opts.expiresIn ?? '10m')
      .sign(opts.key ?? this.key);
  }

  close(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}

/** IAP's signer: ES256 assertions from https://cloud.google.com/iap for `audience`. */
export async function fakeIap() {
  const idp = await FakeIdProvider.start('https://cloud.google.com/iap', { alg: 'ES256', kid: 'iap-1' });
  return {
    jwksUrl: idp.url,
    assertion: (audience: string) => idp.idToken({ email: 'op@halobestie.id', aud: audience }, { expiresIn: '5m' }),
    close: () => idp.close(),
  };
}
