import type { Queryable } from '../db/pool';
import type { PushMessage } from '../ports/push';
import { fail, type Outcome } from './relay-outcomes';
import type { OutboxRow } from './relay-repo';

export type PushComputers = Record<string, (q: Queryable, ids: string[]) => Promise<Map<string, PushMessage[]>>>;

/**
 * A batch's push rows with the computed ones built now (one call per kind of computed push), as rows that
 * carry their messages: a computed row whose recipient has no device is done; a failed build fails its
 * rows. A row that fails part-sent is retried with its unsent messages (relay-pushes), not built again.
 */
export async function resolvePushes(q: Queryable, computers: PushComputers | undefined, claimed: OutboxRow[]) {
  const computed = (r: OutboxRow) => r.payload.op === 'compute';
  const built = new Map<string, Map<string, PushMessage[]>>();
  const failed = new Map<string, unknown>();
  for (const name of new Set(claimed.filter(computed).map((r) => r.payload.compute as string))) {
    const ids = [
      ...new Set(claimed.filter((r) => computed(r) && r.payload.compute === name).map((r) => r.payload.id as string)),
    ];
    try {
      const computer = computers?.[name];
      if (!computer) throw new Error(`no push computer for ${name}`);
      built.set(name, await computer(q, ids));
    } catch (err) {
      failed.set(name, err);
    }
  }
  const rows: OutboxRow[] = [];
  const outcomes: Outcome[] = [];
  for (const row of claimed) {
    if (!computed(row)) {
      rows.push(row);
      continue;
    }
    const name = row.payload.compute as string;
    if (failed.has(name)) {
      outcomes.push(fail(row, failed.get(name)));
      continue;
    }
    const messages = built.get(name)!.get(row.payload.id as string) ?? [];
    if (messages.length === 0) outcomes.push({ id: row.id, ok: true });
    else rows.push({ ...row, payload: { messages } });
  }
  return { rows, outcomes };
}
