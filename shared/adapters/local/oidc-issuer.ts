import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { createOidcVerifier, type OidcVerifier } from '../../security/oidc';

export const LOCAL_OIDC_ISSUER = 'https://local-oidc.halobestie.invalid';
export const LOCAL_INVOKER_EMAIL = 'local-invoker@halobestie.invalid';

/** Stands in for Google's token service: signs the OIDC tokens the local dispatcher attaches. */
export class LocalOidcIssuer {
  private constructor(
    private readonly privateKey: CryptoKey,
    readonly publicJwk: JWK,
  ) {}

  static async create(): Promise<LocalOidcIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'local-oidc-1', alg: 'ES256', use: 'sig' };
    return new LocalOidcIssuer(privateKey, jwk);
  }

  sign(audience: string, email = LOCAL_INVOKER_EMAIL): Promise<string> {
    return new SignJWT({ email, email_verified: true })
      .setProtectedHeader({ alg: 'ES256', kid: 'local-oidc-1' })
      .setIssuer(LOCAL_OIDC_ISSUER)
      .setAudience(audience)
      .setSubject(email)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(this.privateKey);
  }

  verifier(audience: string): OidcVerifier {
    return createOidcVerifier({
      keys: createLocalJWKSet({ keys: [this.publicJwk] }),
      issuers: [LOCAL_OIDC_ISSUER],
      audience,
      allowedEmails: [LOCAL_INVOKER_EMAIL],
    });
  }
}
