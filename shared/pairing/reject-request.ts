import { commitWithEffects } from '../outbox';
import { AppError } from '../errors';

import type { PairingDeps } from './deps';
import { offerEndings } from './effects';
import { findRequest } from './repo/chat-requests';
import { findNotification, transitionNotifications } from './repo/chat-request-notifications';

/** Rejecting twice answers the same; a rejected offer cannot be accepted later (REQUEST_REJECTED). */
export async function rejectRequest(deps: PairingDeps, mitraId: string, requestId: string) {
  const now = deps.clock.now();
  await commitWithEffects(deps, async (c) => {
    const r = await findRequest(c, requestId, true);
    if (!r) throw new AppError('NOT_FOUND', 'Permintaan tidak ditemukan');
    const n = await findNotification(c, requestId, mitraId, true);
    if (!n) throw new AppError('FORBIDDEN', 'Permintaan ini tidak ditawarkan kepadamu');
    if (n.status === 'rejected') return;
    if (r.status === 'accepted') throw new AppError('REQUEST_TAKEN');
    if (r.status === 'cancelled') throw new AppError('REQUEST_CANCELLED');
    if (r.status === 'expired') throw new AppError('REQUEST_EXPIRED');
    await transitionNotifications(c, r.id, ['offered', 'ignored'], 'rejected', now, null, { mitraId });
    await c.enqueue(offerEndings([mitraId], r.id, { status: 'rejected' }, now));
  });
  return { request_id: requestId, status: 'rejected' as const };
}
