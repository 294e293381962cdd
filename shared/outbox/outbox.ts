import type { Queryable } from '../db/pool';
import type { PublishedEvent } from '../ports/event-bus';
import type { PushMessage } from '../ports/push';
import type { RealtimeDoc } from '../ports/realtime';

export type OutboxItem =
  | { kind: 'task'; name: string; path: string; body: Record<string, unknown>; runAt: string }
  | { kind: 'event'; event: PublishedEvent }
  | { kind: 'realtime'; op: 'set'; path: string; data: RealtimeDoc; merge?: boolean }
  | { kind: 'realtime'; op: 'delete'; path: string }
  | { kind: 'push'; message: PushMessage };

/**
 * Records a side effect in the caller's transaction, so it commits (or not) with the state change.
 * A dedupe key makes a redelivered trigger enqueue the same effect only once.
 */
export async function enqueue(q: Queryable, item: OutboxItem, dedupeKey?: string): Promise<boolean> {
  const { kind, ...payload } = item;
  const res = await q.query(
    `INSERT INTO outbox (kind, payload, dedupe_key) VALUES ($1, $2, $3) ON CONFLICT (dedupe_key) DO NOTHING`,
    [kind, JSON.stringify(payload), dedupeKey ?? null],
  );
  return (res.rowCount ?? 0) > 0;
}

export const outbox = {
  task: (name: string, path: string, body: Record<string, unknown>, runAt: Date): OutboxItem => ({
    kind: 'task',
    name,
    path,
    body,
    runAt: runAt.toISOString(),
  }),
  event: (event: PublishedEvent): OutboxItem => ({ kind: 'event', event }),
  setDoc: (path: string, data: RealtimeDoc, merge = true): OutboxItem => ({
    kind: 'realtime',
    op: 'set',
    path,
    data,
    merge,
  }),
  deleteDoc: (path: string): OutboxItem => ({ kind: 'realtime', op: 'delete', path }),
  push: (message: PushMessage): OutboxItem => ({ kind: 'push', message }),
};
