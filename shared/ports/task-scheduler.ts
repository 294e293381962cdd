export interface ScheduledTask {
  /** Deterministic name (include the row's version): scheduling the same name twice is a no-op. */
  name: string;
  /** Path of the private handler, e.g. `/tasks/sessions/expire`. */
  path: string;
  body: Record<string, unknown>;
  runAt: Date;
}

export interface TaskScheduler {
  schedule(task: ScheduledTask): Promise<void>;
}
