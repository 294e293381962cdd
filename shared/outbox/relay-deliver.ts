import type { Db } from '../db/pool';
import type { EventBus } from '../ports/event-bus';
import { MAX_BATCH_WRITES, type Realtime, type RealtimeWrite } from '../ports/realtime';
import type { TaskScheduler } from '../ports/task-scheduler';
import type { OutboxItem } from './effects';
import type { OutboxRow } from './relay-repo';
import { resolveWrites, type Computers } from './relay-computed';
import type { EventGroup } from './relay-events';
import { fail, type Outcome } from './relay-outcomes';
import { resolvePushes, type PushComputers } from './relay-push-computed';
import { deliverPushes, type PushDeps } from './relay-pushes';

/** What delivering a claimed batch needs: the providers, and the computers of computed rows. */
export interface DeliveryDeps extends PushDeps {
  db: Db;
  scheduler: TaskScheduler;
  eventBus: EventBus;
  realtime: Realtime;
  /** Tasks and events delivered at once (default 32). */
  concurrency?: number;
  /**
   * The documents the relay computes when it writes them (`effect.computeDoc`), by name: each reads the
   * current values of a batch's ids in one query (a coalesced counter write reads what its window left).
   */
  computers?: Computers;
  /** The pushes the relay builds when it sends them (`effect.computePushes`), by name: one query per batch. */
  pushComputers?: PushComputers;
}

/** A batch's Firestore writes: computed documents read first, one commit per MAX_BATCH_WRITES. */
export async function deliverRealtime(deps: DeliveryDeps, claimed: OutboxRow[]): Promise<Outcome[]> {
  if (claimed.length === 0) return [];
  const { rows, writes, outcomes: settled } = await resolveWrites(deps.db, deps.computers, claimed);
  if (rows.length === 0) return settled;
  const { realtime } = deps;
  if (realtime.writeBatch && rows.length > 1) {
    const outcomes: Outcome[] = [];
    for (let i = 0; i < rows.length; i += MAX_BATCH_WRITES) {
      const chunk = rows.slice(i, i + MAX_BATCH_WRITES);
      try {
        await realtime.writeBatch(writes.slice(i, i + MAX_BATCH_WRITES));
        outcomes.push(...chunk.map((r) => ({ id: r.id, ok: true as const })));
      } catch {
        // One bad write must not hold every other document back: retry this chunk one by one.
        outcomes.push(...(await deliverEach(deps, chunk, writes.slice(i, i + MAX_BATCH_WRITES))));
      }
    }
    return [...settled, ...outcomes];
  }
  return [...settled, ...(await deliverEach(deps, rows, writes))];
}

/**
 * Independent rows delivered concurrently, bounded (the claim hands out one row per ordering key, so no
 * two of them are ordered). Realtime rows come with their resolved writes.
 */
export async function deliverEach(deps: DeliveryDeps, rows: OutboxRow[], writes?: RealtimeWrite[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const limit = deps.concurrency ?? 32;
  let next = 0;
  const worker = async () => {
    while (next < rows.length) {
      const at = next++;
      const row = rows[at]!;
      try {
        const w = writes?.[at];
        if (w) await write(deps, w);
        else
          await deliver(deps, { kind: row.kind, ...row.payload } as Exclude<OutboxItem, { kind: 'push' | 'realtime' }>);
        outcomes.push({ id: row.id, ok: true });
      } catch (err) {
        outcomes.push(fail(row, err));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, rows.length) }, worker));
  return outcomes;
}

export async function deliverPushRows(deps: DeliveryDeps, claimed: OutboxRow[]): Promise<Outcome[]> {
  if (claimed.length === 0) return [];
  const { rows, outcomes } = await resolvePushes(deps.db, deps.pushComputers, claimed);
  return [...outcomes, ...(await deliverPushes(deps, rows))];
}

/** A group of batched events is one message: its rows are delivered, or fail, together. */
export async function publishGroup(deps: DeliveryDeps, g: EventGroup): Promise<Outcome[]> {
  try {
    await deps.eventBus.publish(g.event);
    return g.rows.map((r) => ({ id: r.id, ok: true as const }));
  } catch (err) {
    return g.rows.map((r) => fail(r, err));
  }
}

async function deliver(deps: DeliveryDeps, item: Exclude<OutboxItem, { kind: 'push' | 'realtime' }>): Promise<void> {
  if (item.kind === 'task')
    return deps.scheduler.schedule({
      name: item.name,
      path: item.path,
      body: item.body,
      runAt: new Date(item.runAt),
    });
  await deps.eventBus.publish(item.event);
}

function write(deps: DeliveryDeps, w: RealtimeWrite): Promise<void> {
  return w.op === 'set' ? deps.realtime.set(w.path, w.data, { merge: w.merge }) : deps.realtime.delete(w.path);
}
