import { createRouter } from '../../../shared/http/function-app';
import { jsonBody, jsonResponse } from '../../../shared/http/openapi';
import { access, defineRoute } from '../../../shared/http/route';
import { IdParam } from '../../../shared/http/schemas';
import { rateSession, reportSession, type SessionsDeps } from '../../../shared/sessions';
import { RatingInputSchema, RatingSchema, ReportInputSchema, ReportSchema } from '../schemas';

const tags = ['sessions: feedback'];

export const customerRateSessionRoute = defineRoute(access.customer, {
  method: 'post',
  path: '/api/client/sessions/{id}/rating',
  operationId: 'customerRateSession',
  tags,
  summary: 'Once per session, after it ended',
  request: { params: IdParam, ...jsonBody(RatingInputSchema) },
  responses: { 201: jsonResponse('Rated', RatingSchema) },
  errors: ['NOT_FOUND', 'FORBIDDEN', 'SESSION_NOT_ENDED', 'ALREADY_RATED'],
});

const report = (ns: 'client' | 'mitra', operationId: string) =>
  ({
    method: 'post',
    path: `/api/${ns}/reports`,
    operationId,
    tags,
    summary: 'Report the other participant: one per session per reporter',
    request: jsonBody(ReportInputSchema),
    responses: { 201: jsonResponse('Reported', ReportSchema) },
    errors: ['NOT_FOUND', 'FORBIDDEN', 'ALREADY_REPORTED', 'RATE_LIMITED'],
  }) as const;

export const customerReportRoute = defineRoute(access.customer, report('client', 'customerReport'));
export const mitraReportRoute = defineRoute(access.mitra, report('mitra', 'mitraReport'));

export function feedbackRoutes(deps: SessionsDeps) {
  return createRouter()
    .openapi(customerRateSessionRoute, async (c) =>
      c.json(await rateSession(deps, c.var.principal.userId, c.req.valid('param').id, c.req.valid('json')), 201),
    )
    .openapi(customerReportRoute, async (c) =>
      c.json(await reportSession(deps, 'customer', c.var.principal.userId, c.req.valid('json')), 201),
    )
    .openapi(mitraReportRoute, async (c) =>
      c.json(await reportSession(deps, 'mitra', c.var.principal.userId, c.req.valid('json')), 201),
    );
}
