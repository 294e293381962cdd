import { z } from '@hono/zod-openapi';
import { type ControlCenterDeps, listMitrasForCc, registerMitra, updateMitra } from '../../../shared/controlcenter';
import { createRouter } from '../../../shared/http/function-app';
import { jsonBody, jsonResponse } from '../../../shared/http/openapi';
import { access, defineRoute } from '../../../shared/http/route';
import { IdParam, IsoDateTime, ListQuery, pageOf, Uuid } from '../../../shared/http/schemas';
import { piiOf } from './pii';

const tags = ['control center: mitras'];

/** NFC-normalised and trimmed like every name (SPEC §3). */
export const CcName = z.string().normalize('NFC').trim().min(1).max(80);
/** `?flag=true|false`; absent means "either". */
export const QueryBool = z.enum(['true', 'false']).transform((v) => v === 'true');
export const SearchText = z.string().trim().min(1).max(100);
/** A search body's page size: optional (20), as `?limit` is for the lists (SPEC §3). */
export const SearchLimit = z.number().int().min(1).max(100).optional().openapi({ description: 'Default 20' });

export const CcMitraSchema = z
  .object({
    id: Uuid,
    phone: z.string().nullable().openapi({ description: 'Masked (+62812****781) without mitras:read' }),
    display_name: z.string(),
    is_active: z.boolean(),
    is_online: z.boolean(),
    last_heartbeat_at: IsoDateTime.nullable(),
    sensitive_ok: z.boolean().openapi({ description: 'May be offered sensitive requests (SPEC §6)' }),
    live_sessions: z
      .number()
      .int()
      .min(0)
      .openapi({ description: 'Sessions holding a place: pending payment, active, or in the extension window' }),
    pending_reports: z.number().int().min(0),
    flagged_for_review: z.boolean().openapi({ description: '3+ pending reports against this mitra' }),
    created_at: IsoDateTime,
    updated_at: IsoDateTime,
  })
  .openapi('CcMitra');

/** Strict: a `q` here is refused (400), so a client still searching in the URL learns it at once. */
const MitraListQuery = ListQuery.extend({
  online: QueryBool.optional().openapi({ description: 'Online (and active)' }),
  active: QueryBool.optional(),
  flagged: QueryBool.optional(),
}).strict();

/** The search travels in the body: the load balancer logs whole URLs, and a phone number is personal data. */
const MitraSearchBody = z
  .object({
    q: SearchText.optional().openapi({ description: 'Name or phone (any form: 08…, 62…, +62…)' }),
    online: z.boolean().optional().openapi({ description: 'Online (and active)' }),
    active: z.boolean().optional(),
    flagged: z.boolean().optional(),
    limit: SearchLimit,
    cursor: ListQuery.shape.cursor,
  })
  .strict()
  .openapi('CcMitraSearch');

const RegisterMitraBody = z
  .object({ phone: z.string().min(1).max(32), display_name: CcName.optional(), is_active: z.boolean().optional() })
  .strict()
  .openapi('CcRegisterMitra');

const UpdateMitraBody = z
  .object({ display_name: CcName.optional(), is_active: z.boolean().optional(), sensitive_ok: z.boolean().optional() })
  .strict()
  .refine(
    (b) => b.display_name !== undefined || b.is_active !== undefined || b.sensitive_ok !== undefined,
    'display_name, is_active or sensitive_ok is required',
  )
  .openapi('CcUpdateMitra');

export const listMitrasRoute = defineRoute(access.permission('mitras:read'), {
  method: 'get',
  path: '/internal/mitras',
  operationId: 'ccListMitras',
  tags,
  summary: 'Newest first; the filters combine; to search by name or phone use POST /internal/mitras/search',
  request: { query: MitraListQuery },
  responses: { 200: jsonResponse('A page of mitras', pageOf(CcMitraSchema, 'CcMitraPage')) },
});

export const searchMitrasRoute = defineRoute(access.permission('mitras:read'), {
  method: 'post',
  path: '/internal/mitras/search',
  operationId: 'ccSearchMitras',
  tags,
  summary: 'Newest first; search by name or phone (in the body, never in the URL) and the filters combine',
  request: jsonBody(MitraSearchBody),
  responses: { 200: jsonResponse('A page of mitras', pageOf(CcMitraSchema, 'CcMitraPage')) },
});

export const registerMitraRoute = defineRoute(access.permission('mitras:update'), {
  method: 'post',
  path: '/internal/mitras',
  operationId: 'ccRegisterMitra',
  tags,
  summary: 'Pre-register a phone (inactive unless is_active: true)',
  request: jsonBody(RegisterMitraBody),
  responses: { 201: jsonResponse('Registered', CcMitraSchema) },
  errors: ['PHONE_INVALID', 'PHONE_TAKEN'],
});

export const updateMitraRoute = defineRoute(access.permission('mitras:update'), {
  method: 'patch',
  path: '/internal/mitras/{id}',
  operationId: 'ccUpdateMitra',
  tags,
  summary:
    'Deactivation sets offline, revokes every auth session at once (refresh → 403 ACCOUNT_INACTIVE; access tokens within REVOCATION_MAX_LAG_SECONDS) and withdraws open offers',
  request: { params: IdParam, ...jsonBody(UpdateMitraBody) },
  responses: { 200: jsonResponse('Updated', CcMitraSchema) },
  errors: ['NOT_FOUND'],
});

export function mitraRoutes(deps: ControlCenterDeps) {
  return createRouter()
    .openapi(listMitrasRoute, async (c) =>
      c.json(await listMitrasForCc(deps, c.req.valid('query'), (await piiOf(c)).mitras), 200),
    )
    .openapi(searchMitrasRoute, async (c) =>
      c.json(
        await listMitrasForCc(
          deps,
          { ...c.req.valid('json'), limit: c.req.valid('json').limit ?? 20 },
          (await piiOf(c)).mitras,
        ),
        200,
      ),
    )
    .openapi(registerMitraRoute, async (c) =>
      c.json(await registerMitra(deps, c.var.principal.userId, c.req.valid('json'), await piiOf(c)), 201),
    )
    .openapi(updateMitraRoute, async (c) =>
      c.json(
        await updateMitra(deps, c.var.principal.userId, c.req.valid('param').id, c.req.valid('json'), await piiOf(c)),
        200,
      ),
    );
}
