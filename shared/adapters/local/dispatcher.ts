import type { AdjustableClock } from '../../clock';
import type { Queryable } from '../../db/pool';
import type { Logger } from '../../logger';
import type { LocalOidcIssuer } from './oidc-issuer';

export interface DeliveryRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}
/** Sends the HTTP request Cloud Tasks / Pub/Sub push would send; returns the status code. */
export type Deliver = (request: DeliveryRequest) => Promise<number>;

interface DeliveryRow {
  name: string;
  kind: 'task' | 'pubsub';
  path: string;
  body: unknown;
  attempts: number;
  due_at: Date;
}

export interface LocalDispatcherDeps {
  db: Queryable;
  clock: AdjustableClock;
  issuer: LocalOidcIssuer;
  audience: string;
  deliver: Deliver;
  logger: Logger;
  queueName: string;
  maxAttempts?: number;
}

/** Names of the scheduler jobs' deliveries: they are not product timers, so the clock route does not count them. */
export const CRON_TASK_PREFIX = 'cron:';

export function backoffSeconds(attempt: number): number {
  return Math.min(60, 2 ** Math.max(0, attempt - 1));
}

/** Polls local_deliveries (FOR UPDATE SKIP LOCKED + a lease) and delivers what is due, with retries. */
export class LocalDispatcher {
  /** Product timers delivered by any pass of this dispatcher (the clock route reports the difference). */
  tasksDelivered = 0;
  private timer?: NodeJS.Timeout;
  private started = false;
  private woken = false;
  private tick?: () => void;
  private running?: Promise<{ attempted: number; tasks: number }>;

  constructor(private readonly deps: LocalDispatcherDeps) {}

  /** Delivers every delivery due now (by the adjustable clock); returns what it attempted. */
  async runDue(limit = 100): Promise<{ attempted: number; tasks: number }> {
    // One pass at a time per process (other processes are kept apart by SKIP LOCKED and the lease).
    // A pass already under way may have looked before the clock moved, so wait for it, then look again.
    while (this.running) await this.running.catch(() => undefined);
    const pass = this.pass(limit).finally(() => (this.running = undefined));
    this.running = pass;
    return pass;
  }

  private async pass(limit: number): Promise<{ attempted: number; tasks: number }> {
    const { rows } = await this.deps.db.query<DeliveryRow>(
      `UPDATE local_deliveries SET lease_until = now() + interval '30 seconds', attempts = attempts + 1
       WHERE name IN (
         SELECT name FROM local_deliveries
         WHERE status = 'pending' AND due_at <= $1 AND (lease_until IS NULL OR lease_until < now())
         ORDER BY due_at, created_at LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING name, kind, path, body, attempts, due_at`,
      [this.deps.clock.now(), limit],
    );
    await Promise.all(rows.map((row) => this.deliverOne(row)));
    // Scheduler (cron) runs are deliveries too, but not the product timers callers count.
    const tasks = rows.filter((r) => r.kind === 'task' && !r.name.startsWith(CRON_TASK_PREFIX)).length;
    this.tasksDelivered += tasks;
    return { attempted: rows.length, tasks };
  }

  private async deliverOne(row: DeliveryRow): Promise<void> {
    const token = await this.deps.issuer.sign(this.deps.audience);
    const headers: Record<string, string> = {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'user-agent':
        row.kind === 'task'
          ? 'Google-Cloud-Tasks'
          : 'APIs-Google; (+https://developers.google.com/webmasters/APIs-Google.html)',
    };
    if (row.kind === 'task') {
      headers['x-cloudtasks-queuename'] = this.deps.queueName;
      headers['x-cloudtasks-taskname'] = row.name;
      headers['x-cloudtasks-taskretrycount'] = String(row.attempts - 1);
      headers['x-cloudtasks-taskexecutioncount'] = String(row.attempts - 1);
      headers['x-cloudtasks-tasketa'] = String(row.due_at.getTime() / 1000);
    }
    let status = 0;
    let error: string | undefined;
    try {
      status = await this.deps.deliver({ path: row.path, headers, body: JSON.stringify(row.body) });
    } catch (err) {
      error = (err as Error).message;
    }
    if (status >= 200 && status < 300) {
      await this.deps.db.query(
        `UPDATE local_deliveries SET status = 'done', delivered_at = now(), last_status = $2, lease_until = NULL WHERE name = $1`,
        [row.name, status],
      );
      return;
    }
    const dead = row.attempts >= (this.deps.maxAttempts ?? 12);
    const retryAt = new Date(this.deps.clock.now().getTime() + backoffSeconds(row.attempts) * 1000);
    this.deps.logger.warn('local delivery failed', {
      delivery: row.name,
      path: row.path,
      status,
      error,
      attempts: row.attempts,
      dead,
    });
    await this.deps.db.query(
      `UPDATE local_deliveries SET status = $2, due_at = $3, last_status = $4, last_error = $5, lease_until = NULL WHERE name = $1`,
      [row.name, dead ? 'dead' : 'pending', retryAt, status || null, error ?? null],
    );
  }

  /**
   * Polls every `intervalMs` when idle; a pass that found work runs again at once, and `wake()` (called
   * when something due now is scheduled) cuts the wait short, so due work never sits out a fixed sleep.
   */
  start(intervalMs = 250): void {
    const tick = () => {
      this.timer = undefined;
      this.runDue(100)
        .then(
          (r) => (r.attempted > 0 ? 0 : intervalMs),
          (err: Error) => {
            this.deps.logger.error('dispatcher pass failed', { error: err.message });
            return intervalMs;
          },
        )
        .then((delay) => {
          if (this.started) this.timer = setTimeout(tick, this.woken ? 0 : delay);
          this.woken = false;
        });
    };
    this.started = true;
    this.tick = tick;
    this.timer = setTimeout(tick, intervalMs);
  }

  wake(): void {
    if (!this.started) return;
    this.woken = true;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = setTimeout(this.tick!, 0);
    }
  }

  async stop(): Promise<void> {
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
