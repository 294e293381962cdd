import type { Queryable } from '../../db/pool';
import { paidRevenueSql } from '../../payments';
import { CAPACITY_STATUSES, reportFiguresSql, sessionFiguresSql } from '../../sessions';
import { mitraFiguresSql } from '../../users';

/**
 * The dashboard's one statement. It owns no table: each owner feature exports its one-row fragment
 * (users: mitras, sessions: chat_sessions and reports, payments: payments) and this file joins them.
 */

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
    `WITH m AS (${mitraFiguresSql({ now: '$1', staleSeconds: '$5', maxSessions: '$6', liveStatuses: CAPACITY_STATUSES })}),
       s AS (${sessionFiguresSql({ dayStart: '$2', dayEnd: '$3', since: '$4' })}),
       r AS (${reportFiguresSql()}),
       p AS (${paidRevenueSql({ from: '$2', to: '$3' })})
     SELECT * FROM m, s, r, p`,
    [p.now, p.dayStart, p.dayEnd, p.since, p.staleSeconds, p.maxSessions],
  );
  return rows[0]!;
}
