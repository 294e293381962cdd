import type { PublishedEvent } from '../ports/event-bus';
import type { OutboxItem } from './effects';
import type { OutboxRow } from './relay-repo';

type EventItem = Extract<OutboxItem, { kind: 'event' }>;

/** A batch's batched events of one topic and attributes, published as one message, and the rows it delivers. */
export interface EventGroup {
  rows: OutboxRow[];
  event: PublishedEvent;
}

/**
 * Splits a batch's event rows: the batched ones (`effect.batchedEvent`) grouped by topic and attributes,
 * each group one event whose data is `{ items }` in claim order; the others as they are. A claimed batch
 * holds at most MAX_BATCH_WRITES rows, so a group's message stays far under Pub/Sub's 10 MB.
 */
export function groupEvents(rows: OutboxRow[]): { single: OutboxRow[]; groups: EventGroup[] } {
  const single: OutboxRow[] = [];
  const groups = new Map<string, EventGroup & { items: unknown[] }>();
  for (const row of rows) {
    const item = row.payload as Omit<EventItem, 'kind'>;
    if (!item.batch) {
      single.push(row);
      continue;
    }
    const { topic, attributes, data } = item.event;
    const key = JSON.stringify([topic, Object.entries(attributes ?? {}).sort()]);
    let group = groups.get(key);
    if (!group) {
      const items: unknown[] = [];
      group = { rows: [], items, event: { topic, data: { items }, ...(attributes ? { attributes } : {}) } };
      groups.set(key, group);
    }
    group.rows.push(row);
    group.items.push(data);
  }
  return { single, groups: [...groups.values()].map(({ rows, event }) => ({ rows, event })) };
}
