import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { Env } from '../env';

export interface IapVerifier {
  verify(assertion: string): Promise<void>;
}

/** IAP's signed header (ES256, Google's IAP keys, this backend's audience), when IAP_AUDIENCE is set. */
export function iapVerifier(env: Env): IapVerifier | undefined {
  if (!env.IAP_AUDIENCE) return undefined;
  const keys = createRemoteJWKSet(new URL(env.IAP_JWKS_URL));
  return {
    async verify(assertion: string) {
      await jwtVerify(assertion, keys, {
        issuer: 'https://cloud.google.com/iap',
        audience: env.IAP_AUDIENCE,
        algorithms: ['ES256'],
      });
    },
  };
}
