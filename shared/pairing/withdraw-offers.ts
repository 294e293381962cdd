import { effect, type Tx } from '../outbox';
import { offerDocPath } from './paths';
import { withdrawOpenNotifications } from './repo/chat-request-notifications';

const WITHDRAWN = { status: 'cancelled', reason: 'mitra_deactivated', message: 'Akun kamu tidak aktif' } as const;

/**
 * A deactivated mitra's open offers end (inside the caller's transaction, after it locked the mitra
 * row, the lock order accept uses): every `offered` notification of a searching request becomes
 * `cancelled` / `mitra_deactivated` in one UPDATE, and each open offer doc (an `ignored` one may still be
 * accepted while the request searches, so its doc closes too; its logged status stays) is ended via
 * the outbox. Returns the request ids whose offer was withdrawn.
 */
export async function withdrawOpenOffers(q: Tx, mitraId: string, now: Date): Promise<string[]> {
  const requestIds = await withdrawOpenNotifications(q, mitraId, WITHDRAWN.reason, now);
  await q.enqueue(
    requestIds.map((id) => ({
      item: effect.setDoc(offerDocPath(mitraId, id), { ...WITHDRAWN, updated_at: now.toISOString() }),
    })),
  );
  return requestIds;
}
