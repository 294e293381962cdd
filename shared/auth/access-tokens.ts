import { SignJWT } from 'jose';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import { JwsError, verifyCompactJws } from './compact-jws';
import { publicJwks, type PublicJwk, type SigningKey, type VerificationKey } from '../security/keys';
import type { RevocationCache } from './revocations';

export type UserType = 'customer' | 'mitra' | 'cc_user';
export const USER_TYPES: readonly UserType[] = ['customer', 'mitra', 'cc_user'];

export interface Principal {
  userId: string;
  userType: UserType;
  sessionId: string;
  /** Control-center users only. */
  role?: string;
}

/** A signed-in app user (customer or mitra): what device tokens and Firebase tokens are for. */
export interface MobileUser {
  userType: 'customer' | 'mitra';
  userId: string;
}

/** How far a token's iat may be ahead of our clock (instances' clocks drift a little). */
export const IAT_SKEW_SECONDS = 60;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AccessTokenConfig {
  issuer: string;
  ttlSeconds: number;
}

const isNumericDate = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

const invalid = (message?: string) => new AppError('TOKEN_INVALID', message);

/**
 * Verifies our access tokens (asymmetric, by kid: the current and, while rotating, the previous key;
 * revocation within the lag). Signs them only where the private key is held: the auth function.
 */
export class AccessTokens {
  constructor(
    private readonly signer: SigningKey | undefined,
    private readonly keys: readonly VerificationKey[],
    private readonly cfg: AccessTokenConfig,
    private readonly clock: Clock,
    readonly revocations: RevocationCache,
  ) {}

  get ttlSeconds(): number {
    return this.cfg.ttlSeconds;
  }

  async sign(p: Principal): Promise<string> {
    if (!this.signer) throw new Error('this function holds no signing key: only auth issues access tokens');
    const iat = Math.floor(this.clock.now().getTime() / 1000);
    return new SignJWT({ user_type: p.userType, session_id: p.sessionId, ...(p.role ? { role: p.role } : {}) })
      .setProtectedHeader({ alg: this.signer.alg, kid: this.signer.kid, typ: 'JWT' })
      .setSubject(p.userId)
      .setIssuer(this.cfg.issuer)
      .setIssuedAt(iat)
      .setExpirationTime(iat + this.cfg.ttlSeconds)
      .sign(this.signer.privateKey);
  }

  async verify(token: string): Promise<Principal> {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const payload = await this.verifiedClaims(token, now);
    const { sub, user_type: userType, session_id: sessionId, role, iat, exp } = payload;
    // A signature proves who signed, not that the claims are sane: ids reach SQL as uuids, and a token
    // minted for the future or for longer than the TTL is not one we issued.
    if (typeof sub !== 'string' || !UUID.test(sub)) throw invalid();
    if (typeof sessionId !== 'string' || !UUID.test(sessionId)) throw invalid();
    if (!USER_TYPES.includes(userType as UserType)) throw invalid();
    if (role !== undefined && (typeof role !== 'string' || role.length > 100)) throw invalid();
    if (iat > now + IAT_SKEW_SECONDS) throw invalid('Token akses dibuat di masa depan');
    if (exp - iat > this.cfg.ttlSeconds) throw invalid('Masa berlaku token akses terlalu panjang');
    if (await this.revocations.isRevoked(sessionId)) throw invalid('Sesi ini sudah keluar');
    return { userId: sub, userType: userType as UserType, sessionId, ...(typeof role === 'string' ? { role } : {}) };
  }

  /** Signature by our current or previous key (picked by kid), then the registered claims as jose checks them. */
  private async verifiedClaims(
    token: string,
    now: number,
  ): Promise<Record<string, unknown> & { iat: number; exp: number }> {
    let payload: Record<string, unknown>;
    try {
      payload = (await verifyCompactJws(token, (header) => this.keys.find((k) => k.kid === header.kid))).payload;
    } catch (err) {
      if (err instanceof JwsError) throw invalid();
      throw err;
    }
    const { iss, iat, exp, nbf } = payload;
    if (iss !== this.cfg.issuer || payload.sub === undefined) throw invalid();
    if (!isNumericDate(iat) || !isNumericDate(exp) || (nbf !== undefined && !isNumericDate(nbf))) throw invalid();
    if (nbf !== undefined && nbf > now) throw invalid();
    if (exp <= now) throw new AppError('TOKEN_EXPIRED');
    return payload as Record<string, unknown> & { iat: number; exp: number };
  }

  jwks(): { keys: PublicJwk[] } {
    return publicJwks(this.keys);
  }
}
