import { createRouter } from '../../../shared/http/function-app';
import { jsonBody, jsonResponse } from '../../../shared/http/openapi';
import { access, defineRoute } from '../../../shared/http/route';
import { exportCustomerAccount, exportMitraAccount, requestErasure, type PrivacyDeps } from '../../../shared/privacy';
import {
  AccountDeleteInputSchema,
  AccountErasedSchema,
  CustomerAccountExportSchema,
  MitraAccountExportSchema,
} from '../privacy-schemas';

const tags = ['account'];
const DELETE_SUMMARY =
  'Delete the account (SPEC §14): 401 from then on; the live session closes, messages are emptied, payments kept anonymous';

export const deleteCustomerAccountRoute = defineRoute(access.customer, {
  method: 'delete',
  path: '/api/client/account',
  operationId: 'customerDeleteAccount',
  tags,
  summary: DELETE_SUMMARY,
  request: jsonBody(AccountDeleteInputSchema),
  responses: { 202: jsonResponse('Deleted; the rest of the erasure runs in the background', AccountErasedSchema) },
  errors: ['NOT_FOUND'],
});

export const deleteMitraAccountRoute = defineRoute(access.mitra, {
  method: 'delete',
  path: '/api/mitra/account',
  operationId: 'mitraDeleteAccount',
  tags,
  summary: DELETE_SUMMARY,
  request: jsonBody(AccountDeleteInputSchema),
  responses: { 202: jsonResponse('Deleted; the rest of the erasure runs in the background', AccountErasedSchema) },
  errors: ['NOT_FOUND'],
});

export const exportCustomerAccountRoute = defineRoute(access.customer, {
  method: 'get',
  path: '/api/client/account/export',
  operationId: 'customerExportAccount',
  tags,
  summary: 'Everything of yours: profile, sessions, your messages, payments, ratings and reports filed',
  responses: { 200: jsonResponse('The export', CustomerAccountExportSchema) },
});

export const exportMitraAccountRoute = defineRoute(access.mitra, {
  method: 'get',
  path: '/api/mitra/account/export',
  operationId: 'mitraExportAccount',
  tags,
  summary: 'Everything of yours: profile, sessions, your messages, ratings received and reports filed',
  responses: { 200: jsonResponse('The export', MitraAccountExportSchema) },
});

export function accountRoutes(deps: PrivacyDeps) {
  return createRouter()
    .openapi(deleteCustomerAccountRoute, async (c) =>
      c.json(await requestErasure(deps, 'customer', c.var.principal.userId, { kind: 'self' }), 202),
    )
    .openapi(deleteMitraAccountRoute, async (c) =>
      c.json(await requestErasure(deps, 'mitra', c.var.principal.userId, { kind: 'self' }), 202),
    )
    .openapi(exportCustomerAccountRoute, async (c) =>
      c.json(await exportCustomerAccount(deps, c.var.principal.userId), 200),
    )
    .openapi(exportMitraAccountRoute, async (c) => c.json(await exportMitraAccount(deps, c.var.principal.userId), 200));
}
