import type { Queryable } from '../../db/pool';

export interface CallbackRow {
  id: number;
  provider_invoice_id: string;
  external_id: string | null;
  status: string;
  payload: Record<string, unknown>;
  outcome: string | null;
  received_at: Date;
  processed_at: Date | null;
}

/** payment_callbacks: every column, in one list. */
const COLUMNS = [
  'id',
  'provider_invoice_id',
  'external_id',
  'status',
  'payload',
  'outcome',
  'received_at',
  'processed_at',
] as const satisfies readonly (keyof CallbackRow)[];
const ALL = COLUMNS.join(', ');

/**
 * Records a verified callback before anything acts on it; the unique (invoice, status) key turns a
 * retried or replayed delivery into the row already there. Autocommitted on its own: durable even if
 * the processing that follows fails.
 */
export async function recordCallback(
  q: Queryable,
  c: { invoiceId: string; externalId: string; status: string; payload: unknown },
  now: Date,
): Promise<{ id: number; fresh: boolean }> {
  const inserted = await q.query<{ id: number }>(
    `INSERT INTO payment_callbacks (provider_invoice_id, external_id, status, payload, received_at)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (provider_invoice_id, status) DO NOTHING RETURNING id`,
    [c.invoiceId, c.externalId, c.status, JSON.stringify(c.payload), now],
  );
  if (inserted.rows[0]) return { id: inserted.rows[0].id, fresh: true };
  const { rows } = await q.query<{ id: number }>(
    'SELECT id FROM payment_callbacks WHERE provider_invoice_id = $1 AND status = $2',
    [c.invoiceId, c.status],
  );
  return { id: rows[0]!.id, fresh: false };
}

/** The callback row, locked: parallel duplicates queue here and find it already processed. */
export async function lockCallback(q: Queryable, id: number): Promise<CallbackRow> {
  const { rows } = await q.query<CallbackRow>(`SELECT ${ALL} FROM payment_callbacks WHERE id = $1 FOR UPDATE`, [id]);
  return rows[0]!;
}

export async function markCallbackProcessed(q: Queryable, id: number, outcome: string, now: Date): Promise<void> {
  await q.query('UPDATE payment_callbacks SET outcome = $2, processed_at = $3 WHERE id = $1', [id, outcome, now]);
}

/** Callbacks recorded but never processed (the processing failed after the record): reconciliation retries them. */
export async function unprocessedCallbacks(q: Queryable, before: Date, limit: number): Promise<number[]> {
  const { rows } = await q.query<{ id: number }>(
    'SELECT id FROM payment_callbacks WHERE processed_at IS NULL AND received_at < $1 ORDER BY id LIMIT $2',
    [before, limit],
  );
  return rows.map((r) => r.id);
}
