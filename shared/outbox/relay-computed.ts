import type { Queryable } from '../db/pool';
import type { RealtimeDoc, RealtimeWrite } from '../ports/realtime';
import type { OutboxItem } from './effects';
import { fail, type Outcome } from './relay-outcomes';
import type { OutboxRow } from './relay-repo';

export type Computers = Record<string, (q: Queryable, ids: string[]) => Promise<Map<string, RealtimeDoc>>>;

type RealtimeItem = Extract<OutboxItem, { kind: 'realtime' }>;

/**
 * A batch's writes, computed documents read now (one query per kind of computed document): a row
 * whose document has nothing left to show (its session is gone) is done; a failed read fails its rows.
 */
export async function resolveWrites(q: Queryable, computers: Computers | undefined, claimed: OutboxRow[]) {
  const items = claimed.map((r) => ({ kind: r.kind, ...r.payload }) as RealtimeItem);
  const computed = new Map<string, Map<string, RealtimeDoc>>();
  const failed = new Map<string, unknown>();
  for (const name of new Set(items.flatMap((i) => (i.op === 'compute' ? [i.compute] : [])))) {
    const ids = [...new Set(items.flatMap((i) => (i.op === 'compute' && i.compute === name ? [i.id] : [])))];
    try {
      const computer = computers?.[name];
      if (!computer) throw new Error(`no computer for ${name}`);
      computed.set(name, await computer(q, ids));
    } catch (err) {
      failed.set(name, err);
    }
  }
  const rows: OutboxRow[] = [];
  const writes: RealtimeWrite[] = [];
  const outcomes: Outcome[] = [];
  claimed.forEach((row, i) => {
    const item = items[i]!;
    if (item.op !== 'compute') {
      rows.push(row);
      writes.push(toWrite(item));
    } else if (failed.has(item.compute)) outcomes.push(fail(row, failed.get(item.compute)));
    else {
      const data = computed.get(item.compute)!.get(item.id);
      if (!data) outcomes.push({ id: row.id, ok: true });
      else {
        rows.push(row);
        writes.push({ op: 'set', path: item.path, data, merge: item.merge ?? true });
      }
    }
  });
  return { rows, writes, outcomes };
}

function toWrite(item: Exclude<RealtimeItem, { op: 'compute' }>): RealtimeWrite {
  return item.op === 'set'
    ? { op: 'set', path: item.path, data: item.data, merge: item.merge ?? true }
    : { op: 'delete', path: item.path };
}
