import { effect, type OutboxEntry } from '../outbox';

/** The privacy feature's private routes (Cloud Tasks, Cloud Scheduler), served by the session function. */
export const PRIVACY_PATHS = {
  eraseStep: '/tasks/privacy/erase-step',
  releaseHold: '/tasks/privacy/release-hold',
  retention: '/tasks/privacy/retention',
} as const;

/**
 * One step (or one batch of a step) of an erasure. The name is deterministic: an enqueue repeated by a
 * redelivered step is one task, and the step it names acts only while the erasure row still says so.
 */
export const eraseStepTask = (erasureId: string, step: string, batch: number, runAt: Date): OutboxEntry => ({
  item: effect.task(
    `privacy-erase:${erasureId}:${step}:${batch}`,
    PRIVACY_PATHS.eraseStep,
    { erasure_id: erasureId, step, batch },
    runAt,
  ),
});

/** One batch of lifting a legal hold: the report whose closing lifted it names the task. */
export const releaseHoldTask = (
  t: { erasureId: string; sessionId: string; reportId: string; batch: number },
  runAt: Date,
): OutboxEntry => ({
  item: effect.task(
    `privacy-release:${t.erasureId}:${t.sessionId}:${t.reportId}:${t.batch}`,
    PRIVACY_PATHS.releaseHold,
    { erasure_id: t.erasureId, session_id: t.sessionId, report_id: t.reportId, batch: t.batch },
    runAt,
  ),
});

/** A further round of the day's retention job, when a round ended on a full batch. */
export const retentionTask = (day: string, round: number, runAt: Date): OutboxEntry => ({
  item: effect.task(`privacy-retention:${day}:${round}`, PRIVACY_PATHS.retention, { day, round }, runAt),
});
