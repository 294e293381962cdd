import type { AppConfig } from '../config';
import { commitWithEffects, effect, type OutboxEntry } from '../outbox';
import { buildPush } from '../push';
import { flagSessionForSafety, messagesToScreen, type ScreeningEvent } from '../sessions';
import { deviceTokensOf } from '../users';
import type { SafetyDeps } from './deps';
import { safetyDocPath } from './paths';
import { insertAlerts } from './repo/safety-alerts';
import { screenText, type SafetyHit } from './screen';
import { crisisResourcesDoc } from './views';

/**
 * Committed messages screened (SPEC §15), from a screening event (one message, or a relay batch's): the
 * texts are read here, from Postgres, in one statement, and go nowhere else. A hit raises one alert per
 * category and flags the session; a crisis sign from a customer, the first time in a session, also brings
 * the customer the crisis resources (doc and push) and the mitra the notice, in the same transaction.
 * Redelivered, it finds its alerts and the notice already there and records nothing twice.
 */
export async function screenMessages(deps: SafetyDeps, refs: Array<Pick<ScreeningEvent, 'session_id' | 'message_id'>>) {
  const found = await messagesToScreen(deps.db, refs);
  if (found.length < refs.length)
    deps.logger.warn('screening: messages not found', { asked: refs.length, found: found.length });
  const cfg = await deps.config.get();
  let alerts = 0;
  for (const m of found) {
    const hits = screenText(m.body, cfg.safety_rules);
    if (hits.length) alerts += await raise(deps, cfg, m, hits);
  }
  return { alerts };
}

type Screened = Awaited<ReturnType<typeof messagesToScreen>>[number];

/** One message's hits: the alerts, the flag and, for a customer's first crisis sign, the resources. */
async function raise(deps: SafetyDeps, cfg: AppConfig, m: Screened, hits: SafetyHit[]) {
  const crisis = m.sender_type === 'customer' && hits.some((h) => h.category === 'self_harm');
  const now = deps.clock.now();
  const raised = await commitWithEffects(deps, async (t) => {
    const session = await flagSessionForSafety(t, m.session_id, crisis ? cfg.safety_notice : null, now);
    if (!session) return [];
    const alerts = await insertAlerts(
      t,
      hits.map((h) => ({
        ...h,
        session_id: m.session_id,
        message_seq: m.seq,
        sender_type: m.sender_type,
        sender_id: m.sender_id,
      })),
      now,
    );
    const entries: OutboxEntry[] = [...session.entries];
    if (session.noticedNow) {
      entries.push({
        item: effect.setDoc(
          safetyDocPath(session.customerId),
          crisisResourcesDoc(m.session_id, cfg.crisis_resources, now),
          false,
        ),
      });
      const push = buildPush('safety_resources', { session_id: m.session_id });
      for (const d of await deviceTokensOf(t, 'customer', [session.customerId]))
        entries.push({
          item: effect.push({ ...push, userId: session.customerId, token: d.fcm_token }),
          dedupeKey: `push:safety:${m.session_id}:${d.device_id}`,
        });
    }
    if (entries.length) await t.enqueue(entries);
    return alerts;
  });
  for (const a of raised)
    deps.logger.info('safety alert raised', {
      alert_id: a.id,
      session_id: a.session_id,
      message_seq: a.message_seq,
      sender_type: a.sender_type,
      category: a.category,
      rule_id: a.rule_id,
    });
  return raised.length;
}
