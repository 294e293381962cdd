import { z } from '@hono/zod-openapi';
import { type ControlCenterDeps, readTranscript } from '../../../shared/controlcenter';
import { createRouter } from '../../../shared/http/function-app';
import { jsonResponse } from '../../../shared/http/openapi';
import { access, defineRoute } from '../../../shared/http/route';
import { IdParam, IsoDateTime, ListQuery, Uuid } from '../../../shared/http/schemas';

const TranscriptMessageSchema = z
  .object({
    seq: z.number().int().min(1),
    sender_type: z.enum(['customer', 'mitra']),
    sender_id: Uuid,
    body: z.string().openapi({ description: 'Empty when removed' }),
    removed: z
      .enum(['account_deleted', 'retention'])
      .nullable()
      .openapi({ description: 'Why the body is gone: the sender deleted the account, or retention purged it' }),
    created_at: IsoDateTime,
  })
  .openapi('TranscriptMessage');

const Goodbye = z
  .object({ message: z.string().nullable().openapi({ description: 'Null when removed' }), at: IsoDateTime })
  .nullable()
  .openapi('TranscriptGoodbye');

/** SPEC §3's page, plus the goodbyes: chat content the session detail leaves to this audited read. */
const TranscriptPageSchema = z
  .object({
    items: z.array(TranscriptMessageSchema),
    next_cursor: z.string().nullable(),
    goodbyes: z
      .object({ customer: Goodbye, mitra: Goodbye })
      .openapi({ description: 'Each side’s goodbye (chat content: shown only here, under the audit)' }),
  })
  .openapi('TranscriptPage');

export const transcriptRoute = defineRoute(access.permission('sessions:transcript'), {
  method: 'get',
  path: '/internal/sessions/{id}/transcript',
  operationId: 'ccSessionTranscript',
  tags: ['control center: sessions'],
  summary: 'Messages by ascending seq; every read is audited (GET /internal/audit?kind=transcript_access)',
  request: { params: IdParam, query: ListQuery },
  responses: { 200: jsonResponse('A page of messages and the goodbyes', TranscriptPageSchema) },
  errors: ['NOT_FOUND'],
});

export function transcriptRoutes(deps: ControlCenterDeps) {
  return createRouter().openapi(transcriptRoute, async (c) =>
    c.json(await readTranscript(deps, c.var.principal.userId, c.req.valid('param').id, c.req.valid('query')), 200),
  );
}
