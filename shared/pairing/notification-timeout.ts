import { commitWithEffects } from '../outbox';

import type { PairingDeps } from './deps';
import { offerEndings } from './effects';
import { findRequest } from './repo/chat-requests';
import { transitionNotifications } from './repo/chat-request-notifications';

/** The offer batch a timeout covers: the notifications one statement wrote, sharing `offered_at`. */
export interface NotificationTimeoutTarget {
  request_id: string;
  offered_at: string;
}

/**
 * Every still-'offered' notification of the batch becomes 'ignored' (one UPDATE); anything already
 * answered, taken or ignored is left alone, so a duplicated or late delivery has no further effect.
 * An ignored offer stays acceptable while the request searches (decision 14).
 */
export async function notificationTimeout(deps: PairingDeps, target: NotificationTimeoutTarget): Promise<number> {
  const now = deps.clock.now();
  const moved = await commitWithEffects(deps, async (c) => {
    const r = await findRequest(c, target.request_id, true);
    if (!r) return 0;
    const ignored = await transitionNotifications(c, r.id, ['offered'], 'ignored', now, 'no_response', {
      offeredAt: new Date(target.offered_at),
    });
    if (r.status === 'searching') await c.enqueue(offerEndings(ignored, r.id, { status: 'ignored' }, now));
    return ignored.length;
  });
  return moved;
}
