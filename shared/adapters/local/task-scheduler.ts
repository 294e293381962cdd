import type { Clock } from '../../clock';
import type { Queryable } from '../../db/pool';
import type { ScheduledTask, TaskScheduler } from '../../ports/task-scheduler';

/** Cloud Tasks stand-in: a durable row per task name; the dispatcher delivers it when due. */
export class LocalTaskScheduler implements TaskScheduler {
  /** Set by the local dispatcher: a task due now should not wait for the next poll. */
  onDue?: () => void;

  constructor(
    private readonly db: Queryable,
    private readonly clock?: Clock,
  ) {}

  async schedule(task: ScheduledTask): Promise<void> {
    await this.db.query(
      `INSERT INTO local_deliveries (name, kind, path, body, due_at)
       VALUES ($1, 'task', $2, $3, $4)
       ON CONFLICT (name) DO NOTHING`,
      [task.name, task.path, JSON.stringify(task.body), task.runAt],
    );
    if (this.clock && task.runAt <= this.clock.now()) this.onDue?.();
  }
}
