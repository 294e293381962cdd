import type { Queryable } from '../../db/pool';
import type { SafetyCategory } from '../../config';

export type AlertStatus = 'open' | 'acknowledged' | 'resolved' | 'dismissed';
export type Side = 'customer' | 'mitra';

/** One screening hit (SPEC §15): which message, which rule, and what operators did — never the text. */
export interface SafetyAlertRow {
  id: string;
  session_id: string;
  message_seq: number;
  sender_type: Side;
  sender_id: string;
  category: SafetyCategory;
  rule_id: string;
  status: AlertStatus;
  review_note: string | null;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** safety_alerts: every column, in one list. */
const COLUMNS = [
  'id',
  'session_id',
  'message_seq',
  'sender_type',
  'sender_id',
  'category',
  'rule_id',
  'status',
  'review_note',
  'reviewed_by',
  'reviewed_at',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof SafetyAlertRow)[];
const ALL = COLUMNS.join(', ');

export type NewAlert = Pick<
  SafetyAlertRow,
  'session_id' | 'message_seq' | 'sender_type' | 'sender_id' | 'category' | 'rule_id'
>;

/** Only the alerts not there yet come back: a redelivered event inserts nothing. */
export async function insertAlerts(q: Queryable, alerts: NewAlert[], now: Date): Promise<SafetyAlertRow[]> {
  const { rows } = await q.query<SafetyAlertRow>(
    `INSERT INTO safety_alerts (session_id, message_seq, sender_type, sender_id, category, rule_id, created_at, updated_at)
     SELECT a.session_id, a.message_seq, a.sender_type, a.sender_id, a.category, a.rule_id, $7, $7
     FROM unnest($1::uuid[], $2::int[], $3::text[], $4::uuid[], $5::text[], $6::text[])
       AS a(session_id, message_seq, sender_type, sender_id, category, rule_id)
     ON CONFLICT (session_id, message_seq, category) DO NOTHING RETURNING ${ALL}`,
    [
      alerts.map((a) => a.session_id),
      alerts.map((a) => a.message_seq),
      alerts.map((a) => a.sender_type),
      alerts.map((a) => a.sender_id),
      alerts.map((a) => a.category),
      alerts.map((a) => a.rule_id),
      now,
    ],
  );
  return rows;
}

export interface AlertFilter {
  status?: AlertStatus;
  category?: SafetyCategory;
  session_id?: string;
}

/** Newest first, keyset on (created_at, id); the filters combine. */
export async function listAlerts(
  q: Queryable,
  f: AlertFilter,
  page: { limit: number; before?: [string, string] },
): Promise<SafetyAlertRow[]> {
  const { rows } = await q.query<SafetyAlertRow>(
    `SELECT ${ALL} FROM safety_alerts
     WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR category = $2)
       AND ($3::uuid IS NULL OR session_id = $3)
       AND ($4::timestamptz IS NULL OR (created_at, id) < ($4::timestamptz, $5::uuid))
     ORDER BY created_at DESC, id DESC LIMIT $6`,
    [
      f.status ?? null,
      f.category ?? null,
      f.session_id ?? null,
      page.before?.[0] ?? null,
      page.before?.[1] ?? null,
      page.limit,
    ],
  );
  return rows;
}

export async function findAlert(q: Queryable, id: string, lock = false): Promise<SafetyAlertRow | undefined> {
  const { rows } = await q.query<SafetyAlertRow>(
    `SELECT ${ALL} FROM safety_alerts WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0];
}

export async function setAlertReview(
  q: Queryable,
  id: string,
  r: { status: AlertStatus; note: string | null; reviewerId: string },
  now: Date,
): Promise<SafetyAlertRow> {
  const { rows } = await q.query<SafetyAlertRow>(
    `UPDATE safety_alerts SET status = $2, review_note = COALESCE($3, review_note), reviewed_by = $4,
       reviewed_at = $5, updated_at = $5
     WHERE id = $1 RETURNING ${ALL}`,
    [id, r.status, r.note, r.reviewerId, now],
  );
  return rows[0]!;
}

/**
 * Dashboard fragment (a one-row CTE body), "Perlu perhatian": alerts nobody has looked at yet, the
 * crisis ones among them, and the sessions with an alert still being handled (open or acknowledged).
 */
export function safetyFiguresSql(): string {
  return `SELECT
      count(*) FILTER (WHERE status = 'open')::int AS open_safety_alerts,
      count(*) FILTER (WHERE status = 'open' AND category = 'self_harm')::int AS open_self_harm_alerts,
      count(DISTINCT session_id) FILTER (WHERE status IN ('open', 'acknowledged'))::int AS sessions_needing_attention
    FROM safety_alerts WHERE status IN ('open', 'acknowledged')`;
}
