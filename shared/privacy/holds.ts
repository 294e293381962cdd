import type { ControlCenterHooks } from '../controlcenter';
import { commitWithEffects } from '../outbox';
import { releaseHeldSession } from '../sessions';
import type { PrivacyDeps } from './deps';
import { releaseHoldTask } from './paths';
import { erasuresOf, lockErasure } from './repo/erasures';

export const RELEASE_BATCH = 500;

/**
 * A closed report may lift a legal hold (SPEC §14): if either participant of its session deleted their
 * account, a task empties their messages there — in the review's transaction, so the hold never outlives
 * the report unnoticed. The task re-checks: another open report on the session keeps the hold.
 */
export function privacyHooks(): Required<Pick<ControlCenterHooks, 'onReportClosed'>> {
  return {
    onReportClosed: async (t, report, now) => {
      const participants = [
        { side: report.reporter_type, id: report.reporter_id },
        { side: report.reported_type, id: report.reported_id },
      ];
      for (const e of await erasuresOf(t, participants))
        await t.enqueue([
          releaseHoldTask({ erasureId: e.id, sessionId: report.session_id, reportId: report.id, batch: 0 }, now),
        ]);
    },
  };
}

export interface ReleaseHoldTask {
  erasure_id: string;
  session_id: string;
  report_id: string;
  batch: number;
}

/** One batch of a lifted hold; the erasure row's lock keeps it apart from the erasure's own steps. */
export async function runReleaseHold(deps: PrivacyDeps, task: ReleaseHoldTask): Promise<'held' | 'more' | 'done'> {
  const now = deps.clock.now();
  return commitWithEffects(deps, async (t) => {
    const e = await lockErasure(t, task.erasure_id);
    if (!e) return 'done';
    const outcome = await releaseHeldSession(t, e.user_type, e.user_id, task.session_id, RELEASE_BATCH, now);
    if (outcome === 'more')
      await t.enqueue([
        releaseHoldTask(
          { erasureId: e.id, sessionId: task.session_id, reportId: task.report_id, batch: task.batch + 1 },
          now,
        ),
      ]);
    return outcome;
  });
}
