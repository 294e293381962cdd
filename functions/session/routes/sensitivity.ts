import { createRouter } from '../../../shared/http/function-app';
import { jsonBody, jsonResponse } from '../../../shared/http/openapi';
import { access, defineRoute } from '../../../shared/http/route';
import { IdParam } from '../../../shared/http/schemas';
import { flipSensitivity, type SessionsDeps } from '../../../shared/sessions';
import { SensitivityInputSchema, SessionForMitraSchema } from '../schemas';

export const mitraFlipSensitivityRoute = defineRoute(access.mitra, {
  method: 'patch',
  path: '/api/mitra/sessions/{id}/topic-sensitivity',
  operationId: 'mitraFlipSensitivity',
  tags: ['sessions: sensitivity'],
  summary: 'Flip while active; a real flip is logged, a no-op is not; the latch keeps sensitive sessions sensitive',
  request: { params: IdParam, ...jsonBody(SensitivityInputSchema) },
  responses: { 200: jsonResponse('The session as the mitra sees it now', SessionForMitraSchema) },
  errors: ['NOT_FOUND', 'FORBIDDEN', 'SESSION_NOT_ACTIVE', 'SENSITIVITY_LATCHED'],
});

export function sensitivityRoutes(deps: SessionsDeps) {
  return createRouter().openapi(mitraFlipSensitivityRoute, async (c) =>
    c.json(
      await flipSensitivity(
        deps,
        c.var.principal.userId,
        c.req.valid('param').id,
        c.req.valid('json').topic_sensitivity,
      ),
      200,
    ),
  );
}
