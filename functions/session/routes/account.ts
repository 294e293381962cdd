import { createRouter } from '../../../shared/http/function-app';
import { jsonBody, jsonResponse } from '../../../shared/http/openapi';
import { access, defineRoute } from '../../../shared/http/route';
import { streamJsonObject } from '../../../shared/http/json-stream';
import {
  exportCustomerAccount,
  exportMitraAccount,
  requestErasure,
  type AccountExport,
  type PrivacyDeps,
} from '../../../shared/privacy';
import {
  AccountDeleteInputSchema,
  AccountErasedSchema,
  CustomerAccountExportSchema,
  MitraAccountExportSchema,
} from '../privacy-schemas';

const tags = ['account'];
const EXPORT_DESCRIPTION =
  'One JSON document (SPEC §14), sent as it is read (chunked, no Content-Length): the messages come last, a few sessions at a time. Only data still kept is in it (message bodies go after retention.message_days). A connection cut mid-way leaves invalid JSON: ask again.';
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
  description: EXPORT_DESCRIPTION,
  responses: { 200: jsonResponse('The export', CustomerAccountExportSchema) },
});

export const exportMitraAccountRoute = defineRoute(access.mitra, {
  method: 'get',
  path: '/api/mitra/account/export',
  operationId: 'mitraExportAccount',
  tags,
  summary: 'Everything of yours: profile, sessions, your messages, ratings received and reports filed',
  description: EXPORT_DESCRIPTION,
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
      streamed(await exportCustomerAccount(deps, c.var.principal.userId)),
    )
    .openapi(exportMitraAccountRoute, async (c) => streamed(await exportMitraAccount(deps, c.var.principal.userId)));
}

/**
 * The export's document as it is read; `no-store`: it is personal data. The route's 200 schema describes
 * the document, but the typed helpers only know bodies held whole, hence the cast.
 */
function streamed(e: AccountExport): never {
  return new Response(streamJsonObject(e.head, 'messages', e.messages()), {
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  }) as never;
}
