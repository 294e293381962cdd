import { commitWithEffects } from '../outbox';
import type { PrivacyDeps } from './deps';
import { eraseStepTask } from './paths';
import { advanceErasure, lockErasure } from './repo/erasures';
import { stepOf } from './steps';

export interface EraseStepTask {
  erasure_id: string;
  step: string;
  batch: number;
}

/**
 * Runs one step (or one batch of it) of an erasure, in one transaction: the erasure row is locked and must
 * still name this step and batch — a redelivered, duplicated or late task finds it moved on and changes
 * nothing (`stale`). The step's work, the row's move and the next step's task commit together, so a
 * crash anywhere leaves either nothing of this step or all of it, and the queue retries or goes on.
 */
export async function runEraseStep(deps: PrivacyDeps, task: EraseStepTask): Promise<'ran' | 'stale'> {
  const now = deps.clock.now();
  return commitWithEffects(deps, async (t) => {
    const e = await lockErasure(t, task.erasure_id);
    const step = e && stepOf(e.step);
    if (!e || !step || e.completed_at || e.step !== task.step || e.batch !== task.batch) return 'stale';
    const outcome = await step(t, deps, e, now);
    const next =
      'again' in outcome
        ? {
            step: e.step,
            batch: e.batch + 1,
            position: outcome.position ?? e.position,
            outboxUntil: outcome.outboxUntil ?? e.outbox_until,
          }
        : { step: outcome.next, batch: 0, position: null, outboxUntil: e.outbox_until };
    const completed = next.step === 'done';
    await advanceErasure(t, e.id, { ...next, completed }, now);
    if (!completed) await t.enqueue([eraseStepTask(e.id, next.step, next.batch, outcome.runAt ?? now)]);
    deps.logger.info('erasure step', { erasure_id: e.id, step: e.step, batch: e.batch, next: next.step });
    return 'ran';
  });
}
