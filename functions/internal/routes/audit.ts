import { z } from '@hono/zod-openapi';
import { AUDIT_KINDS, type ControlCenterDeps, listAudit } from '../../../shared/controlcenter';
import { createRouter } from '../../../shared/http/function-app';
import { jsonResponse } from '../../../shared/http/openapi';
import { access, defineRoute } from '../../../shared/http/route';
import { IsoDateTime, ListQuery, pageOf, Uuid } from '../../../shared/http/schemas';

const MitraFields = z.object({ display_name: z.string().optional(), is_active: z.boolean().optional() });

/** What each kind records (fields absent for the kinds that do not carry them). */
const AuditDetailsSchema = z
  .object({
    after_seq: z.number().int().optional().openapi({ description: 'transcript_access: the page read started after' }),
    messages: z.number().int().optional().openapi({ description: 'transcript_access: messages shown' }),
    display_name: z.string().optional(),
    is_active: z.boolean().optional(),
    before: MitraFields.optional(),
    after: MitraFields.optional(),
    sessions_revoked: z.number().int().optional(),
    offers_withdrawn: z.number().int().optional(),
    reason: z.string().optional(),
    from_status: z.string().optional(),
    to_status: z.string().optional(),
    note: z.string().nullable().optional(),
  })
  .openapi('AuditDetails');

const AuditEntrySchema = z
  .object({
    id: z.string(),
    kind: z.enum(AUDIT_KINDS),
    actor: z.object({ id: Uuid, email: z.string(), display_name: z.string() }).nullable(),
    target_type: z.string().nullable(),
    target_id: z.string().nullable(),
    details: AuditDetailsSchema,
    created_at: IsoDateTime,
  })
  .openapi('AuditEntry');

export const auditRoute = defineRoute(access.permission('audit:read'), {
  method: 'get',
  path: '/internal/audit',
  operationId: 'ccAudit',
  tags: ['control center: audit'],
  summary: 'Operators’ actions, newest first (transcript reads, bans, mitra changes, report reviews)',
  request: {
    query: ListQuery.extend({
      kind: z.enum(AUDIT_KINDS).optional(),
      actor_id: Uuid.optional(),
      target_id: z.string().min(1).max(100).optional(),
    }),
  },
  responses: { 200: jsonResponse('A page of the trail', pageOf(AuditEntrySchema, 'AuditEntryPage')) },
});

export function auditRoutes(deps: ControlCenterDeps) {
  return createRouter().openapi(auditRoute, async (c) => c.json(await listAudit(deps, c.req.valid('query')), 200));
}
