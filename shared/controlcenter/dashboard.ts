import type { ControlCenterDeps } from './deps';
import { dashboardFigures } from './repo/dashboard';
import { percent } from './views';

const DAY_MS = 86_400_000;
export const DASHBOARD_TIMEZONE = 'Asia/Jakarta' as const;

/**
 * "Today" is the operators' calendar day in Asia/Jakarta. WIB is UTC+7 all year (Indonesia has had no
 * daylight saving since 1964), so the day's bounds are that date at 00:00+07:00 and 24 h later.
 */
export function jakartaDay(now: Date): { date: string; start: Date; end: Date } {
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: DASHBOARD_TIMEZONE }).format(now);
  const start = new Date(`${date}T00:00:00+07:00`);
  return { date, start, end: new Date(start.getTime() + DAY_MS) };
}

/** Every card from one statement (not one query per card). */
export async function dashboard(deps: Pick<ControlCenterDeps, 'db' | 'clock' | 'config'>) {
  const now = deps.clock.now();
  const cfg = await deps.config.get();
  const day = jakartaDay(now);
  const f = await dashboardFigures(deps.db, {
    now,
    dayStart: day.start,
    dayEnd: day.end,
    since: new Date(now.getTime() - 30 * DAY_MS),
    staleSeconds: cfg.mitra_stale_after_seconds,
    maxSessions: cfg.max_customers_per_mitra,
  });
  return {
    generated_at: now.toISOString(),
    mitras: {
      online: f.online_mitras,
      available: f.available_mitras,
      active: f.active_mitras,
      total: f.total_mitras,
    },
    sessions_by_state: {
      pending_payment: f.pending_payment,
      active: f.active,
      expired: f.expired,
      closing: f.closing,
      completed: f.completed,
      cancelled: f.cancelled,
    },
    today: {
      date: day.date,
      timezone: DASHBOARD_TIMEZONE,
      sessions: f.today_sessions,
      revenue_idr: f.revenue_idr,
      paid_payments: f.paid_payments,
    },
    sensitive: {
      total: f.sensitive_total,
      last_30_days: f.sensitive_30d,
      sessions_last_30_days: f.sessions_30d,
      share_30d_percent: percent(f.sensitive_30d, f.sessions_30d, 0),
    },
    flagged_users: f.flagged_users,
    pending_reports: f.pending_reports,
  };
}
