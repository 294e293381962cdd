import { tx } from '../db/tx';
import { AppError } from '../errors';
import { decodeCursor, pageFrom, SeqCursor } from '../pagination';
import { adminSession, transcriptPage } from '../sessions';
import type { ControlCenterDeps } from './deps';
import { insertAudit } from './repo/cc-audit-log';
import { goodbyesView, transcriptMessageView } from './views';

/**
 * A page of a session's messages (ascending seq), with both goodbyes (chat content too: only here, never
 * in the session detail). Every read leaves an audit row (who, which session, which page, when) in the
 * same transaction as the read: no transcript is shown without its trail.
 */
export async function readTranscript(
  deps: Pick<ControlCenterDeps, 'db' | 'clock'>,
  actorId: string,
  sessionId: string,
  input: { limit: number; cursor?: string },
) {
  const afterSeq = decodeCursor(input.cursor, SeqCursor) ?? 0;
  return tx(deps.db, async (c) => {
    const s = await adminSession(c, sessionId);
    if (!s) throw new AppError('NOT_FOUND', 'Sesi tidak ditemukan');
    const rows = await transcriptPage(c, sessionId, afterSeq, input.limit + 1);
    await insertAudit(
      c,
      {
        kind: 'transcript_access',
        actorId,
        targetType: 'session',
        targetId: sessionId,
        details: { after_seq: afterSeq, messages: Math.min(rows.length, input.limit) },
      },
      deps.clock.now(),
    );
    return { ...pageFrom(rows, input.limit, transcriptMessageView, (m) => m.seq), goodbyes: goodbyesView(s) };
  });
}
