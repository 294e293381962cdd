import type { PublishedEvent } from '../ports/event-bus';
import type { PushMessage } from '../ports/push';
import type { RealtimeDoc } from '../ports/realtime';

/** A side effect of a state change: committed with it as an outbox row, delivered by the relay. */
export type OutboxItem =
  | { kind: 'task'; name: string; path: string; body: Record<string, unknown>; runAt: string }
  /**
   * `batch`: published together with the batch's other batched events of the same topic and attributes, as
   * one message whose data is `{ items: [data, …] }` (a subscriber that does the same work for each reads
   * its input in one query instead of one per event).
   */
  | { kind: 'event'; event: PublishedEvent; batch?: true }
  | { kind: 'realtime'; op: 'set'; path: string; data: RealtimeDoc; merge?: boolean }
  | { kind: 'realtime'; op: 'delete'; path: string }
  /**
   * A document whose content the relay computes from Postgres when it writes it (`OutboxRelayDeps.computers`).
   * `merge` false: the computed content is the whole document (absent: merged, as rows recorded before it say).
   */
  | { kind: 'realtime'; op: 'compute'; path: string; compute: string; id: string; merge?: boolean }
  | { kind: 'push'; message: PushMessage }
  /** A blast's pushes, one per device, sent together (FCM sendEach) as one row. */
  | { kind: 'push'; messages: PushMessage[] }
  /**
   * Pushes the relay builds from Postgres when it sends them (`OutboxRelayDeps.pushComputers`): the devices
   * and texts read then, so the statement that records the row reads neither.
   */
  | { kind: 'push'; op: 'compute'; compute: string; id: string };

/** One effect and its optional dedupe key: a redelivered trigger records the same effect only once. */
export interface OutboxEntry {
  item: OutboxItem;
  dedupeKey?: string;
  /** Not delivered before this moment (a coalesced write that lands at the end of its window). */
  notBefore?: Date;
  /**
   * Recorded only when the statement's `conditions` CTE returns this name (`StatementWithEffects`): an
   * effect that depends on what the statement itself found (the other side idle: a push).
   */
  when?: string;
}

/** Builders for every kind of effect. */
export const effect = {
  task: (name: string, path: string, body: Record<string, unknown>, runAt: Date): OutboxItem => ({
    kind: 'task',
    name,
    path,
    body,
    runAt: runAt.toISOString(),
  }),
  event: (event: PublishedEvent): OutboxItem => ({ kind: 'event', event }),
  batchedEvent: (event: PublishedEvent): OutboxItem => ({ kind: 'event', event, batch: true }),
  setDoc: (path: string, data: RealtimeDoc, merge = true): OutboxItem => ({
    kind: 'realtime',
    op: 'set',
    path,
    data,
    merge,
  }),
  deleteDoc: (path: string): OutboxItem => ({ kind: 'realtime', op: 'delete', path }),
  computeDoc: (path: string, compute: string, id: string, merge = true): OutboxItem => ({
    kind: 'realtime',
    op: 'compute',
    path,
    compute,
    id,
    ...(merge ? {} : { merge }),
  }),
  push: (message: PushMessage): OutboxItem => ({ kind: 'push', message }),
  pushes: (messages: PushMessage[]): OutboxItem => ({ kind: 'push', messages }),
  computePushes: (compute: string, id: string): OutboxItem => ({ kind: 'push', op: 'compute', compute, id }),
};

/** An entry without a dedupe key. */
export const entry = (item: OutboxItem, dedupeKey?: string): OutboxEntry => ({ item, dedupeKey });
