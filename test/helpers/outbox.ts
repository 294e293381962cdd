import type { Queryable } from '../../shared/db/pool';
import type { OutboxEntry, OutboxItem } from '../../shared/outbox';
import { insertEntries } from '../../shared/outbox/enqueue';

/** Rows straight into the outbox, as a use case's transaction would record them (tests of the relay itself). */
export async function enqueue(q: Queryable, item: OutboxItem, dedupeKey?: string): Promise<boolean> {
  return (await insertEntries(q, [{ item, dedupeKey }])).inserted > 0;
}

export async function enqueueMany(q: Queryable, entries: readonly OutboxEntry[]): Promise<number> {
  return (await insertEntries(q, entries)).inserted;
}

export async function enqueueFirst(q: Queryable, entries: readonly OutboxEntry[]): Promise<Set<string>> {
  return (await insertEntries(q, entries)).keys;
}
