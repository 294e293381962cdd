import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { AppError } from '../errors';

export interface IdTokenClaims {
  sub: string;
  email?: string;
  name?: string;
}

export interface IdTokenVerifier {
  verify(idToken: string): Promise<IdTokenClaims>;
}

export const GOOGLE_ISSUERS = ['https://accounts.google.com', 'accounts.google.com'];
export const APPLE_ISSUERS = ['https://appleid.apple.com'];

/** Verifies a provider id_token against its JWKS (URL configurable so tests serve a local key set). */
export function jwksIdTokenVerifier(cfg: {
  keys: JWTVerifyGetKey | string;
  issuers: string[];
  audiences: string[];
}): IdTokenVerifier {
  const keys =
    typeof cfg.keys === 'string' ? createRemoteJWKSet(new URL(cfg.keys), { timeoutDuration: 5000 }) : cfg.keys;
  return {
    async verify(idToken) {
      try {
        const { payload } = await jwtVerify(idToken, keys, {
          issuer: cfg.issuers,
          audience: cfg.audiences,
          algorithms: ['RS256', 'ES256'],
        });
        if (typeof payload.sub !== 'string' || !payload.sub) throw new Error('no sub');
        return {
          sub: payload.sub,
          email: typeof payload.email === 'string' ? payload.email : undefined,
          name: typeof payload.name === 'string' ? payload.name : undefined,
        };
      } catch (err) {
        if (
          err instanceof errors.JWKSTimeout ||
          err instanceof errors.JWKSInvalid ||
          (err as Error).name === 'TypeError'
        ) {
          throw new AppError('PROVIDER_UNAVAILABLE', 'Layanan login tidak dapat dihubungi. Coba lagi.');
        }
        throw new AppError('INVALID_ID_TOKEN');
      }
    },
  };
}
