import type { Logger } from '../logger';
import { MAX_BATCH_WRITES } from '../ports/realtime';
import type { OutboxItem } from './effects';
import { deliverEach, deliverPushRows, deliverRealtime, publishGroup, type DeliveryDeps } from './relay-deliver';
import { claimBatch } from './relay-repo';
import { groupEvents } from './relay-events';
import { MAX_OUTBOX_ATTEMPTS, recordOutcomes, type Outcome } from './relay-outcomes';

/** DeliveryDeps: the providers and computers; PushDeps within it: FCM, the unregistered-token hook, the push budget. */
export interface OutboxRelayDeps extends DeliveryDeps {
  logger: Logger;
  /** Rows claimed per batch (default 500: one Firestore commit, so one snapshot per listener it touches). */
  batchSize?: number;
  /** Batches in flight at once (default 3): one is claimed and marked in Postgres while another is written out. */
  batchesInFlight?: number;
  /** How long a kick waits for a running batch's next claim before one starts alongside (default WIDEN_AFTER_MS). */
  widenAfterMs?: number;
}

const LEASE_SECONDS = 30;
/** How long a kick waits for a running batch's next claim before a batch starts alongside for it. */
const WIDEN_AFTER_MS = 50;

/**
 * Delivers committed side effects, at least once, with backoff on failure. Writes to one Firestore
 * document go strictly in outbox order, across instances: the claim hands out only the oldest
 * pending write per document, so a batch never holds two writes to one document, its Firestore
 * writes can go in one batched commit, and a failing write holds the later ones back until it lands.
 */
export class OutboxRelay {
  private draining?: Promise<number>;
  private again = false;
  private readonly workers = new Set<Promise<void>>();
  private delivered = 0;
  private failure: unknown;

  constructor(private readonly deps: OutboxRelayDeps) {}

  /** Fire-and-forget drain after a commit; failures stay in the table for the next pass. */
  kick(): void {
    this.drainAll().catch((err: Error) => this.deps.logger.error('outbox drain failed', { error: err.message }));
  }

  private readonly wakeups = new Map<number, NodeJS.Timeout>();
  /** When the oldest kick that no claim has started since came in (performance.now()). */
  private kickedAt?: number;
  private widenTimer?: NodeJS.Timeout;

