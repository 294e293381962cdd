import { z } from '@hono/zod-openapi';
import { type AuthDeps, customerMe, mitraMe, updateCustomerProfile } from '../../../shared/auth';
import { createRouter } from '../../../shared/http/function-app';
import { jsonBody, jsonResponse } from '../../../shared/http/openapi';
import { access, defineRoute } from '../../../shared/http/route';
import { CustomerProfile, MitraProfile } from '../schemas';
import { NameText } from '../../../shared/http/schemas';

const ProfilePatch = z.object({ display_name: NameText(50) }).openapi('CustomerProfilePatch');

export const customerMeRoute = defineRoute(access.customer, {
  method: 'get',
  path: '/api/client/auth/me',
  operationId: 'customerMe',
  summary: "The signed-in customer's profile",
  tags: ['auth: customer'],
  responses: { 200: jsonResponse('Profile', CustomerProfile) },
  errors: ['NOT_FOUND'],
});

export const customerUpdateProfileRoute = defineRoute(access.customer, {
  method: 'patch',
  path: '/api/client/auth/profile',
  operationId: 'customerUpdateProfile',
  summary: "Change the customer's display name",
  tags: ['auth: customer'],
  request: jsonBody(ProfilePatch),
  responses: { 200: jsonResponse('Profile', CustomerProfile) },
  errors: ['NOT_FOUND'],
});

export const mitraMeRoute = defineRoute(access.mitra, {
  method: 'get',
  path: '/api/mitra/auth/me',
  operationId: 'mitraMe',
  summary: "The signed-in mitra's profile",
  tags: ['auth: mitra'],
  responses: { 200: jsonResponse('Profile', MitraProfile) },
  errors: ['NOT_FOUND'],
});

export function profileRoutes(deps: AuthDeps) {
  return createRouter()
    .openapi(customerMeRoute, async (c) => c.json(await customerMe(deps, c.var.principal.userId), 200))
    .openapi(customerUpdateProfileRoute, async (c) =>
      c.json(
        await updateCustomerProfile(deps, c.var.principal.userId, { displayName: c.req.valid('json').display_name }),
        200,
      ),
    )
    .openapi(mitraMeRoute, async (c) => c.json(await mitraMe(deps, c.var.principal.userId), 200));
}
