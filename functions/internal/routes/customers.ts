import { z } from '@hono/zod-openapi';
import { banCustomer, type ControlCenterDeps, listCustomersForCc, unbanCustomer } from '../../../shared/controlcenter';
import { createRouter } from '../../../shared/http/function-app';
import { jsonBody, jsonResponse } from '../../../shared/http/openapi';
import { access, defineRoute } from '../../../shared/http/route';
import { IdParam, IsoDateTime, ListQuery, pageOf, Uuid } from '../../../shared/http/schemas';
import { SearchText } from './mitras';

const tags = ['control center: customers'];

export const CcCustomerSchema = z
  .object({
    id: Uuid,
    display_name: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    is_guest: z.boolean(),
    is_banned: z.boolean(),
    banned_at: IsoDateTime.nullable(),
    ban_reason: z.string().nullable(),
    pending_reports: z.number().int().min(0),
    flagged_for_review: z.boolean().openapi({ description: '3+ pending reports against this customer' }),
    created_at: IsoDateTime,
  })
  .openapi('CcCustomer');

const BanBody = z
  .object({ reason: z.string().normalize('NFC').trim().min(1).max(500) })
  .strict()
  .openapi('CcBanCustomer');

export const listCustomersRoute = defineRoute(access.permission('customers:read'), {
  method: 'get',
  path: '/internal/customers',
  operationId: 'ccListCustomers',
  tags,
  summary: 'Newest first; search by name, phone or email',
  request: {
    query: ListQuery.extend({
      q: SearchText.optional(),
      status: z
        .enum(['active', 'banned', 'flagged'])
        .optional()
        .openapi({ description: 'flagged: 3+ pending reports' }),
    }),
  },
  responses: { 200: jsonResponse('A page of customers', pageOf(CcCustomerSchema, 'CcCustomerPage')) },
});

export const banCustomerRoute = defineRoute(access.permission('customers:update'), {
  method: 'post',
  path: '/internal/customers/{id}/ban',
  operationId: 'ccBanCustomer',
  tags,
  summary:
    'Revokes every auth session at once (refresh → 403 ACCOUNT_BANNED; access tokens within REVOCATION_MAX_LAG_SECONDS)',
  request: { params: IdParam, ...jsonBody(BanBody) },
  responses: { 200: jsonResponse('Banned', CcCustomerSchema) },
  errors: ['NOT_FOUND'],
});

export const unbanCustomerRoute = defineRoute(access.permission('customers:update'), {
  method: 'post',
  path: '/internal/customers/{id}/unban',
  operationId: 'ccUnbanCustomer',
  summary: "Lift a customer's ban",
  tags,
  request: { params: IdParam },
  responses: { 200: jsonResponse('Unbanned', CcCustomerSchema) },
  errors: ['NOT_FOUND'],
});

export function customerRoutes(deps: ControlCenterDeps) {
  return createRouter()
    .openapi(listCustomersRoute, async (c) => c.json(await listCustomersForCc(deps, c.req.valid('query')), 200))
    .openapi(banCustomerRoute, async (c) =>
      c.json(await banCustomer(deps, c.var.principal.userId, c.req.valid('param').id, c.req.valid('json').reason), 200),
    )
    .openapi(unbanCustomerRoute, async (c) =>
      c.json(await unbanCustomer(deps, c.var.principal.userId, c.req.valid('param').id), 200),
    );
}
