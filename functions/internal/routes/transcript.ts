import { z } from '@hono/zod-openapi';
import { type ControlCenterDeps, readTranscript } from '../../../shared/controlcenter';
import { createRouter } from '../../../shared/http/function-app';
import { jsonResponse } from '../../../shared/http/openapi';
import { access, defineRoute } from '../../../shared/http/route';
import { IdParam, IsoDateTime, ListQuery, pageOf, Uuid } from '../../../shared/http/schemas';

const TranscriptMessageSchema = z
  .object({
    seq: z.number().int().min(1),
    sender_type: z.enum(['customer', 'mitra']),
    sender_id: Uuid,
    body: z.string(),
    created_at: IsoDateTime,
  })
  .openapi('TranscriptMessage');

export const transcriptRoute = defineRoute(access.permission('sessions:transcript'), {
  method: 'get',
  path: '/internal/sessions/{id}/transcript',
  operationId: 'ccSessionTranscript',
  tags: ['control center: sessions'],
  summary: 'Messages by ascending seq; every read is audited (GET /internal/audit?kind=transcript_access)',
  request: { params: IdParam, query: ListQuery },
  responses: { 200: jsonResponse('A page of messages', pageOf(TranscriptMessageSchema, 'TranscriptPage')) },
  errors: ['NOT_FOUND'],
});

export function transcriptRoutes(deps: ControlCenterDeps) {
  return createRouter().openapi(transcriptRoute, async (c) =>
    c.json(await readTranscript(deps, c.var.principal.userId, c.req.valid('param').id, c.req.valid('query')), 200),
  );
}
