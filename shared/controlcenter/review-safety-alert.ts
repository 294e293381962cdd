import { tx } from '../db/tx';
import { reviewSafetyAlertIn } from '../safety';
import type { ControlCenterDeps } from './deps';
import { insertAudit } from './repo/cc-audit-log';

/** An operator acknowledges, resolves or dismisses a safety alert (SPEC §15), audited in the same transaction. */
export async function reviewSafetyAlert(
  deps: Pick<ControlCenterDeps, 'db' | 'clock'>,
  actorId: string,
  alertId: string,
  input: { status: 'acknowledged' | 'resolved' | 'dismissed'; note?: string },
) {
  const now = deps.clock.now();
  return tx(deps.db, async (c) => {
    const { before, after } = await reviewSafetyAlertIn(c, actorId, alertId, input, now);
    await insertAudit(
      c,
      {
        kind: 'safety_alert_reviewed',
        actorId,
        targetType: 'safety_alert',
        targetId: alertId,
        details: {
          session_id: after.session_id,
          category: after.category,
          from_status: before.status,
          to_status: after.status,
          note: input.note ?? null,
        },
      },
      now,
    );
    return after;
  });
}
