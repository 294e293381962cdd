import { z } from '@hono/zod-openapi';
import { type AuthDeps } from '../../../shared/auth';
import { listCcUsersForCc } from '../../../shared/controlcenter';
import { createRouter } from '../../../shared/http/function-app';
import { jsonBody, jsonResponse } from '../../../shared/http/openapi';
import { access, defineRoute } from '../../../shared/http/route';
import { IsoDateTime, ListQuery, pageOf, Uuid } from '../../../shared/http/schemas';

const CcUserListItem = z
  .object({
    id: Uuid,
    email: z.string(),
    display_name: z.string(),
    role: z.string(),
    is_locked: z.boolean().openapi({ description: 'Locked out after repeated failed logins, for now' }),
    created_at: IsoDateTime,
  })
  .openapi('CcUserListItem');

const Role = z.string().min(1).max(64);

export const listCcUsersRoute = defineRoute(access.permission('control_center_users:read'), {
  method: 'get',
  path: '/internal/control-center-users',
  operationId: 'ccListUsers',
  tags: ['auth: control center'],
  summary: 'Newest first; filter by role; to search by e-mail or name use POST /internal/control-center-users/search',
  // Strict: a `q` here is refused (400), so a client still searching in the URL learns it at once.
  request: { query: ListQuery.extend({ role: Role.optional() }).strict() },
  responses: { 200: jsonResponse('A page of control-center users', pageOf(CcUserListItem, 'CcUserPage')) },
});

/** The search travels in the body: the load balancer logs whole URLs, and an e-mail is personal data (SPEC §14). */
const CcUserSearchBody = z
  .object({
    q: z.string().trim().min(1).max(100).optional().openapi({ description: 'E-mail or name' }),
    role: Role.optional(),
    limit: z.number().int().min(1).max(100).optional().openapi({ description: 'Default 20' }),
    cursor: ListQuery.shape.cursor,
  })
  .strict()
  .openapi('CcUserSearch');

export const searchCcUsersRoute = defineRoute(access.permission('control_center_users:read'), {
  method: 'post',
  path: '/internal/control-center-users/search',
  operationId: 'ccSearchUsers',
  tags: ['auth: control center'],
  summary: 'Newest first; search by e-mail or name (in the body, never in the URL), filter by role',
  request: jsonBody(CcUserSearchBody),
  responses: { 200: jsonResponse('A page of control-center users', pageOf(CcUserListItem, 'CcUserPage')) },
});

export function ccUserListRoutes(deps: Pick<AuthDeps, 'db' | 'clock'>) {
  return createRouter()
    .openapi(listCcUsersRoute, async (c) => c.json(await listCcUsersForCc(deps, c.req.valid('query')), 200))
    .openapi(searchCcUsersRoute, async (c) => {
      const body = c.req.valid('json');
      return c.json(await listCcUsersForCc(deps, { ...body, limit: body.limit ?? 20 }), 200);
    });
}
