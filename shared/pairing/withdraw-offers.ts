import { effect, type Tx } from '../outbox';
import { offerDocPath } from './paths';

const WITHDRAWN = { status: 'cancelled', reason: 'mitra_deactivated', message: 'Akun kamu tidak aktif' } as const;

/**
 * A deactivated mitra's open offers end (inside the caller's transaction, after it locked the mitra
 * row, the lock order accept uses): every `offered` notification of a searching request becomes
 * `cancelled` / `mitra_deactivated` in one UPDATE, and each open offer doc (an `ignored` one may still be
 * accepted while the request searches, so its doc closes too; its logged status stays) is ended via
 * the outbox. Returns the request ids whose offer was withdrawn.
 */
export async function withdrawOpenOffers(q: Tx, mitraId: string, now: Date): Promise<string[]> {
  const { rows } = await q.query<{ request_id: string }>(
    `WITH open AS (
       SELECT n.request_id, n.status FROM chat_request_notifications n
       JOIN chat_requests r ON r.id = n.request_id
       WHERE n.mitra_id = $1 AND n.status IN ('offered', 'ignored') AND r.status = 'searching'
       FOR NO KEY UPDATE OF n
     ), withdrawn AS (
       UPDATE chat_request_notifications n SET status = 'cancelled', reason = $3, responded_at = $2
       FROM open o WHERE n.mitra_id = $1 AND n.request_id = o.request_id AND o.status = 'offered'
       RETURNING n.request_id
     )
     SELECT request_id FROM open ORDER BY request_id`,
    [mitraId, now, WITHDRAWN.reason],
  );
  await q.enqueue(
    rows.map((r) => ({
      item: effect.setDoc(offerDocPath(mitraId, r.request_id), { ...WITHDRAWN, updated_at: now.toISOString() }),
    })),
  );
  return rows.map((r) => r.request_id);
}
