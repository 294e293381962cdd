import { z } from '@hono/zod-openapi';
import { type AuthDeps } from '../../../shared/auth';
import { listCcUsersForCc } from '../../../shared/controlcenter';
import { createRouter } from '../../../shared/http/function-app';
import { jsonResponse } from '../../../shared/http/openapi';
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

export const listCcUsersRoute = defineRoute(access.permission('control_center_users:read'), {
  method: 'get',
  path: '/internal/control-center-users',
  operationId: 'ccListUsers',
  tags: ['auth: control center'],
  summary: 'Newest first; search by email or name, filter by role',
  request: {
    query: ListQuery.extend({
      q: z.string().trim().min(1).max(100).optional(),
      role: z.string().min(1).max(64).optional(),
    }),
  },
  responses: { 200: jsonResponse('A page of control-center users', pageOf(CcUserListItem, 'CcUserPage')) },
});

export function ccUserListRoutes(deps: Pick<AuthDeps, 'db' | 'clock'>) {
  return createRouter().openapi(listCcUsersRoute, async (c) =>
    c.json(await listCcUsersForCc(deps, c.req.valid('query')), 200),
  );
}
