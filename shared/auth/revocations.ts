import type { Clock } from '../clock';
import type { Queryable } from '../db/pool';
import { revokedSince } from './repo/auth-sessions';

/**
 * Which auth sessions were revoked recently enough that their access tokens could still be alive.
 * Refreshed from Postgres at most every half of REVOCATION_MAX_LAG_SECONDS, so a request does not
 * pay a database round trip, and a revocation is enforced everywhere within the lag.
 */
export class RevocationCache {
  private revoked = new Set<string>();
  private syncedAt = -Infinity;
  private inflight?: Promise<void>;

  constructor(
    private readonly db: Queryable,
    private readonly clock: Clock,
    private readonly maxLagSeconds: number,
    private readonly accessTtlSeconds: number,
  ) {}

  async isRevoked(sessionId: string): Promise<boolean> {
    if (this.clock.now().getTime() - this.syncedAt >= (this.maxLagSeconds * 1000) / 2) {
      this.inflight ??= this.sync().finally(() => (this.inflight = undefined));
      await this.inflight;
    }
    return this.revoked.has(sessionId);
  }

  /** This instance's own revocations apply at once. */
  markRevoked(sessionId: string): void {
    this.revoked.add(sessionId);
  }

  private async sync(): Promise<void> {
    const now = this.clock.now();
    // Older revocations cannot matter: every access token they covered has expired.
    const since = new Date(now.getTime() - (this.accessTtlSeconds + 60) * 1000);
    this.revoked = new Set(await revokedSince(this.db, since));
    this.syncedAt = now.getTime();
  }
}
