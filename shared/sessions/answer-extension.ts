import { tx } from '../db/tx';
import { AppError } from '../errors';
import { enqueueMany } from '../outbox/outbox';
import { invoiceTask } from '../payments/invoice-task';
import { buildPush } from '../push/build';
import type { SessionsDeps } from './deps';
import { pushEntries, sessionDocEntries } from './effects';
import { enterClosing } from './enter-closing';
import { findExtension, moveExtension } from './extensions-repo';
import { sessionOfParticipant } from './participant';
import { findSessionNames } from './repo';
import { extensionOfferView } from './views';

/**
 * The mitra accepts or rejects the open extension. Accepted → it awaits payment: the invoice is an
 * outbox task of the payments feature (`/tasks/payments/create-invoice`), so an outage delays the
 * link, never the answer. Rejected → closing. The same answer again returns the extension as it is.
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
  const e = await tx(deps.db, async (c) => {
    const s = await sessionOfParticipant(c, sessionId, 'mitra', mitraId, true);
    const seen = await findExtension(c, extensionId);
    if (!seen || seen.session_id !== s.id) throw new AppError('NOT_FOUND', 'Extension not found');
    if (seen.status === to) return seen;
    if (seen.status !== 'requested' || seen.respond_by <= now || s.status !== 'expired')
      throw new AppError('EXTENSION_NOT_PENDING', undefined, { status: seen.status });
    const moved = (await moveExtension(c, extensionId, ['requested'], to, now))!;
    const { mitra_name } = await findSessionNames(c, s.id);
    const tell = () =>
      pushEntries(
        c,
        'customer',
        s.customer_id,
        buildPush('extension_answered', { session_id: s.id, extension_id: moved.id, answer: to, mitra_name }),
        `extension_${to}:${moved.id}`,
      );
    if (to === 'rejected') {
      await enterClosing(c, deps, s.id, { from: ['expired'], version: s.version }, 'extension_rejected', now);
      await enqueueMany(c, await tell());
    } else {
      await enqueueMany(c, [
        ...(await sessionDocEntries(c, s.id)),
        { item: invoiceTask('extension', moved.id, now) },
        ...(await tell()),
      ]);
    }
    return moved;
  });
  deps.outbox.kick();
  return extensionOfferView(e);
}
