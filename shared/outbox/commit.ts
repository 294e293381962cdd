import type { Db, Queryable } from '../db/pool';
import { tx } from '../db/tx';
import type { OutboxEntry } from './effects';
import { insertEntries, runWithEntries, type StatementWithEffects } from './enqueue';

/** A transaction that can record side effects: they commit with its changes, or not at all. */
export interface Tx extends Queryable {
  /** Records effects (outbox rows, in this order); returns how many were new (not already recorded). */
  enqueue(entries: readonly OutboxEntry[]): Promise<number>;
  /** `enqueue` that says which dedupe keys this call recorded first: the effects this trigger owns. */
  enqueueFirst(entries: readonly OutboxEntry[]): Promise<Set<string>>;
}

/** What delivers committed effects: woken after every commit that recorded one. */
export interface Wakeable {
  kick(): void;
  /** Wakes it again when an effect scheduled for later becomes due. */
  kickAt?(at: Date): void;
}

/**
 * Runs `fn` in one transaction and, once it committed, wakes the relay if it recorded any effect.
 * The only way to record effects, so no use case has to remember to deliver them.
 */
export async function commitWithEffects<T>(deps: { db: Db; relay: Wakeable }, fn: (t: Tx) => Promise<T>): Promise<T> {
  let recorded = 0;
  let later: Date | undefined;
  const result = await tx(deps.db, (client) => {
    const noteRecorded = (entries: readonly OutboxEntry[], inserted: number) => {
      recorded += inserted;
      const due = earliestDue(entries);
      if (due && (!later || due < later)) later = due;
    };
    const record = async (entries: readonly OutboxEntry[]) => {
      const r = await insertEntries(client, entries);
      noteRecorded(entries, r.inserted);
      return r;
    };
    const t: Tx = {
      query: client.query.bind(client) as Queryable['query'],
      enqueue: async (entries) => (await record(entries)).inserted,
      enqueueFirst: async (entries) => (await record(entries)).keys,
    };
    return fn(t);
  });
  if (recorded > 0) deps.relay.kick();
  if (recorded > 0 && later) deps.relay.kickAt?.(later);
  return result;
}

/**
 * A state change and its effects that are ONE statement (`StatementWithEffects`), run on its own: one
 * statement is one transaction, so it needs no BEGIN and COMMIT (two round trips fewer on a hot path).
 * Wakes the relay as `commitWithEffects` does. Returns the statement's rows.
 */
export async function commitStatementWithEffects<R extends object>(
  deps: { db: Db; relay: Wakeable },
  statement: StatementWithEffects,
  entries: readonly OutboxEntry[],
): Promise<R[]> {
  const rows = await runWithEntries<R>(deps.db, statement, entries);
  if (rows.length > 0) {
    deps.relay.kick();
    const later = earliestDue(entries);
    if (later) deps.relay.kickAt?.(later);
  }
  return rows;
}

/** When the first of the entries scheduled for later is due (the relay is woken again then). */
function earliestDue(entries: readonly OutboxEntry[]): Date | undefined {
  let at: Date | undefined;
  for (const e of entries) if (e.notBefore && (!at || e.notBefore < at)) at = e.notBefore;
  return at;
}
