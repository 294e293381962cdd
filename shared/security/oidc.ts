import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';

export const GOOGLE_OIDC_ISSUERS = ['https://accounts.google.com', 'accounts.google.com'];
export const GOOGLE_OIDC_CERTS_URL = 'https://www.googleapis.com/oauth2/v3/certs';

export interface OidcVerifierConfig {
  keys: JWTVerifyGetKey;
  issuers: string[];
  audience: string;
  /** Service accounts allowed to invoke (Cloud Tasks / Pub/Sub push identities). Empty: nobody is. */
  allowedEmails: string[];
}

export interface OidcVerifier {
  verify(token: string): Promise<{ email?: string }>;
}

/** Verifies the OIDC bearer token Cloud Tasks and Pub/Sub push attach to every request. */
export function createOidcVerifier(cfg: OidcVerifierConfig): OidcVerifier {
  return {
    async verify(token) {
      const { payload } = await jwtVerify(token, cfg.keys, {
        issuer: cfg.issuers,
        audience: cfg.audience,
        algorithms: ['RS256', 'ES256'],
      });
      // Any Google service account can mint a token for any audience, so the caller must be named here.
      const email = typeof payload.email === 'string' ? payload.email : undefined;
      if (!email || payload.email_verified !== true || !cfg.allowedEmails.includes(email)) {
        throw new Error('caller is not an allowed service account');
      }
      return { email };
    },
  };
}

export function googleOidcVerifier(audience: string, allowedEmails: string[]): OidcVerifier {
  return createOidcVerifier({
    keys: createRemoteJWKSet(new URL(GOOGLE_OIDC_CERTS_URL)),
    issuers: GOOGLE_OIDC_ISSUERS,
    audience,
    allowedEmails,
  });
}
