import { createPrivateKey, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import type { Clock } from '../clock';
import { normalisePem } from './keys';

export const FIREBASE_CUSTOM_TOKEN_AUDIENCE =
  'https://identitytoolkit.googleapis.com/google.identity.identitytoolkit.v1.IdentityToolkit';

/** Firebase custom tokens minted with jose (never firebase-admin's auth), RS256, at most 1 h. */
export class FirebaseTokenMinter {
  private key?: KeyObject;

  /** `privateKeyPem` may be a function: the local throwaway key is only generated when first needed. */
  constructor(
    private readonly clientEmail: string,
    private readonly privateKeyPem: string | (() => string),
    private readonly clock: Clock,
  ) {}

  async mint(uid: string, claims: Record<string, unknown>): Promise<{ token: string; expiresAt: Date }> {
    const iat = Math.floor(this.clock.now().getTime() / 1000);
    const exp = iat + 3600;
    const token = await new SignJWT({ uid, claims })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
      .setIssuer(this.clientEmail)
      .setSubject(this.clientEmail)
      .setAudience(FIREBASE_CUSTOM_TOKEN_AUDIENCE)
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .sign(
        (this.key ??= createPrivateKey(
          normalisePem(typeof this.privateKeyPem === 'string' ? this.privateKeyPem : this.privateKeyPem()),
        )),
      );
    return { token, expiresAt: new Date(exp * 1000) };
  }
}
