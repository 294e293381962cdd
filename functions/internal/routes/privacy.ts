import { z } from '@hono/zod-openapi';
import { createRouter } from '../../../shared/http/function-app';
import { jsonResponse } from '../../../shared/http/openapi';
import { access, defineRoute } from '../../../shared/http/route';
import { IdParam, IsoDateTime } from '../../../shared/http/schemas';
import { requestErasure, type PrivacyDeps } from '../../../shared/privacy';

const tags = ['control center: privacy'];

const ErasedSchema = z
  .object({ erased_at: IsoDateTime.openapi({ description: 'When the account was deleted (the first time)' }) })
  .openapi('CcAccountErased');

const eraseRoute = (side: 'customers' | 'mitras', operationId: string) =>
  defineRoute(access.permission('privacy:erase'), {
    method: 'post',
    path: `/internal/${side}/{id}/erase`,
    operationId,
    tags,
    summary:
      'Delete the account as the user would (SPEC §14), audited; repeating answers the same erased_at and changes nothing',
    request: { params: IdParam },
    responses: { 202: jsonResponse('Deleted; the rest of the erasure runs in the background', ErasedSchema) },
    errors: ['NOT_FOUND'],
  });

export const eraseCustomerRoute = eraseRoute('customers', 'ccEraseCustomer');
export const eraseMitraRoute = eraseRoute('mitras', 'ccEraseMitra');

export function privacyRoutes(deps: PrivacyDeps) {
  const by = (actorId: string) => ({ kind: 'operator' as const, actorId });
  return createRouter()
    .openapi(eraseCustomerRoute, async (c) =>
      c.json(await requestErasure(deps, 'customer', c.req.valid('param').id, by(c.var.principal.userId)), 202),
    )
    .openapi(eraseMitraRoute, async (c) =>
      c.json(await requestErasure(deps, 'mitra', c.req.valid('param').id, by(c.var.principal.userId)), 202),
    );
}
