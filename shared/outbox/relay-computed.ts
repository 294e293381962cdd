import type { Queryable } from '../db/pool';
import type { RealtimeDoc, RealtimeWrite } from '../ports/realtime';
import type { OutboxItem } from './effects';
import { fail, type Outcome } from './relay-outcomes';
import type { OutboxRow } from './relay-repo';

/** Named computers of computed rows: each reads a batch's ids in one query. */
export type ComputersOf<T> = Record<string, (q: Queryable, ids: string[]) => Promise<Map<string, T>>>;
export type Computers = ComputersOf<RealtimeDoc>;

type RealtimeItem = Extract<OutboxItem, { kind: 'realtime' }>;

/** What one computer gave for a batch: its values by id, or the error that fails its rows. */
export type Computed<T> = Map<string, T> | { error: unknown };

/**
 * Computed rows' content, by computer name: one call per computer with the batch's distinct ids (one query
 * each). A missing computer or a failed call is that name's error.
 */
export async function runComputers<T>(
  q: Queryable,
  computers: ComputersOf<T> | undefined,
  refs: ReadonlyArray<{ compute: string; id: string }>,
): Promise<Map<string, Computed<T>>> {
  const out = new Map<string, Computed<T>>();
  for (const name of new Set(refs.map((r) => r.compute))) {
    const ids = [...new Set(refs.filter((r) => r.compute === name).map((r) => r.id))];
    try {
      const computer = computers?.[name];
      if (!computer) throw new Error(`no computer for ${name}`);
      out.set(name, await computer(q, ids));
    } catch (error) {
      out.set(name, { error });
    }
  }
  return out;
}

/**
 * A batch's writes, computed documents read now (one query per kind of computed document): a row
 * whose document has nothing left to show (its session is gone) is done; a failed read fails its rows.
 */
export async function resolveWrites(q: Queryable, computers: Computers | undefined, claimed: OutboxRow[]) {
  const items = claimed.map((r) => ({ kind: r.kind, ...r.payload }) as RealtimeItem);
  const computed = await runComputers(
    q,
    computers,
    items.flatMap((i) => (i.op === 'compute' ? [i] : [])),
  );
  const rows: OutboxRow[] = [];
  const writes: RealtimeWrite[] = [];
  const outcomes: Outcome[] = [];
  claimed.forEach((row, i) => {
    const item = items[i]!;
    if (item.op !== 'compute') {
      rows.push(row);
      writes.push(toWrite(item));
      return;
    }
    const docs = computed.get(item.compute)!;
    const data = docs instanceof Map ? docs.get(item.id) : undefined;
    if (!(docs instanceof Map)) outcomes.push(fail(row, docs.error));
    else if (!data) outcomes.push({ id: row.id, ok: true });
    else {
      rows.push(row);
      writes.push({ op: 'set', path: item.path, data, merge: item.merge ?? true });
    }
  });
  return { rows, writes, outcomes };
}

function toWrite(item: Exclude<RealtimeItem, { op: 'compute' }>): RealtimeWrite {
  return item.op === 'set'
    ? { op: 'set', path: item.path, data: item.data, merge: item.merge ?? true }
    : { op: 'delete', path: item.path };
}
