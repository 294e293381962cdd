import { z } from '@hono/zod-openapi';
import { type ControlCenterDeps, listSessionsForCc, sessionDetail } from '../../../shared/controlcenter';
import { createRouter } from '../../../shared/http/function-app';
import { jsonResponse } from '../../../shared/http/openapi';
import { access, defineRoute } from '../../../shared/http/route';
import { IdParam, IsoDateTime, ListQuery, pageOf, Uuid } from '../../../shared/http/schemas';
import { piiOf } from './pii';
import { CcReportSchema } from './reports';

const tags = ['control center: sessions'];
const SESSION_STATUSES = ['pending_payment', 'active', 'expired', 'closing', 'completed', 'cancelled'] as const;
const Sensitivity = z.enum(['regular', 'sensitive']);
const PersonRef = z.object({ id: Uuid, display_name: z.string() });

export const CcSessionSummarySchema = z
  .object({
    id: Uuid,
    request_id: Uuid,
    status: z.enum(SESSION_STATUSES),
    topic_sensitivity: Sensitivity,
    is_free_trial: z.boolean(),
    tier_id: z.string().nullable(),
    duration_minutes: z.number().int(),
    price_idr: z.number().int(),
    customer: PersonRef,
    mitra: PersonRef,
    created_at: IsoDateTime,
    started_at: IsoDateTime.nullable(),
    ends_at: IsoDateTime.nullable(),
    closing_reason: z.string().nullable(),
    completed_at: IsoDateTime.nullable(),
    cancelled_at: IsoDateTime.nullable(),
  })
  .openapi('CcSessionSummary');

const CcPaymentSchema = z
  .object({
    id: Uuid,
    kind: z.enum(['session', 'extension']),
    extension_id: Uuid.nullable(),
    external_id: z.string(),
    amount_idr: z.number().int(),
    currency: z.string(),
    status: z.string(),
    flag_reason: z.string().nullable(),
    paid_amount: z.number().int().nullable(),
    expires_at: IsoDateTime.nullable(),
    paid_at: IsoDateTime.nullable(),
    created_at: IsoDateTime,
  })
  .openapi('CcPayment');

const CcExtensionSchema = z
  .object({
    id: Uuid,
    tier_id: z.string(),
    duration_minutes: z.number().int(),
    price_idr: z.number().int(),
    status: z.string(),
    topic_sensitivity: Sensitivity,
    respond_by: IsoDateTime,
    responded_at: IsoDateTime.nullable(),
    applied_at: IsoDateTime.nullable(),
    created_at: IsoDateTime,
  })
  .openapi('CcExtension');

export const CcSessionDetailSchema = CcSessionSummarySchema.extend({
  expired_at: IsoDateTime.nullable(),
  closing_at: IsoDateTime.nullable(),
  cancel_reason: z.string().nullable(),
  message_count: z.number().int().min(0),
  goodbye_at: z
    .object({ customer: IsoDateTime.nullable(), mitra: IsoDateTime.nullable() })
    .openapi({ description: 'When each side said goodbye; the texts are chat content, in the audited transcript' }),
  participants: z.object({
    customer: PersonRef.extend({
      phone: z.string().nullable().openapi({ description: 'Masked (+62812****781) without customers:read' }),
      email: z.string().nullable().openapi({ description: 'Masked (b***@g***.com) without customers:read' }),
      is_banned: z.boolean(),
    }),
    mitra: PersonRef.extend({
      phone: z.string().nullable().openapi({ description: 'Masked without mitras:read; null for a deleted account' }),
      is_active: z.boolean(),
    }),
  }),
  payments: z.array(CcPaymentSchema),
  extensions: z.array(CcExtensionSchema),
  rating: z
    .object({ stars: z.number().int().min(1).max(5), comment: z.string().nullable(), created_at: IsoDateTime })
    .nullable(),
  reports: z.array(CcReportSchema),
  sensitivity_timeline: z
    .array(z.object({ from: Sensitivity, to: Sensitivity, mitra_id: Uuid, at: IsoDateTime }))
    .openapi({ description: 'Every flip, oldest first; empty when there was none' }),
}).openapi('CcSessionDetail');

const SessionListQuery = ListQuery.extend({
  status: z.enum(SESSION_STATUSES).optional(),
  topic_sensitivity: Sensitivity.optional(),
  from: IsoDateTime.optional().openapi({ description: 'Created at or after (inclusive)' }),
  to: IsoDateTime.optional().openapi({ description: 'Created before (exclusive)' }),
  customer_id: Uuid.optional(),
  mitra_id: Uuid.optional(),
});

export const listSessionsRoute = defineRoute(access.permission('sessions:read'), {
  method: 'get',
  path: '/internal/sessions',
  operationId: 'ccListSessions',
  tags,
  summary: 'Newest first; the filters combine',
  request: { query: SessionListQuery },
  responses: { 200: jsonResponse('A page of sessions', pageOf(CcSessionSummarySchema, 'CcSessionSummaryPage')) },
});

export const sessionDetailRoute = defineRoute(access.permission('sessions:read'), {
  method: 'get',
  path: '/internal/sessions/{id}',
  operationId: 'ccSessionDetail',
  summary: 'A session with participants, payments, extensions, ratings, reports and sensitivity timeline',
  tags,
  request: { params: IdParam },
  responses: { 200: jsonResponse('The session', CcSessionDetailSchema) },
  errors: ['NOT_FOUND'],
});

export function sessionRoutes(deps: ControlCenterDeps) {
  return createRouter()
    .openapi(listSessionsRoute, async (c) => c.json(await listSessionsForCc(deps, c.req.valid('query')), 200))
    .openapi(sessionDetailRoute, async (c) =>
      c.json(await sessionDetail(deps, c.req.valid('param').id, await piiOf(c)), 200),
    );
}
