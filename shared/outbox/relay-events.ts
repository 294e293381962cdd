import type { PublishedEvent } from '../ports/event-bus';
import type { OutboxItem } from './effects';
import type { OutboxRow } from './relay-repo';

type EventItem = Extract<OutboxItem, { kind: 'event' }>;

/** A batch's batched events of one topic and attributes, published as one message, and the rows it delivers. */
export interface EventGroup {
  rows: OutboxRow[];
  event: PublishedEvent;
}

/** The most items one batched event carries: what a subscriber may rely on (far under Pub/Sub's 10 MB). */
export const MAX_EVENT_ITEMS = 500;

/**
 * Splits a batch's event rows: the batched ones (`effect.batchedEvent`) grouped by topic and attributes,
 * each group one event whose data is `{ items }` in claim order, MAX_EVENT_ITEMS at most; the others as
 * they are.
 */
export function groupEvents(rows: OutboxRow[]): { single: OutboxRow[]; groups: EventGroup[] } {
  const single: OutboxRow[] = [];
  const groups = new Map<string, EventGroup & { items: unknown[] }>();
  const full: Array<EventGroup & { items: unknown[] }> = [];
  for (const row of rows) {
    const item = row.payload as Omit<EventItem, 'kind'>;
    if (!item.batch) {
      single.push(row);
      continue;
    }
    const { topic, attributes, data } = item.event;
    const key = JSON.stringify([topic, Object.entries(attributes ?? {}).sort()]);
    let group = groups.get(key);
    if (!group || group.items.length === MAX_EVENT_ITEMS) {
      if (group) full.push(group);
      const items: unknown[] = [];
      group = { rows: [], items, event: { topic, data: { items }, ...(attributes ? { attributes } : {}) } };
      groups.set(key, group);
    }
    group.rows.push(row);
    group.items.push(data);
  }
  return { single, groups: [...full, ...groups.values()].map(({ rows, event }) => ({ rows, event })) };
}
