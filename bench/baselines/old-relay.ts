// The outbox relay as it was before "Outbox relay: batch claim" (git show ce417b6^:shared/outbox/relay.ts),
// kept verbatim but for import paths and the class name, so bench/relay.bench.ts can measure before/after.
import type { Db } from '../../shared/db/pool';
import type { Logger } from '../../shared/logger';
import type { EventBus } from '../../shared/ports/event-bus';
import type { Push, PushMessage } from '../../shared/ports/push';
import type { Realtime } from '../../shared/ports/realtime';
import type { TaskScheduler } from '../../shared/ports/task-scheduler';
import type { OutboxItem } from '../../shared/outbox';

export interface OutboxRelayDeps {
  db: Db;
  scheduler: TaskScheduler;
  eventBus: EventBus;
  realtime: Realtime;
  push: Push;
  logger: Logger;
  /** Called when FCM reports a device token as unregistered (the auth service deletes it). */
  onUnregisteredToken?: (message: PushMessage) => Promise<void>;
  /** Rows claimed per batch (default 50). */
  batchSize?: number;
}

interface OutboxRow {
  id: number;
  kind: OutboxItem['kind'];
  payload: Record<string, unknown>;
  attempts: number;
}

const LEASE_SECONDS = 30;
const MAX_OUTBOX_ATTEMPTS = 25;

/**
 * Delivers committed side effects, at least once, with backoff on failure. Writes to one Firestore
 * document go strictly in outbox order, across instances: the claim hands out only the oldest
 * pending write per document, so a failing write holds the later ones back until it lands.
 */
export class OldOutboxRelay {
  private draining?: Promise<number>;
  private again = false;

  constructor(private readonly deps: OutboxRelayDeps) {}

  /** Fire-and-forget drain after a commit; failures stay in the table for the next pass. */
  kick(): void {
    this.drainAll().catch((err: Error) => this.deps.logger.error('outbox drain failed', { error: err.message }));
  }

  /** Drains until nothing is due; concurrent callers share one pass and trigger one more. */
  async drainAll(): Promise<number> {
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    this.draining = (async () => {
      let total = 0;
      do {
        this.again = false;
        for (let n = await this.drain(); n > 0; n = await this.drain()) total += n;
      } while (this.again);
      return total;
    })().finally(() => (this.draining = undefined));
    return this.draining;
  }

  /** One batch; returns how many rows were delivered. */
  async drain(limit = this.deps.batchSize ?? 50): Promise<number> {
    const { rows } = await this.deps.db.query<OutboxRow>(
      `UPDATE outbox SET available_at = now() + make_interval(secs => $2), attempts = attempts + 1
       WHERE id IN (SELECT o.id FROM outbox o
                    WHERE o.delivered_at IS NULL AND o.available_at <= now() AND o.attempts < $3
                      -- per-document order across instances: only the oldest pending write to a path
                      AND (o.ordering_key IS NULL OR NOT EXISTS (
                        SELECT 1 FROM outbox p WHERE p.ordering_key = o.ordering_key AND p.id < o.id
                          AND p.delivered_at IS NULL AND p.attempts < $3))
                    ORDER BY o.id LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING id, kind, payload, attempts`,
      [limit, LEASE_SECONDS, MAX_OUTBOX_ATTEMPTS],
    );
    rows.sort((a, b) => a.id - b.id);
    let delivered = 0;
    for (const row of rows) {
      const item = { kind: row.kind, ...row.payload } as OutboxItem;
      try {
        await this.deliver(item);
        await this.deps.db.query('UPDATE outbox SET delivered_at = now(), last_error = NULL WHERE id = $1', [row.id]);
        delivered++;
      } catch (err) {
        this.deps.logger.warn('outbox delivery failed', {
          outbox_id: row.id,
          kind: row.kind,
          attempts: row.attempts,
          error: (err as Error).message,
        });
        await this.retryLater(row, (err as Error).message);
      }
    }
    return delivered;
  }

  private async retryLater(row: OutboxRow, error: string): Promise<void> {
    const delay = Math.min(300, 2 ** Math.min(row.attempts, 8));
    await this.deps.db.query(
      'UPDATE outbox SET available_at = now() + make_interval(secs => $2), last_error = $3 WHERE id = $1',
      [row.id, delay, error.slice(0, 500)],
    );
  }

  private async deliver(item: OutboxItem): Promise<void> {
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
      case 'push': {
        if (!('message' in item)) throw new Error('the old relay sent one message per row');
        const result = await this.deps.push.send(item.message);
        if (!result.ok && result.unregistered) await this.deps.onUnregisteredToken?.(item.message);
        else if (!result.ok) throw new Error(result.error);
        return;
      }
    }
  }
}
