import { createHash } from 'node:crypto';
import { functionForPath } from '../../path-table';
import type { ScheduledTask, TaskScheduler } from '../../ports/task-scheduler';

export interface CloudTasksConfig {
  projectId: string;
  location: string;
  queue: string;
  /** Cloud Run URL of each function; a task goes to the function that owns its path. */
  functionUrls: Record<string, string>;
  serviceAccountEmail: string;
}

export interface CreateTaskRequest {
  parent: string;
  task: {
    name: string;
    scheduleTime: { seconds: number; nanos: number };
    httpRequest: {
      httpMethod: 'POST';
      url: string;
      headers: Record<string, string>;
      body: string;
      oidcToken: { serviceAccountEmail: string; audience: string };
    };
  };
}

export interface CloudTasksClientLike {
  createTask(request: CreateTaskRequest): Promise<unknown>;
}

const ALREADY_EXISTS = 6;

/** Cloud Tasks ids allow [A-Za-z0-9_-] up to 500 chars; a hash prefix spreads names across the keyspace. */
export function cloudTaskId(name: string): string {
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 16);
  return `${hash}-${name.replace(/[^A-Za-z0-9_-]/g, '_')}`.slice(0, 500);
}

export function buildCreateTaskRequest(cfg: CloudTasksConfig, task: ScheduledTask): CreateTaskRequest {
  const parent = `projects/${cfg.projectId}/locations/${cfg.location}/queues/${cfg.queue}`;
  const fn = functionForPath(task.path);
  const target = fn ? cfg.functionUrls[fn] : undefined;
  if (!target) throw new Error(`no function URL for task path ${task.path}`);
  const ms = task.runAt.getTime();
  return {
    parent,
    task: {
      name: `${parent}/tasks/${cloudTaskId(task.name)}`,
      scheduleTime: { seconds: Math.floor(ms / 1000), nanos: (ms % 1000) * 1_000_000 },
      httpRequest: {
        httpMethod: 'POST',
        url: new URL(task.path, target).toString(),
        headers: { 'Content-Type': 'application/json' },
        body: Buffer.from(JSON.stringify(task.body)).toString('base64'),
        // Cloud Run checks the token's audience against its own URL; our middleware does too.
        oidcToken: { serviceAccountEmail: cfg.serviceAccountEmail, audience: target },
      },
    },
  };
}

export class CloudTasksScheduler implements TaskScheduler {
  private client?: Promise<CloudTasksClientLike>;

  constructor(
    private readonly cfg: CloudTasksConfig,
    private readonly clientFactory: () => Promise<CloudTasksClientLike> = async () => {
      const { CloudTasksClient } = await import('@google-cloud/tasks');
      return new CloudTasksClient() as unknown as CloudTasksClientLike;
    },
  ) {}

  async schedule(task: ScheduledTask): Promise<void> {
    this.client ??= this.clientFactory();
    try {
      await (await this.client).createTask(buildCreateTaskRequest(this.cfg, task));
    } catch (err) {
      // The name is deterministic, so ALREADY_EXISTS means this exact timer is already queued.
      if ((err as { code?: number }).code === ALREADY_EXISTS) return;
      throw err;
    }
  }
}
