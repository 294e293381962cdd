import { randomUUID } from 'node:crypto';
import type { Clock } from '../../../shared/clock';
import type { Db, Queryable } from '../../../shared/db/pool';
import { commitWithEffects, effect, type Wakeable } from '../../../shared/outbox';

export const PROBE_TASK_PATH = '/tasks/_probe';

/** Schedules a no-op timer through the real outbox → scheduler path (test routes only). */
export async function scheduleProbe(deps: { db: Db; relay: Wakeable; clock: Clock }, delaySeconds: number) {
  const probeId = randomUUID();
  const runAt = new Date(deps.clock.now().getTime() + delaySeconds * 1000);
  await commitWithEffects(deps, (t) =>
    t.enqueue([{ item: effect.task(`probe-${probeId}`, PROBE_TASK_PATH, { probe_id: probeId }, runAt) }]),
  );
  return { probeId, runAt };
}

export async function recordProbeRun(db: Queryable, probeId: string): Promise<void> {
  await db.query('INSERT INTO local_probe_runs (probe_id) VALUES ($1)', [probeId]);
}

export async function probeRuns(db: Queryable, probeId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM local_probe_runs WHERE probe_id = $1',
    [probeId],
  );
  return rows[0]?.n ?? 0;
}
