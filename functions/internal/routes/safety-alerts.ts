import { z } from '@hono/zod-openapi';
import { type ControlCenterDeps, reviewSafetyAlert } from '../../../shared/controlcenter';
import { createRouter } from '../../../shared/http/function-app';
import { jsonBody, jsonResponse } from '../../../shared/http/openapi';
import { access, defineRoute } from '../../../shared/http/route';
import { IdParam, IsoDateTime, ListQuery, pageOf, Uuid } from '../../../shared/http/schemas';
import { listSafetyAlerts } from '../../../shared/safety';

const tags = ['control center: safety'];
const ALERT_STATUSES = ['open', 'acknowledged', 'resolved', 'dismissed'] as const;
const Category = z.enum(['self_harm', 'contact_info']);

export const CcSafetyAlertSchema = z
  .object({
    id: Uuid,
    session_id: Uuid,
    message_seq: z
      .number()
      .int()
      .min(1)
      .openapi({ description: 'The message, by seq (its text only in the audited transcript)' }),
    sender_type: z.enum(['customer', 'mitra']),
    sender_id: Uuid,
    category: Category,
    rule_id: z.string().openapi({ description: 'The screening rule that matched (settings section safety)' }),
    status: z.enum(ALERT_STATUSES),
    review_note: z.string().nullable(),
    reviewed_by: Uuid.nullable().openapi({ description: 'The control-center user who answered it last' }),
    reviewed_at: IsoDateTime.nullable(),
    created_at: IsoDateTime,
    updated_at: IsoDateTime,
  })
  .openapi('CcSafetyAlert');

const ReviewBody = z
  .object({
    status: z.enum(['acknowledged', 'resolved', 'dismissed']),
    note: z.string().normalize('NFC').trim().min(1).max(2000).optional(),
  })
  .strict()
  .openapi('CcReviewSafetyAlert');

export const listSafetyAlertsRoute = defineRoute(access.permission('safety:read'), {
  method: 'get',
  path: '/internal/safety-alerts',
  operationId: 'ccListSafetyAlerts',
  tags,
  summary: 'Screening hits, newest first; the filters combine',
  request: {
    query: ListQuery.extend({
      status: z.enum(ALERT_STATUSES).optional(),
      category: Category.optional(),
      session_id: Uuid.optional(),
    }),
  },
  responses: { 200: jsonResponse('A page of safety alerts', pageOf(CcSafetyAlertSchema, 'CcSafetyAlertPage')) },
});

export const reviewSafetyAlertRoute = defineRoute(access.permission('safety:update'), {
  method: 'patch',
  path: '/internal/safety-alerts/{id}',
  operationId: 'ccReviewSafetyAlert',
  tags,
  summary: '`acknowledged` keeps it open; `resolved` / `dismissed` close it (a closed alert is 409); audited',
  request: { params: IdParam, ...jsonBody(ReviewBody) },
  responses: { 200: jsonResponse('Answered', CcSafetyAlertSchema) },
  errors: ['NOT_FOUND', 'SAFETY_ALERT_CLOSED'],
});

export function safetyAlertRoutes(deps: ControlCenterDeps) {
  return createRouter()
    .openapi(listSafetyAlertsRoute, async (c) => c.json(await listSafetyAlerts(deps, c.req.valid('query')), 200))
    .openapi(reviewSafetyAlertRoute, async (c) =>
      c.json(await reviewSafetyAlert(deps, c.var.principal.userId, c.req.valid('param').id, c.req.valid('json')), 200),
    );
}
