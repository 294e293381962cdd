import type { Db } from '../db/pool';
import type { Logger } from '../logger';
import type { EventBus } from '../ports/event-bus';
import { MAX_BATCH_WRITES, type Realtime, type RealtimeWrite } from '../ports/realtime';
import type { TaskScheduler } from '../ports/task-scheduler';
import type { OutboxItem } from './effects';
import { claimBatch, type OutboxRow } from './relay-repo';
import { fail, MAX_OUTBOX_ATTEMPTS, recordOutcomes, type Outcome } from './relay-outcomes';
import { deliverPushes, type PushDeps } from './relay-pushes';

/** PushDeps: FCM, the unregistered-token hook, the push budget. */
export interface OutboxRelayDeps extends PushDeps {
  db: Db;
  scheduler: TaskScheduler;
  eventBus: EventBus;
  realtime: Realtime;
  logger: Logger;
  /** Rows claimed per batch (default 500: one Firestore commit, so one snapshot per listener it touches). */
  batchSize?: number;
  /** Tasks and events delivered at once (default 32). */
  concurrency?: number;
  /** Batches in flight at once (default 3): one is claimed and marked in Postgres while another is written out. */
  batchesInFlight?: number;
}

const LEASE_SECONDS = 30;

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

  /**
   * Drains every `ms` until the returned function is called: what catches rows whose delivery failed
   * or whose kick was lost with an instance (in GCP the scheduled drain of the workers function).
   */
  poll(ms: number): () => void {
    const timer = setInterval(() => this.kick(), ms);
    return () => clearInterval(timer);
  }

  /**
   * Drains until nothing is due; concurrent callers share the drain and make it look once more. Each call
   * (each commit's kick) and each batch that comes back full starts another batch alongside while fewer
   * than `batchesInFlight` are under way, so a new row does not wait for the batch being written out.
   * That is as safe as several instances draining: the claim skips locked and leased rows and never hands
   * out a write to a document while an older one to it is undelivered.
   */
  async drainAll(): Promise<number> {
    if (this.draining) {
      this.again = true;
      this.widen();
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
    const rows = await claimBatch(this.deps.db, limit, LEASE_SECONDS, MAX_OUTBOX_ATTEMPTS);
    if (rows.length === 0) return { claimed: 0, delivered: 0 };
    const byKind = (kind: OutboxItem['kind']) => rows.filter((r) => r.kind === kind);
    const outcomes = (
      await Promise.all([
        this.deliverRealtime(byKind('realtime')),
        deliverPushes(this.deps, byKind('push')),
        this.deliverEach([...byKind('task'), ...byKind('event')]),
      ])
    ).flat();
    await recordOutcomes(this.deps.db, this.deps.logger, outcomes);
    return { claimed: rows.length, delivered: outcomes.filter((o) => o.ok).length };
  }

  private async deliverRealtime(rows: OutboxRow[]): Promise<Outcome[]> {
    if (rows.length === 0) return [];
    const writes = rows.map((r) =>
      toWrite({ kind: r.kind, ...r.payload } as Extract<OutboxItem, { kind: 'realtime' }>),
    );
    const { realtime } = this.deps;
    if (realtime.writeBatch && rows.length > 1) {
      const outcomes: Outcome[] = [];
      for (let i = 0; i < rows.length; i += MAX_BATCH_WRITES) {
        const chunk = rows.slice(i, i + MAX_BATCH_WRITES);
        try {
          await realtime.writeBatch(writes.slice(i, i + MAX_BATCH_WRITES));
          outcomes.push(...chunk.map((r) => ({ id: r.id, ok: true as const })));
        } catch {
          // One bad write must not hold every other document back: retry this chunk one by one.
          outcomes.push(...(await this.deliverEach(chunk)));
        }
      }
      return outcomes;
    }
    return this.deliverEach(rows);
  }

  /** Independent rows delivered concurrently, bounded. */
  private async deliverEach(rows: OutboxRow[]): Promise<Outcome[]> {
    const outcomes: Outcome[] = [];
    const limit = this.deps.concurrency ?? 32;
    let next = 0;
    const worker = async () => {
      while (next < rows.length) {
        const row = rows[next++]!;
        try {
          await this.deliver({ kind: row.kind, ...row.payload } as Exclude<OutboxItem, { kind: 'push' }>);
          outcomes.push({ id: row.id, ok: true });
        } catch (err) {
          outcomes.push(fail(row, err));
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(limit, rows.length) }, worker));
    return outcomes;
  }

  private async deliver(item: Exclude<OutboxItem, { kind: 'push' }>): Promise<void> {
    switch (item.kind) {
      case 'task':
        return this.deps.scheduler.schedule({
          name: item.name,
          path: item.path,
          body: item.body,
          runAt: new Date(item.runAt),
        });
      case 'event':
        await this.deps.eventBus.publish(item.event);
        return;
      case 'realtime':
        if (item.op === 'set') return this.deps.realtime.set(item.path, item.data, { merge: item.merge ?? true });
        return this.deps.realtime.delete(item.path);
    }
  }
}

function toWrite(item: Extract<OutboxItem, { kind: 'realtime' }>): RealtimeWrite {
  return item.op === 'set'
    ? { op: 'set', path: item.path, data: item.data, merge: item.merge ?? true }
    : { op: 'delete', path: item.path };
}
