import type { Db } from '../db/pool';
import type { Logger } from '../logger';
import { markDelivered, reschedule, type OutboxRow } from './relay-repo';

export const MAX_OUTBOX_ATTEMPTS = 25;

/** How delivering one claimed row went. */
export type Outcome =
  | { id: number; ok: true }
  /**
   * `retry`: the payload to try again with, when part of the row was delivered (a push row's sent messages).
   * `kind` labels the dead-letter metric (terraform/monitoring.tf), so it goes into the failure's log line.
   */
  | {
      id: number;
      ok: false;
      error: string;
      attempts: number;
      kind: OutboxRow['kind'];
      retry?: Record<string, unknown>;
    };

export const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export const fail = (row: OutboxRow, err: unknown): Outcome => ({
  id: row.id,
  ok: false,
  error: errorText(err),
  attempts: row.attempts,
  kind: row.kind,
});

/**
 * Seconds until a failed row is tried again: doubling per attempt up to 256 s (the step it always had), with "equal jitter"
 * (half the step fixed, half random). Rows that failed together in one outage (a Firestore or FCM
 * blip fails a whole batch) then come back spread over the second half of their step instead of all
 * at once, and never sooner than half of it.
 */
export function retryDelaySeconds(attempts: number, random: () => number = Math.random): number {
  const step = Math.min(300, 2 ** Math.min(attempts, 8));
  return step / 2 + random() * (step / 2);
}

/** Delivered rows marked in one statement; failures rescheduled with backoff in one more. */
export async function recordOutcomes(db: Db, logger: Logger, outcomes: Outcome[]): Promise<void> {
  const done = outcomes.filter((o) => o.ok).map((o) => o.id);
  const failed = outcomes.filter((o): o is Extract<Outcome, { ok: false }> => !o.ok);
  if (done.length) {
    await markDelivered(db, done);
  }
  if (failed.length) {
    for (const f of failed) {
      logger.warn('outbox delivery failed', { outbox_id: f.id, kind: f.kind, attempts: f.attempts, error: f.error });
      if (f.attempts >= MAX_OUTBOX_ATTEMPTS) logger.error('outbox dead letter', { outbox_id: f.id });
    }
    await reschedule(
      db,
      failed.map((f) => ({
        id: f.id,
        delaySeconds: retryDelaySeconds(f.attempts),
        error: f.error,
        retry: f.retry,
      })),
    );
  }
}
