import { z } from '@hono/zod-openapi';
import {
  type ControlCenterDeps,
  MAX_RANGE_DAYS,
  mitraActivity,
  mitraActivityLogFor,
} from '../../../shared/controlcenter';
import { createRouter } from '../../../shared/http/function-app';
import { jsonResponse } from '../../../shared/http/openapi';
import { access, defineRoute } from '../../../shared/http/route';
import { IdParam, IsoDateTime, ListQuery, Uuid } from '../../../shared/http/schemas';
import { piiOf } from './pii';

const tags = ['control center: mitra activity'];
const count = z.number().int().min(0);
const rate = z.number().min(0).max(100).nullable();
const NOTIFICATION_STATUSES = ['offered', 'accepted', 'rejected', 'ignored', 'missed', 'cancelled', 'expired'] as const;

const RangeQuery = ListQuery.extend({
  from: IsoDateTime.optional().openapi({ description: 'Inclusive: offers made at or after (default: to − 30 days)' }),
  to: IsoDateTime.optional().openapi({
    description: `Exclusive: offers made before (default: now); at most ${MAX_RANGE_DAYS} days after from`,
  }),
});

export const MitraActivityRowSchema = z
  .object({
    mitra: z.object({
      id: Uuid,
      display_name: z.string(),
      phone: z.string().nullable().openapi({ description: 'Masked without mitras:read; null for a deleted account' }),
      is_active: z.boolean(),
    }),
    offered: count.openapi({ description: 'Every notification offered in [from, to), whatever became of it' }),
    accepted: count,
    rejected: count,
    ignored: count.openapi({ description: 'No answer within request_notification_timeout_seconds' }),
    missed: count.openapi({ description: 'Another mitra accepted first' }),
    accept_rate: rate.openapi({ description: 'accepted / offered in %, one decimal; null when offered is 0' }),
    sensitive_total: count.openapi({ description: 'Offers whose topic was sensitive' }),
    sensitive_accepted: count,
    sensitive_rate: rate.openapi({
      description: 'sensitive_accepted / sensitive_total in %, one decimal; null when sensitive_total is 0',
    }),
  })
  .openapi('MitraActivityRow');

export const MitraActivityPageSchema = z
  .object({
    from: IsoDateTime,
    to: IsoDateTime,
    items: z.array(MitraActivityRowSchema),
    next_cursor: z.string().nullable(),
  })
  .openapi('MitraActivityPage');

export const MitraActivityLogEntrySchema = z
  .object({
    request_id: Uuid,
    status: z.enum(NOTIFICATION_STATUSES),
    reason: z.string().nullable(),
    topic_sensitivity: z.enum(['regular', 'sensitive']),
    active_session_count: count.openapi({ description: 'The mitra’s live sessions when offered' }),
    offered_at: IsoDateTime,
    responded_at: IsoDateTime.nullable(),
    request_status: z.string(),
    is_free_trial: z.boolean(),
    session_id: Uuid.nullable().openapi({ description: 'The session, when this mitra won it' }),
  })
  .openapi('MitraActivityLogEntry');

export const MitraActivityLogSchema = z
  .object({
    mitra_id: Uuid,
    from: IsoDateTime,
    to: IsoDateTime,
    items: z.array(MitraActivityLogEntrySchema),
    next_cursor: z.string().nullable(),
  })
  .openapi('MitraActivityLog');

export const mitraActivityRoute = defineRoute(access.permission('mitra_activity:read'), {
  method: 'get',
  path: '/internal/mitra-activity',
  operationId: 'ccMitraActivity',
  tags,
  summary: 'Per mitra (by name), offers made in [from, to) and what became of them',
  request: { query: RangeQuery },
  responses: { 200: jsonResponse('A page of mitras with their figures', MitraActivityPageSchema) },
});

export const mitraActivityLogRoute = defineRoute(access.permission('mitra_activity:read'), {
  method: 'get',
  path: '/internal/mitra-activity/{id}/log',
  operationId: 'ccMitraActivityLog',
  tags,
  summary: 'The mitra’s notification rows in [from, to), newest first',
  request: { params: IdParam, query: RangeQuery.extend({ status: z.enum(NOTIFICATION_STATUSES).optional() }) },
  responses: { 200: jsonResponse('A page of the log', MitraActivityLogSchema) },
  errors: ['NOT_FOUND'],
});

export function mitraActivityRoutes(deps: ControlCenterDeps) {
  return createRouter()
    .openapi(mitraActivityRoute, async (c) =>
      c.json(await mitraActivity(deps, c.req.valid('query'), (await piiOf(c)).mitras), 200),
    )
    .openapi(mitraActivityLogRoute, async (c) =>
      c.json(await mitraActivityLogFor(deps, c.req.valid('param').id, c.req.valid('query')), 200),
    );
}
