import type { Queryable } from '../db/pool';
import type { OutboxEntry } from './effects';

/**
 * The outbox insert of a JSON array of rows given as parameter `$param`, in order (per-document delivery
 * order follows ids); a dedupe key already present skips its row. With `gate`, a CTE name: rows are
 * inserted only when that CTE returned one (the state change they are effects of happened).
 * A computed document's row is not skipped when its write already went out or is going out: a change
 * committed after the relay read (a transaction that began in the window and committed past its end)
 * would otherwise never reach the document. A delivered row is re-armed; a claimed one is marked
 * `changed_in_flight`, so its flight puts it back in the queue instead of marking it delivered (it keeps
 * its lease meanwhile: no second flight can overtake the first). The write reads Postgres again, so
 * delivering it twice is harmless. A row not yet claimed covers the change already.
 */
export function outboxInsert(param: number, gate?: string, conditions?: boolean): string {
  const where = [
    ...(gate ? [`EXISTS (SELECT 1 FROM ${gate})`] : []),
    ...(conditions ? [`(r->>'when' IS NULL OR r->>'when' IN (SELECT name FROM conditions))`] : []),
  ];
  return `INSERT INTO outbox (kind, payload, dedupe_key, available_at)
     SELECT r->>'kind', r->'payload', r->>'key', COALESCE((r->>'at')::timestamptz, now())
     FROM jsonb_array_elements($${param}::jsonb) WITH ORDINALITY AS u(r, ord)
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY u.ord
     ON CONFLICT (dedupe_key) DO UPDATE SET delivered_at = NULL, changed_in_flight = outbox.delivered_at IS NULL,
       attempts = CASE WHEN outbox.delivered_at IS NULL THEN outbox.attempts ELSE 0 END,
       last_error = CASE WHEN outbox.delivered_at IS NULL THEN outbox.last_error END,
       available_at = CASE WHEN outbox.delivered_at IS NULL THEN outbox.available_at ELSE EXCLUDED.available_at END
       WHERE outbox.kind = 'realtime' AND outbox.payload->>'op' = 'compute'
         AND (outbox.delivered_at IS NOT NULL OR (outbox.attempts > 0 AND NOT outbox.changed_in_flight))
     RETURNING dedupe_key`;
}

/**
 * The rows as one JSON parameter: as text[] parameters every quote of every payload was escaped into an
 * array literal first (the largest single cost of a 100-mitra blast).
 */
export function entriesParam(entries: readonly OutboxEntry[]): string {
  return JSON.stringify(
    entries.map(({ item: { kind, ...payload }, dedupeKey, notBefore, when }) => ({
      kind,
      payload,
      key: dedupeKey ?? null,
      at: notBefore?.toISOString() ?? null,
      when: when ?? null,
    })),
  );
}

/** N effects in one statement. Returns the dedupe keys inserted and how many rows were. */
export async function insertEntries(
  q: Queryable,
  entries: readonly OutboxEntry[],
): Promise<{ inserted: number; keys: Set<string> }> {
  if (entries.length === 0) return { inserted: 0, keys: new Set() };
  if (entries.some((e) => e.when)) throw new Error('an entry with `when` needs a statement with conditions');
  const res = await q.query<{ dedupe_key: string | null }>(outboxInsert(1), [entriesParam(entries)]);
  return {
    inserted: res.rowCount ?? 0,
    keys: new Set(res.rows.map((r) => r.dedupe_key).filter((k): k is string => k !== null)),
  };
}

/**
 * A state change and its effects in ONE statement: `ctes` (data-modifying CTEs, parameters $1..$n) end in
 * the CTE `gate`; the entries go in as parameter $n+1, recorded only if `gate` returned a row; `select`
 * reads the result. For a hot path where each round trip counts (a chat message).
 */
export interface StatementWithEffects {
  ctes: string;
  gate: string;
  /** A SELECT of the names (`name`) of the conditions that hold: entries with `when` need theirs. */
  conditions?: string;
  select: string;
  params: unknown[];
}

export async function runWithEntries<R extends object>(
  q: Queryable,
  s: StatementWithEffects,
  entries: readonly OutboxEntry[],
): Promise<R[]> {
  if (!s.conditions && entries.some((e) => e.when)) throw new Error('an entry with `when` needs conditions');
  const conditions = s.conditions ? `, conditions AS (${s.conditions})` : '';
  const insert = outboxInsert(s.params.length + 1, s.gate, Boolean(s.conditions));
  const sql = `WITH ${s.ctes}${conditions}, effects AS (${insert}) ${s.select}`;
  const { rows } = await q.query<R>(sql, [...s.params, entriesParam(entries)]);
  return rows;
}
