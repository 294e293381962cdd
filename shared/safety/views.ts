import type { AppConfig } from '../config';
import type { CrisisResourcesDoc } from './documents';
import type { SafetyAlertRow } from './repo/safety-alerts';

const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * `customers/{uid}/safety/current`: the configured crisis lines, shown to the customer whose message
 * showed a crisis sign. Names the session it came from, never the message.
 */
export function crisisResourcesDoc(
  sessionId: string,
  resources: AppConfig['crisis_resources'],
  at: Date,
): CrisisResourcesDoc {
  return {
    session_id: sessionId,
    category: 'self_harm' as const,
    message: resources.message,
    crisis_resources: resources.hotlines.map((h) => ({ ...h })),
    shown_at: at.toISOString(),
  };
}

/** The control center's alert: the rule that matched and what operators did; the text stays in the transcript. */
export function safetyAlertView(a: SafetyAlertRow) {
  return {
    id: a.id,
    session_id: a.session_id,
    message_seq: a.message_seq,
    sender_type: a.sender_type,
    sender_id: a.sender_id,
    category: a.category,
    rule_id: a.rule_id,
    status: a.status,
    review_note: a.review_note,
    reviewed_by: a.reviewed_by,
    reviewed_at: isoOrNull(a.reviewed_at),
    created_at: a.created_at.toISOString(),
    updated_at: a.updated_at.toISOString(),
  };
}