  /**
   * A drain when an effect scheduled for later (a coalesced write at the end of its window) is due: one
   * timer per tenth of a second, so a burst of commits sets one. Lost with the instance, in which case
   * the next commit's drain or the scheduled one delivers it.
   */
  kickAt(at: Date): void {
    const slot = Math.ceil(at.getTime() / 100) * 100;
    if (this.wakeups.has(slot)) return;
    const delay = Math.max(0, slot - this.now().getTime()) + 5;
    const timer = setTimeout(() => {
      this.wakeups.delete(slot);
      this.kick();
    }, delay);
    timer.unref();
    this.wakeups.set(slot, timer);
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  /**
   * Drains every `ms` until the returned function is called: what catches rows whose delivery failed
   * or whose kick was lost with an instance (in GCP the scheduled drain of the workers function).
   */
  poll(ms: number): () => void {
    const timer = setInterval(() => this.kick(), ms);
    return () => clearInterval(timer);
  }

  /**
   * Drains until nothing is due; concurrent callers share the drain and make it look once more. A batch
   * that comes back full starts another alongside while fewer than `batchesInFlight` are under way, and so
   * does a call (a commit's kick) that no batch has started to claim for within WIDEN_AFTER_MS (a slow
   * write-out, a hung publish): until then the next claim of a running batch takes the new rows, so a
   * busy relay writes fewer, fuller batches. That is as safe as several instances draining: the claim
   * skips locked and leased rows and never hands out a write to a document while an older one to it is
   * undelivered.
   */
  async drainAll(): Promise<number> {
    if (this.draining) {
      this.again = true;
      this.kickedAt ??= performance.now();
      this.widenIfWaiting();
      return this.draining;
    }
    this.delivered = 0;
    this.widen();
    this.draining = (async () => {
      try {
        while (this.workers.size) await Promise.all([...this.workers]);
        if (this.failure !== undefined) throw this.failure;
        return this.delivered;
      } finally {
        this.failure = undefined;
        // In the same turn as the last check, so a caller arriving now starts a new drain.
        this.draining = undefined;
      }
    })();
    return this.draining;
  }

  /** Another batch alongside once a kick has waited WIDEN_AFTER_MS for a claim to start. */
  private widenIfWaiting(): void {
    if (this.kickedAt === undefined || this.widenTimer) return;
    const after = this.deps.widenAfterMs ?? WIDEN_AFTER_MS;
    const waited = performance.now() - this.kickedAt;
    if (waited >= after) {
      this.kickedAt = undefined;
      this.widen();
      return;
    }
    this.widenTimer = setTimeout(() => {
      this.widenTimer = undefined;
      if (this.draining) this.widenIfWaiting();
    }, after - waited);
    this.widenTimer.unref();
  }

  private widen(): void {
    if (this.workers.size >= (this.deps.batchesInFlight ?? 3)) return;
    // Never rejects: its error fails the drain once the others finish, so no batch rejects unobserved.
    const worker = this.work()
      .catch((err: unknown) => void (this.failure ??= err))
      .finally(() => this.workers.delete(worker));
    this.workers.add(worker);
  }

  private async work(): Promise<void> {
    const size = this.deps.batchSize ?? MAX_BATCH_WRITES;
    for (;;) {
      // Claimed, not delivered, decides: failed rows are rescheduled into the future, so a batch that
      // failed whole must not stop the rows queued behind it.
      this.kickedAt = undefined; // this claim sees every row committed before it
      const { claimed, delivered } = await this.batch(size);
      this.delivered += delivered;
      if (claimed >= size) this.widen();
      if (claimed > 0) continue;
      if (!this.again) return;
      this.again = false;
    }
  }

  /** One batch; returns how many rows were delivered. */
  async drain(limit = this.deps.batchSize ?? MAX_BATCH_WRITES): Promise<number> {
    return (await this.batch(limit)).delivered;
  }

  private async batch(limit: number): Promise<{ claimed: number; delivered: number }> {
    const rows = await claimBatch(this.deps.db, limit, LEASE_SECONDS, MAX_OUTBOX_ATTEMPTS, this.now());
    if (rows.length === 0) return { claimed: 0, delivered: 0 };
    const byKind = (kind: OutboxItem['kind']) => rows.filter((r) => r.kind === kind);
    const events = groupEvents(byKind('event'));
    const record = (outcomes: Outcome[]) => recordOutcomes(this.deps.db, this.deps.logger, outcomes);
    let othersDone: Outcome[] | undefined;
    const others = Promise.all([
      deliverPushRows(this.deps, byKind('push')),
      deliverEach(this.deps, [...byKind('task'), ...events.single]),
      ...events.groups.map((g) => publishGroup(this.deps, g)),
    ]).then((o) => (othersDone = o.flat()));
    // Awaited below; observed now too, should the realtime half fail first (its rows then wait for their lease).
    others.catch(() => undefined);
    // A session's next message is claimable only once this one is recorded delivered, so the ordered
    // writes are recorded as soon as they land, not after the batch's pushes and events have gone out too;
    // with them, in one statement, when those went out first (as a publish usually does).
    const written = await deliverRealtime(this.deps, byKind('realtime'));
    const together = othersDone !== undefined;
    await record(together ? [...written, ...othersDone!] : written);
    const rest = await others;
    if (!together) await record(rest);
    const outcomes = [...written, ...rest];
    return { claimed: rows.length, delivered: outcomes.filter((o) => o.ok).length };
  }
}
