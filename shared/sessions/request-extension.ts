import { AppError } from '../errors';
import { commitWithEffects } from '../outbox';
import { buildPush } from '../push';
import type { SessionsDeps } from './deps';
import { pushEntries, sessionDocEntries, timers } from './effects';
import { insertExtension } from './repo/session-extensions';
import { sessionOfParticipant } from './participant';
import { findSessionNames } from './repo/chat-sessions';
import { EXTENSION_WINDOW_SECONDS } from './paths';
import { extensionView } from './views';

/**
 * The customer asks for more time after time-up, within the extension window. The mitra is offered
 * it (their doc and a push carrying the session's sensitivity as it is now) and has
 * extension_timeout_seconds to answer. One open extension per session (a unique index settles races).
 */
export async function requestExtension(deps: SessionsDeps, customerId: string, sessionId: string, tierId: string) {
  const cfg = await deps.config.get();
  const now = deps.clock.now();
  const ext = await commitWithEffects(deps, async (t) => {
    const s = await sessionOfParticipant(t, sessionId, 'customer', customerId, true);
    const windowEnds = s.expired_at && s.expired_at.getTime() + EXTENSION_WINDOW_SECONDS * 1000;
    if (s.status !== 'expired' || !windowEnds || now.getTime() > windowEnds)
      throw new AppError('EXTENSION_NOT_ALLOWED', undefined, { status: s.status });
    const tier = cfg.pricing_tiers.find((t) => t.id === tierId);
    if (!tier) throw AppError.invalid('tier_id', 'Unknown tier');
    const e = await insertExtension(
      t,
      {
        session_id: s.id,
        tier_id: tier.id,
        duration_minutes: tier.duration_minutes,
        price_idr: tier.price_idr,
        topic_sensitivity: s.topic_sensitivity,
        respond_by: new Date(now.getTime() + cfg.extension_timeout_seconds * 1000),
      },
      now,
    );
    if (!e) throw new AppError('EXTENSION_PENDING');
    await t.enqueue([
      ...(await sessionDocEntries(t, s.id)),
      timers.extensionTimeout(e.id, e.respond_by),
      ...(await pushEntries(
        t,
        'mitra',
        s.mitra_id,
        buildPush('extension_requested', {
          session_id: s.id,
          extension_id: e.id,
          duration_minutes: String(e.duration_minutes),
          topic_sensitivity: s.topic_sensitivity,
          respond_by: e.respond_by.toISOString(),
          customer_name: (await findSessionNames(t, s.id)).customer_name,
          expires_at: e.respond_by,
        }),
        `ext-request:${e.id}`,
      )),
    ]);
    return e;
  });
  return extensionView(ext);
}
