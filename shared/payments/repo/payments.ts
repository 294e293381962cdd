import type { Queryable } from '../../db/pool';

export type PaymentStatus = 'creating' | 'pending' | 'paid' | 'expired' | 'flagged';
/** Still waiting for the provider: the only statuses a settlement may move on from. */
export const OPEN_STATUSES: PaymentStatus[] = ['creating', 'pending'];

export interface PaymentRow {
  id: string;
  session_id: string;
  extension_id: string | null;
  external_id: string;
  provider_invoice_id: string | null;
  invoice_url: string | null;
  amount_idr: number;
  currency: string;
  status: PaymentStatus;
  flag_reason: string | null;
  expires_at: Date | null;
  paid_at: Date | null;
  paid_amount: number | null;
  paid_currency: string | null;
  created_at: Date;
  updated_at: Date;
}

/** payments: every column a reader gets, in one list (the provider is always xendit, never read). */
export const COLUMNS = [
  'id',
  'session_id',
  'extension_id',
  'external_id',
  'provider_invoice_id',
  'invoice_url',
  'amount_idr',
  'currency',
  'status',
  'flag_reason',
  'expires_at',
  'paid_at',
  'paid_amount',
  'paid_currency',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof PaymentRow)[];
const ALL = COLUMNS.join(', ');

/** One row per invoice; the unique external id makes a re-run of the creation task find the same row. */
export async function insertPayment(
  q: Queryable,
  p: { session_id: string; extension_id: string | null; external_id: string; amount_idr: number; expires_at: Date },
  now: Date,
): Promise<PaymentRow> {
  await q.query(
    `INSERT INTO payments (session_id, extension_id, external_id, amount_idr, currency, status, expires_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, 'IDR', 'creating', $5, $6, $6) ON CONFLICT (external_id) DO NOTHING`,
    [p.session_id, p.extension_id, p.external_id, p.amount_idr, p.expires_at, now],
  );
  return (await findPaymentByExternalId(q, p.external_id))!;
}

export async function findPayment(q: Queryable, id: string, lock = false): Promise<PaymentRow | undefined> {
  const { rows } = await q.query<PaymentRow>(
    `SELECT ${ALL} FROM payments WHERE id = $1${lock ? ' FOR NO KEY UPDATE' : ''}`,
    [id],
  );
  return rows[0];
}

export async function findPaymentByExternalId(q: Queryable, externalId: string): Promise<PaymentRow | undefined> {
  const { rows } = await q.query<PaymentRow>(`SELECT ${ALL} FROM payments WHERE external_id = $1`, [externalId]);
  return rows[0];
}

/** The payment a provider report is about: by its invoice id, else by what it pays for. */
export async function findPaymentForInvoice(
  q: Queryable,
  invoiceId: string,
  externalId: string | undefined,
): Promise<PaymentRow | undefined> {
  const { rows } = await q.query<PaymentRow>(
    `SELECT ${ALL} FROM payments WHERE provider_invoice_id = $1 OR (provider_invoice_id IS NULL AND external_id = $2)
     ORDER BY provider_invoice_id NULLS LAST LIMIT 1`,
    [invoiceId, externalId ?? null],
  );
  return rows[0];
}

/** `creating → pending` once the provider answered; false when another run got there first. */
export async function markInvoiced(
  q: Queryable,
  id: string,
  inv: { providerInvoiceId: string; invoiceUrl: string; expiresAt: Date },
  now: Date,
): Promise<PaymentRow | undefined> {
  const { rows } = await q.query<PaymentRow>(
    `UPDATE payments SET status = 'pending', provider_invoice_id = $2, invoice_url = $3, expires_at = $4, updated_at = $5
     WHERE id = $1 AND status = 'creating' RETURNING ${ALL}`,
    [id, inv.providerInvoiceId, inv.invoiceUrl, inv.expiresAt, now],
  );
  return rows[0];
}

/**
 * Moves an open payment to its settled status. The `status = ANY(open)` condition is what makes a
 * settlement happen once, whoever races (duplicate callbacks, the timeout task, reconciliation).
 */
export async function settlePaymentRow(
  q: Queryable,
  id: string,
  to: { status: Exclude<PaymentStatus, 'creating' | 'pending'>; flagReason?: string; invoiceId?: string },
  paid: { at: Date; amount: number; currency: string } | undefined,
  now: Date,
): Promise<boolean> {
  const res = await q.query(
    `UPDATE payments SET status = $2, flag_reason = $3, provider_invoice_id = COALESCE(provider_invoice_id, $4),
       paid_at = $5, paid_amount = $6, paid_currency = $7, updated_at = $8
     WHERE id = $1 AND status = ANY($9)`,
    [
      id,
      to.status,
      to.flagReason ?? null,
      to.invoiceId ?? null,
      paid?.at ?? null,
      paid?.amount ?? null,
      paid?.currency ?? null,
      now,
      OPEN_STATUSES,
    ],
  );
  return (res.rowCount ?? 0) > 0;
}

/** Money arrived for something no longer payable: kept paid-and-flagged for the operators' refund review. */
export async function flagSettledPayment(q: Queryable, id: string, reason: string, now: Date): Promise<void> {
  await q.query(`UPDATE payments SET status = 'flagged', flag_reason = $2, updated_at = $3 WHERE id = $1`, [
    id,
    reason,
    now,
  ]);
}

/** Open payments whose invoice should have been settled by now (the reconciliation job's work list). */
export async function stuckPayments(q: Queryable, before: Date, limit: number): Promise<PaymentRow[]> {
  const { rows } = await q.query<PaymentRow>(
    `SELECT ${ALL} FROM payments WHERE status = ANY($1) AND expires_at < $2 ORDER BY expires_at LIMIT $3`,
    [OPEN_STATUSES, before, limit],
  );
  return rows;
}

/** The session's most recent payment (its own or its latest extension's). */
export async function latestPaymentOf(q: Queryable, sessionId: string): Promise<PaymentRow | undefined> {
  const { rows } = await q.query<PaymentRow>(
    `SELECT ${ALL} FROM payments WHERE session_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1`,
    [sessionId],
  );
  return rows[0];
}

/** Each session's most recent payment, for a page of sessions in one query. */
export async function latestPaymentsOf(q: Queryable, sessionIds: string[]): Promise<PaymentRow[]> {
  if (sessionIds.length === 0) return [];
  const { rows } = await q.query<PaymentRow>(
    `SELECT DISTINCT ON (session_id) ${ALL}
     FROM payments WHERE session_id = ANY($1::uuid[]) ORDER BY session_id, created_at DESC, id DESC`,
    [sessionIds],
  );
  return rows;
}
