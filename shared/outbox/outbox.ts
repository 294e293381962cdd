import type { Queryable } from '../db/pool';
import type { PublishedEvent } from '../ports/event-bus';
import type { PushMessage } from '../ports/push';
import type { RealtimeDoc } from '../ports/realtime';

export type OutboxItem =
  | { kind: 'task'; name: string; path: string; body: Record<string, unknown>; runAt: string }
  | { kind: 'event'; event: PublishedEvent }
  | { kind: 'realtime'; op: 'set'; path: string; data: RealtimeDoc; merge?: boolean }
  | { kind: 'realtime'; op: 'delete'; path: string }
  | { kind: 'push'; message: PushMessage }
  /** A blast's pushes, one per device, sent together (FCM sendEach) as one row. */
  | { kind: 'push'; messages: PushMessage[] };

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

/** One effect and its optional dedupe key, for `enqueueMany`. */
export interface OutboxEntry {
  item: OutboxItem;
  dedupeKey?: string;
}

/**
 * `enqueue` for N effects in one statement: rows get ids in the given order (per-document delivery
 * order follows ids), a dedupe key already present skips its row. The rows go as one JSON array: as
 * text[] parameters every quote of every payload was escaped into an array literal first (the largest
 * single cost of a 100-mitra blast). Returns how many rows were inserted.
 */
export async function enqueueMany(q: Queryable, entries: readonly OutboxEntry[]): Promise<number> {
  if (entries.length === 0) return 0;
  if (entries.length === 1) return Number(await enqueue(q, entries[0]!.item, entries[0]!.dedupeKey));
  return (await insertEntries(q, entries, false)).rowCount ?? 0;
}

/** `enqueueMany` that says which dedupe keys it inserted: the effects this trigger is the first to record. */
export async function enqueueFirst(q: Queryable, entries: readonly OutboxEntry[]): Promise<Set<string>> {
  if (entries.length === 0) return new Set();
  const { rows } = await insertEntries(q, entries, true);
  return new Set(rows.map((r: { dedupe_key: string | null }) => r.dedupe_key).filter((k) => k !== null));
}

function insertEntries(q: Queryable, entries: readonly OutboxEntry[], returnKeys: boolean) {
  const rows = entries.map(({ item: { kind, ...payload }, dedupeKey }) => ({ kind, payload, key: dedupeKey ?? null }));
  return q.query(
    `INSERT INTO outbox (kind, payload, dedupe_key)
     SELECT r->>'kind', r->'payload', r->>'key'
     FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS u(r, ord)
     ORDER BY u.ord
     ON CONFLICT (dedupe_key) DO NOTHING${returnKeys ? ' RETURNING dedupe_key' : ''}`,
    [JSON.stringify(rows)],
  );
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
  pushes: (messages: PushMessage[]): OutboxItem => ({ kind: 'push', messages }),
};
