import { z } from '@hono/zod-openapi';
import { type ControlCenterDeps, dashboard } from '../../../shared/controlcenter';
import { createRouter } from '../../../shared/http/function-app';
import { jsonResponse } from '../../../shared/http/openapi';
import { access, defineRoute } from '../../../shared/http/route';
import { IsoDateTime } from '../../../shared/http/schemas';

const count = z.number().int().min(0);

export const DashboardSchema = z
  .object({
    generated_at: IsoDateTime,
    mitras: z.object({
      online: count,
      available: count.openapi({ description: 'online, active, fresh heartbeat and below capacity (SPEC §6)' }),
      active: count,
      total: count,
    }),
    sessions_by_state: z.object({
      pending_payment: count,
      active: count,
      expired: count,
      closing: count,
      completed: count,
      cancelled: count,
    }),
    today: z.object({
      date: z.string().openapi({ description: 'The calendar day in Asia/Jakarta (WIB, UTC+7)', example: '2026-11-25' }),
      timezone: z.literal('Asia/Jakarta'),
      sessions: count.openapi({ description: 'Sessions created today' }),
      revenue_idr: count.openapi({ description: 'Paid payments with paid_at today (sessions and extensions)' }),
      paid_payments: count,
    }),
    sensitive: z
      .object({
        total: count.openapi({ description: 'Sessions whose topic is sensitive, all time' }),
        last_30_days: count,
        sessions_last_30_days: count,
        share_30d_percent: z
          .number()
          .min(0)
          .max(100)
          .openapi({ description: 'last_30_days / sessions_last_30_days in %, one decimal; 0 when there were none' }),
      })
      .openapi({ description: '"Sesi Sensitif"' }),
    flagged_users: count.openapi({ description: 'Customers and mitras with 3+ pending reports' }),
    pending_reports: count,
  })
  .openapi('Dashboard');

export const dashboardRoute = defineRoute(access.permission('dashboard:read'), {
  method: 'get',
  path: '/internal/dashboard',
  operationId: 'ccDashboard',
  tags: ['control center: dashboard'],
  summary: 'Every card from one statement',
  responses: { 200: jsonResponse('The dashboard', DashboardSchema) },
});

export function dashboardRoutes(deps: ControlCenterDeps) {
  return createRouter().openapi(dashboardRoute, async (c) => c.json(await dashboard(deps), 200));
}
