import type { Queryable } from '../db/pool';
import type { AuditKind } from './audit-kinds';
import { mitraFiguresSql } from '../pairing';
import { paidRevenueSql } from '../payments';
import { reportFiguresSql, sessionFiguresSql } from '../sessions';

/** The control center's own table (cc_audit_log) and the dashboard statement composed from each feature's fragment. */

export type { AuditKind };

export interface AuditRow {
  id: number;
  kind: AuditKind;
  actor_id: string | null;
  target_type: string | null;
  target_id: string | null;
  details: Record<string, unknown>;
  created_at: Date;
}

export async function insertAudit(
  q: Queryable,
  e: { kind: AuditKind; actorId: string; targetType: string; targetId: string; details?: Record<string, unknown> },
  now: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO cc_audit_log (kind, actor_id, target_type, target_id, details, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
    [e.kind, e.actorId, e.targetType, e.targetId, JSON.stringify(e.details ?? {}), now],
  );
}

/** Newest first, keyset on id; filters combine. */
export async function auditRows(
  q: Queryable,
  f: { kind?: AuditKind; actorId?: string; targetId?: string },
  page: { limit: number; beforeId?: number },
): Promise<AuditRow[]> {
  const { rows } = await q.query<AuditRow>(
    `SELECT id, kind, actor_id, target_type, target_id, details, created_at FROM cc_audit_log
     WHERE ($1::text IS NULL OR kind = $1) AND ($2::uuid IS NULL OR actor_id = $2) AND ($3::text IS NULL OR target_id = $3)
       AND ($4::bigint IS NULL OR id < $4)
     ORDER BY id DESC LIMIT $5`,
    [f.kind ?? null, f.actorId ?? null, f.targetId ?? null, page.beforeId ?? null, page.limit],
  );
  return rows;
}

export interface DashboardFigures {
  online_mitras: number;
  available_mitras: number;
  active_mitras: number;
  total_mitras: number;
  pending_payment: number;
  active: number;
  expired: number;
  closing: number;
  completed: number;
  cancelled: number;
  today_sessions: number;
  sensitive_total: number;
  sessions_30d: number;
  sensitive_30d: number;
  pending_reports: number;
  flagged_users: number;
  revenue_idr: number;
  paid_payments: number;
}

/** Every card in one statement: four one-row CTEs, each feature's SQL from its own module, cross-joined. */
export async function dashboardFigures(
  q: Queryable,
  p: { now: Date; dayStart: Date; dayEnd: Date; since: Date; staleSeconds: number; maxSessions: number },
): Promise<DashboardFigures> {
  const { rows } = await q.query<DashboardFigures>(
    `WITH m AS (${mitraFiguresSql({ now: '$1', staleSeconds: '$5', maxSessions: '$6' })}),
       s AS (${sessionFiguresSql({ dayStart: '$2', dayEnd: '$3', since: '$4' })}),
       r AS (${reportFiguresSql()}),
       p AS (${paidRevenueSql({ from: '$2', to: '$3' })})
     SELECT * FROM m, s, r, p`,
    [p.now, p.dayStart, p.dayEnd, p.since, p.staleSeconds, p.maxSessions],
  );
  return rows[0]!;
}
