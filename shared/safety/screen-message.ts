import { commitWithEffects, effect, type OutboxEntry } from '../outbox';
import { buildPush } from '../push';
import { flagSessionForSafety, messageToScreen, type ScreeningEvent } from '../sessions';
import { deviceTokensOf } from '../users';
import type { SafetyDeps } from './deps';
import { safetyDocPath } from './paths';
import { insertAlerts } from './repo/safety-alerts';
import { screenText } from './screen';
import { crisisResourcesDoc } from './views';

/**
 * One committed message screened (SPEC §15), from its screening event: the text is read here, from
 * Postgres, and goes nowhere else. A hit raises one alert per category and flags the session; a crisis
 * sign from a customer, the first time in a session, also brings the customer the crisis resources (doc
 * and push) and the mitra the notice, in the same transaction. Redelivered, it finds its alerts and the
 * notice already there and records nothing twice.
 */
export async function screenMessage(deps: SafetyDeps, ev: Pick<ScreeningEvent, 'session_id' | 'message_id'>) {
  const m = await messageToScreen(deps.db, ev.session_id, ev.message_id);
  if (!m) {
    deps.logger.warn('screening: no such message', { session_id: ev.session_id, message_id: ev.message_id });
    return { alerts: 0 };
  }
  const cfg = await deps.config.get();
  const hits = screenText(m.body, cfg.safety_rules);
  if (hits.length === 0) return { alerts: 0 };
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
  return { alerts: raised.length };
}
