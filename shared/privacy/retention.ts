import { purgeAuthRecords } from '../auth';
import { commitWithEffects, purgeDeliveredBefore } from '../outbox';
import { purgeOldMessages } from '../sessions';
import type { PrivacyDeps } from './deps';
import { retentionTask } from './paths';

/** Per round, per kind: one bounded batch each (a round stays well under a request's time). */
export const RETENTION_BATCH = { sessions: 100, messages: 1000, outbox: 5000, auth: 1000 };
/** A day's job never chains more rounds than this (a backlog left over is the next day's). */
const MAX_ROUNDS = 500;
const DAY_MS = 86_400_000;

export interface RetentionTask {
  day?: string;
  round?: number;
}

/**
 * The daily retention job (SPEC §14), one round: message bodies of sessions completed more than
 * `retention.message_days` ago (Postgres and Firestore; a session with an open report waits), delivered
 * outbox rows after `retention.outbox_days`, OTP requests and ended auth sessions after
 * `retention.auth_days`. A round that filled a batch chains the next one as a task.
 */
export async function runRetention(deps: PrivacyDeps, task: RetentionTask) {
  const now = deps.clock.now();
  const { retention } = await deps.config.get();
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const day = task.day ?? now.toISOString().slice(0, 10);
  const round = task.round ?? 0;

  const messages = await commitWithEffects(deps, (t) =>
    purgeOldMessages(t, before(retention.message_days), RETENTION_BATCH, now),
  );
  const outbox = await purgeDeliveredBefore(deps.db, before(retention.outbox_days), RETENTION_BATCH.outbox);
  const auth = await purgeAuthRecords(deps.db, before(retention.auth_days), RETENTION_BATCH.auth);

  const full =
    messages.full ||
    outbox === RETENTION_BATCH.outbox ||
    auth.otp_requests === RETENTION_BATCH.auth ||
    auth.auth_sessions === RETENTION_BATCH.auth;
  if (full && round + 1 < MAX_ROUNDS)
    await commitWithEffects(deps, (t) => t.enqueue([retentionTask(day, round + 1, now)]));
  const counts = {
    messages: messages.messages,
    sessions_purged: messages.sessions,
    outbox_rows: outbox,
    otp_requests: auth.otp_requests,
    auth_sessions: auth.auth_sessions,
  };
  deps.logger.info('retention round', { day, round, ...counts, more: full });
  return { day, round, ...counts, more: full };
}
