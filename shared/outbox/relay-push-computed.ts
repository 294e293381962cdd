import type { Queryable } from '../db/pool';
import type { PushMessage } from '../ports/push';
import { fail, type Outcome } from './relay-outcomes';
import { runComputers, type ComputersOf } from './relay-computed';
import type { OutboxRow } from './relay-repo';

export type PushComputers = ComputersOf<PushMessage[]>;

/**
 * A batch's push rows with the computed ones built now (one call per kind of computed push), as rows that
 * carry their messages: a computed row whose recipient has no device is done; a failed build fails its
 * rows. A row that fails part-sent is retried with its unsent messages (relay-pushes), not built again.
 */
export async function resolvePushes(q: Queryable, computers: PushComputers | undefined, claimed: OutboxRow[]) {
  const ref = (r: OutboxRow) =>
    r.payload.op === 'compute' ? { compute: r.payload.compute as string, id: r.payload.id as string } : undefined;
  const built = await runComputers(
    q,
    computers,
    claimed.flatMap((r) => ref(r) ?? []),
  );
  const rows: OutboxRow[] = [];
  const outcomes: Outcome[] = [];
  for (const row of claimed) {
    const r = ref(row);
    if (!r) {
      rows.push(row);
      continue;
    }
    const got = built.get(r.compute)!;
    const messages = got instanceof Map ? (got.get(r.id) ?? []) : [];
    if (!(got instanceof Map)) outcomes.push(fail(row, got.error));
    else if (messages.length === 0) outcomes.push({ id: row.id, ok: true });
    else rows.push({ ...row, payload: { messages } });
  }
  return { rows, outcomes };
}
