import { z } from '@hono/zod-openapi';
import { type ControlCenterDeps, listReportsForCc, reviewReport } from '../../../shared/controlcenter';
import { createRouter } from '../../../shared/http/function-app';
import { jsonBody, jsonResponse } from '../../../shared/http/openapi';
import { access, defineRoute } from '../../../shared/http/route';
import { IdParam, IsoDateTime, ListQuery, pageOf, Uuid } from '../../../shared/http/schemas';

const tags = ['control center: reports'];
const Party = z.enum(['customer', 'mitra']);
const REPORT_STATUSES = ['pending', 'reviewed', 'actioned', 'dismissed'] as const;

export const CcReportSchema = z
  .object({
    id: Uuid,
    session_id: Uuid,
    reporter: z.object({ type: Party, id: Uuid, display_name: z.string() }),
    reported: z.object({
      type: Party,
      id: Uuid,
      display_name: z.string(),
      pending_reports: z.number().int().min(0),
      flagged_for_review: z.boolean().openapi({ description: '3+ pending reports against them' }),
    }),
    reason: z.string(),
    description: z.string().nullable(),
    status: z.enum(REPORT_STATUSES),
    review_note: z.string().nullable(),
    reviewed_by: Uuid.nullable().openapi({ description: 'The control-center user who reviewed it last' }),
    reviewed_at: IsoDateTime.nullable(),
    created_at: IsoDateTime,
  })
  .openapi('CcReport');

const ReviewBody = z
  .object({
    status: z.enum(['reviewed', 'actioned', 'dismissed']),
    note: z.string().normalize('NFC').trim().min(1).max(2000).optional(),
  })
  .strict()
  .openapi('CcReviewReport');

export const listReportsRoute = defineRoute(access.permission('reports:read'), {
  method: 'get',
  path: '/internal/reports',
  operationId: 'ccListReports',
  tags,
  summary: 'Newest first',
  request: { query: ListQuery.extend({ status: z.enum(REPORT_STATUSES).optional(), session_id: Uuid.optional() }) },
  responses: { 200: jsonResponse('A page of reports', pageOf(CcReportSchema, 'CcReportPage')) },
});

export const reviewReportRoute = defineRoute(access.permission('reports:update'), {
  method: 'patch',
  path: '/internal/reports/{id}',
  operationId: 'ccReviewReport',
  tags,
  summary: '`reviewed` keeps it open; `actioned` / `dismissed` close it (a closed report is 409)',
  request: { params: IdParam, ...jsonBody(ReviewBody) },
  responses: { 200: jsonResponse('Reviewed', CcReportSchema) },
  errors: ['NOT_FOUND', 'REPORT_ALREADY_RESOLVED'],
});

export function reportRoutes(deps: ControlCenterDeps) {
  return createRouter()
    .openapi(listReportsRoute, async (c) => c.json(await listReportsForCc(deps, c.req.valid('query')), 200))
    .openapi(reviewReportRoute, async (c) =>
      c.json(await reviewReport(deps, c.var.principal.userId, c.req.valid('param').id, c.req.valid('json')), 200),
    );
}
