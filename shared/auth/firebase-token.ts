import { createPrivateKey, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import type { Clock } from '../clock';
import { normalisePem } from '../security/keys';

export const FIREBASE_CUSTOM_TOKEN_AUDIENCE =
  'https://identitytoolkit.googleapis.com/google.identity.identitytoolkit.v1.IdentityToolkit';
/** Firebase refuses a custom token whose exp is more than 3600 s after its iat. */
export const FIREBASE_CUSTOM_TOKEN_TTL_SECONDS = 3600;

/** Signs Firebase custom tokens (never with firebase-admin's auth): keyless in production, a local key otherwise. */
export interface FirebaseTokenMinter {
  mint(uid: string, claims: Record<string, unknown>): Promise<{ token: string; expiresAt: Date }>;
}

/**
 * The claims set Firebase requires of a custom token signed outside the Admin SDK (Firebase "Create
 * custom tokens using a third-party JWT library"): iss = sub = the signing service account, the
 * Identity Toolkit audience, iat, exp ≤ 1 h later, the uid, and the developer claims under `claims`.
 */
export function customTokenClaims(serviceAccount: string, uid: string, claims: Record<string, unknown>, now: Date) {
  const iat = Math.floor(now.getTime() / 1000);
  return {
    iss: serviceAccount,
    sub: serviceAccount,
    aud: FIREBASE_CUSTOM_TOKEN_AUDIENCE,
    iat,
    exp: iat + FIREBASE_CUSTOM_TOKEN_TTL_SECONDS,
    uid,
    claims,
  };
}

/** Local stack and tests: a key held in the process (the emulator does not check the signature), RS256. */
export class LocalKeyTokenMinter implements FirebaseTokenMinter {
  private key?: KeyObject;

  /** `privateKeyPem` may be a function: the local throwaway key is only generated when first needed. */
  constructor(
    private readonly clientEmail: string,
    private readonly privateKeyPem: string | (() => string),
    private readonly clock: Clock,
  ) {}

  async mint(uid: string, claims: Record<string, unknown>): Promise<{ token: string; expiresAt: Date }> {
    const payload = customTokenClaims(this.clientEmail, uid, claims, this.clock.now());
    const token = await new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
      .sign(
        (this.key ??= createPrivateKey(
          normalisePem(typeof this.privateKeyPem === 'string' ? this.privateKeyPem : this.privateKeyPem()),
        )),
      );
    return { token, expiresAt: new Date(payload.exp * 1000) };
  }
}
