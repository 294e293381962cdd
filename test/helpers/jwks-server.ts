import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';

/** Stands in for Google's / Apple's key-set endpoints (third parties we cannot reach). */
export class FakeIdProvider {
  private constructor(
    private readonly server: Server,
    private readonly key: CryptoKey,
    readonly url: string,
    readonly issuer: string,
  ) {}

  static async start(issuer: string): Promise<FakeIdProvider> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const jwks = JSON.stringify({
      keys: [{ ...(await exportJWK(publicKey)), kid: 'idp-1', alg: 'RS256', use: 'sig' }],
    });
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(jwks);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    return new FakeIdProvider(server, privateKey, `http://127.0.0.1:${port}/keys`, issuer);
  }

  idToken(claims: JWTPayload & { aud: string; sub: string }, opts: { key?: CryptoKey; expiresIn?: string } = {}) {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'idp-1' })
      .setIssuer(this.issuer)
      .setIssuedAt()
      .setExpirationTime(opts.expiresIn ?? '10m')
      .sign(opts.key ?? this.key);
  }

  close(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}
