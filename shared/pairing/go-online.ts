import { commitWithEffects } from '../outbox';
import { AppError } from '../errors';
import { availableMitras, setMitraOnline } from '../users';

import { availabilityAt } from './availability';
import type { PairingDeps } from './deps';
import { offerBatchEffects } from './effects';
import { offerOpenRequestsTo } from './repo/chat-request-notifications';
import { mitraStatus } from './status';

/**
 * Online is an explicit act (the heartbeat never turns a mitra online). A mitra that comes online while
 * requests are searching is offered them too, if it has room: one INSERT for all of them, one batch of
 * effects per request, all enqueued in one statement.
 */
export async function goOnline(deps: PairingDeps, mitraId: string) {
  const cfg = await deps.config.get();
  const now = deps.clock.now();
  const offered = await commitWithEffects(deps, async (c) => {
    if (!(await setMitraOnline(c, mitraId, true, now))) throw new AppError('ACCOUNT_INACTIVE');
    const [me] = await availableMitras(c, availabilityAt(cfg, now), [mitraId]);
    if (!me) return 0;
    const requestIds = await offerOpenRequestsTo(c, me, now);
    await c.enqueue(
      requestIds.flatMap((id) => offerBatchEffects(deps, id, [mitraId], now, cfg.request_notification_timeout_seconds)),
    );
    return requestIds.length;
  });
  return { ...(await mitraStatus(deps, mitraId)), offered_requests: offered };
}
