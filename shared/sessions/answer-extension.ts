import { AppError } from '../errors';
import { commitWithEffects } from '../outbox';
import { invoiceTask } from '../payments';
import { buildPush } from '../push';
import type { SessionsDeps } from './deps';
import { pushEntries, sessionDocEntries } from './effects';
import { findSessionNames } from './repo/chat-sessions';
import { findExtension, moveExtension } from './repo/session-extensions';
import { sessionOfParticipant } from './participant';
import { moveSession } from './transitions';
import { extensionOfferView } from './views';

/**
 * The mitra accepts or rejects the open extension. Accepted → it awaits payment: the invoice is an
 * outbox task of the payments feature, so an outage delays the link, never the answer. Rejected →
 * closing. The same answer again returns the extension as it is.
 */
export async function answerExtension(
  deps: SessionsDeps,
  mitraId: string,
  sessionId: string,
  extensionId: string,
  answer: 'accept' | 'reject',
) {
  const now = deps.clock.now();
  const to = answer === 'accept' ? 'accepted' : 'rejected';
  const e = await commitWithEffects(deps, async (t) => {
    const s = await sessionOfParticipant(t, sessionId, 'mitra', mitraId, true);
    const seen = await findExtension(t, extensionId);
    if (!seen || seen.session_id !== s.id) throw new AppError('NOT_FOUND', 'Perpanjangan tidak ditemukan');
    if (seen.status === to) return seen;
    if (seen.status !== 'requested' || seen.respond_by <= now || s.status !== 'expired')
      throw new AppError('EXTENSION_NOT_PENDING', undefined, { status: seen.status });
    const moved = (await moveExtension(t, extensionId, ['requested'], to, now))!;
    const { mitra_name } = await findSessionNames(t, s.id);
    const tell = await pushEntries(
      t,
      'customer',
      s.customer_id,
      buildPush('extension_answered', { session_id: s.id, extension_id: moved.id, answer: to, mitra_name }),
      `extension_${to}:${moved.id}`,
    );
    if (to === 'rejected') {
      await moveSession(t, deps, s.id, 'close', { now, version: s.version, reason: 'extension_rejected' });
      await t.enqueue(tell);
    } else {
      await t.enqueue([
        ...(await sessionDocEntries(t, s.id)),
        { item: invoiceTask('extension', moved.id, now) },
        ...tell,
      ]);
    }
    return moved;
  });
  return extensionOfferView(e);
}
