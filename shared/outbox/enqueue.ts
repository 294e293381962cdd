import type { Queryable } from '../db/pool';
import type { OutboxEntry } from './effects';

/**
 * N effects in one statement: rows get ids in the given order (per-document delivery order follows
 * ids), a dedupe key already present skips its row. The rows go as one JSON array: as text[]
 * parameters every quote of every payload was escaped into an array literal first (the largest single
 * cost of a 100-mitra blast). Returns the dedupe keys inserted and how many rows were.
 */
export async function insertEntries(
  q: Queryable,
  entries: readonly OutboxEntry[],
): Promise<{ inserted: number; keys: Set<string> }> {
  if (entries.length === 0) return { inserted: 0, keys: new Set() };
  const rows = entries.map(({ item: { kind, ...payload }, dedupeKey, notBefore }) => ({
    kind,
    payload,
    key: dedupeKey ?? null,
    at: notBefore?.toISOString() ?? null,
  }));
  const res = await q.query<{ dedupe_key: string | null }>(
    `INSERT INTO outbox (kind, payload, dedupe_key, available_at)
     SELECT r->>'kind', r->'payload', r->>'key', COALESCE((r->>'at')::timestamptz, now())
     FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS u(r, ord)
     ORDER BY u.ord
     ON CONFLICT (dedupe_key) DO NOTHING RETURNING dedupe_key`,
    [JSON.stringify(rows)],
  );
  return {
    inserted: res.rowCount ?? 0,
    keys: new Set(res.rows.map((r) => r.dedupe_key).filter((k): k is string => k !== null)),
  };
}
