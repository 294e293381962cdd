import { z } from '@hono/zod-openapi';
import { banCustomer, type ControlCenterDeps, listCustomersForCc, unbanCustomer } from '../../../shared/controlcenter';
import { createRouter } from '../../../shared/http/function-app';
import { jsonBody, jsonResponse } from '../../../shared/http/openapi';
import { access, defineRoute } from '../../../shared/http/route';
import { IdParam, IsoDateTime, ListQuery, pageOf, Uuid } from '../../../shared/http/schemas';
import { SearchLimit, SearchText } from './mitras';
import { piiOf } from './pii';

const tags = ['control center: customers'];

export const CcCustomerSchema = z
  .object({
    id: Uuid,
    display_name: z.string(),
    phone: z.string().nullable().openapi({ description: 'Masked (+62812****781) without customers:read' }),
    email: z.string().nullable().openapi({ description: 'Masked (b***@g***.com) without customers:read' }),
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

const CustomerStatusFilter = z
  .enum(['active', 'banned', 'flagged'])
  .optional()
  .openapi({ description: 'flagged: 3+ pending reports' });

export const listCustomersRoute = defineRoute(access.permission('customers:read'), {
  method: 'get',
  path: '/internal/customers',
  operationId: 'ccListCustomers',
  tags,
  summary: 'Newest first; to search by name, phone or e-mail use POST /internal/customers/search',
  // Strict: a `q` here is refused (400), so a client still searching in the URL learns it at once.
  request: { query: ListQuery.extend({ status: CustomerStatusFilter }).strict() },
  responses: { 200: jsonResponse('A page of customers', pageOf(CcCustomerSchema, 'CcCustomerPage')) },
});

/** The search travels in the body: the load balancer logs whole URLs, and a phone number is personal data. */
const CustomerSearchBody = z
  .object({
    q: SearchText.optional().openapi({ description: 'Name, phone (any form: 08…, 62…, +62…) or e-mail' }),
    status: CustomerStatusFilter,
    limit: SearchLimit,
    cursor: ListQuery.shape.cursor,
  })
  .strict()
  .openapi('CcCustomerSearch');

export const searchCustomersRoute = defineRoute(access.permission('customers:read'), {
  method: 'post',
  path: '/internal/customers/search',
  operationId: 'ccSearchCustomers',
  tags,
  summary: 'Newest first; search by name, phone or e-mail (in the body, never in the URL)',
  request: jsonBody(CustomerSearchBody),
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
    .openapi(listCustomersRoute, async (c) =>
      c.json(await listCustomersForCc(deps, c.req.valid('query'), (await piiOf(c)).customers), 200),
    )
    .openapi(searchCustomersRoute, async (c) =>
      c.json(
        await listCustomersForCc(
          deps,
          { ...c.req.valid('json'), limit: c.req.valid('json').limit ?? 20 },
          (await piiOf(c)).customers,
        ),
        200,
      ),
    )
    .openapi(banCustomerRoute, async (c) =>
      c.json(
        await banCustomer(
          deps,
          c.var.principal.userId,
          c.req.valid('param').id,
          c.req.valid('json').reason,
          await piiOf(c),
        ),
        200,
      ),
    )
    .openapi(unbanCustomerRoute, async (c) =>
      c.json(await unbanCustomer(deps, c.var.principal.userId, c.req.valid('param').id, await piiOf(c)), 200),
    );
}
