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

/**
 * A batch's Firestore writes: computed documents read first, one commit per MAX_BATCH_WRITES, in id order.
 * A key whose write failed writes nothing after it in this batch (a session's later messages wait for it).
 */
export async function deliverRealtime(deps: DeliveryDeps, claimed: OutboxRow[]): Promise<Outcome[]> {
  if (claimed.length === 0) return [];
  const { rows, writes, outcomes: settled } = await resolveWrites(deps.db, deps.computers, claimed);
  if (rows.length === 0) return settled;
  const { realtime } = deps;
  if (!realtime.writeBatch || rows.length === 1) return [...settled, ...(await deliverEach(deps, rows, writes))];
  const outcomes: Outcome[] = [...settled];
  const failedKeys = new Set<string>();
  for (let i = 0; i < rows.length; i += MAX_BATCH_WRITES) {
    const chunk = rows.slice(i, i + MAX_BATCH_WRITES);
    const chunkWrites = writes.slice(i, i + MAX_BATCH_WRITES);
    const go = chunk.map((r, at) => ({ r, w: chunkWrites[at]! }));
    const held = go.filter(({ r }) => r.ordering_key !== null && failedKeys.has(r.ordering_key));
    outcomes.push(...held.map(({ r }) => fail(r, BEHIND_A_FAILED_WRITE)));
    const sent = held.length ? go.filter((x) => !held.includes(x)) : go;
    try {
      await realtime.writeBatch(sent.map((x) => x.w));
      outcomes.push(...sent.map(({ r }) => ({ id: r.id, ok: true as const })));
    } catch {
      // One bad write must not hold every other document back: retry this chunk one by one, each key in order.
      const keyOf = new Map(sent.map(({ r }) => [r.id, r.ordering_key]));
      const each = await deliverEach(
        deps,
        sent.map((x) => x.r),
        sent.map((x) => x.w),
      );
      for (const o of each) if (!o.ok && keyOf.get(o.id)) failedKeys.add(keyOf.get(o.id)!);
      outcomes.push(...each);
    }
  }
  return outcomes;
}

const BEHIND_A_FAILED_WRITE = new Error('an earlier write with its ordering key did not land');

/**
 * Rows delivered concurrently, bounded, except rows that share an ordering key (a session's messages):
 * those go one after another in id order, and after one fails the rest of them are not tried. Realtime
 * rows come with their resolved writes.
 */
export async function deliverEach(deps: DeliveryDeps, rows: OutboxRow[], writes?: RealtimeWrite[]): Promise<Outcome[]> {
  const lanes = new Map<string | number, number[]>();
  rows.forEach((r, at) => {
    const lane = r.ordering_key ?? r.id;
    const list = lanes.get(lane);
    if (list) list.push(at);
    else lanes.set(lane, [at]);
  });
  const queue = [...lanes.values()];
  const outcomes: Outcome[] = [];
  const worker = async () => {
    for (let lane = queue.shift(); lane; lane = queue.shift()) {
      let failed = false;
      for (const at of lane) {
        const row = rows[at]!;
        if (failed) {
          outcomes.push(fail(row, BEHIND_A_FAILED_WRITE));
          continue;
        }
        try {
          const w = writes?.[at];
          if (w) await write(deps, w);
          else
            await deliver(deps, { kind: row.kind, ...row.payload } as Exclude<
              OutboxItem,
              { kind: 'push' | 'realtime' }
            >);
          outcomes.push({ id: row.id, ok: true });
        } catch (err) {
          failed = true;
          outcomes.push(fail(row, err));
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(deps.concurrency ?? 32, queue.length) }, worker));
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
