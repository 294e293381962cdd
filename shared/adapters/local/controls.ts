import type { AdjustableClock } from '../../clock';
import type { Db } from '../../db/pool';
import type { Logger } from '../../logger';
import { type OutboxRelay } from '../../outbox';
import type { TaskScheduler } from '../../ports/task-scheduler';
import { CRON_TASK_PREFIX, LocalDispatcher, type Deliver } from './dispatcher';
import type { LocalOidcIssuer } from './oidc-issuer';
import type { PushRecorder } from './push-recorder';

/** What the local stack and the tests steer: the clock, the dispatcher, the push recorder. */
export interface LocalControls {
  clock: AdjustableClock;
  issuer: LocalOidcIssuer;
  pushRecorder: PushRecorder;
  dispatcher?: LocalDispatcher;
  attachDispatcher(deliver: Deliver): LocalDispatcher;
  /** Moves the clock and runs every task and outbox row that became due; answers after they ran. */
  advanceClock(seconds: number): Promise<{ now: Date; tasksRun: number }>;
  /** Enqueues the Cloud Scheduler jobs whose current slot has not run yet (idempotent per slot). */
  tickCron(): Promise<void>;
}

export const CLOCK_KEY = 'clock_offset_ms';

export async function loadClockOffset(db: Db): Promise<number> {
  const { rows } = await db.query<{ value: number }>('SELECT value FROM local_state WHERE key = $1', [CLOCK_KEY]);
  return Number(rows[0]?.value ?? 0);
}

export function createLocalControls(deps: {
  db: Db;
  clock: AdjustableClock;
  issuer: LocalOidcIssuer;
  pushRecorder: PushRecorder;
  scheduler: TaskScheduler;
  relay: () => OutboxRelay;
  logger: Logger;
  audience: string;
  queueName: string;
  /** Cloud Scheduler's jobs, fired from this clock (scripts/local/cron.ts). */
  cronJobs: ReadonlyArray<{ name: string; path: string; everySeconds: number }>;
  /** Local adapters that announce work due now; they wake the attached dispatcher. */
  wakeOn: Array<{ onDue?: () => void }>;
}): LocalControls {
  const { db, clock, issuer, scheduler } = deps;
  return {
    clock,
    issuer,
    pushRecorder: deps.pushRecorder,
    attachDispatcher(deliver) {
      this.dispatcher = new LocalDispatcher({
        db,
        clock,
        issuer,
        audience: deps.audience,
        deliver,
        logger: deps.logger,
        queueName: deps.queueName,
      });
      const dispatcher = this.dispatcher;
      for (const source of deps.wakeOn) source.onDue = () => dispatcher.wake();
      return dispatcher;
    },
    async advanceClock(seconds) {
      // The background dispatcher may run what became due before this call's own passes do (it is woken
      // by due work): count every product timer delivered from here on, whichever pass ran it.
      const before = this.dispatcher?.tasksDelivered ?? 0;
      clock.advance(seconds);
      await db.query(
        `INSERT INTO local_state (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
        [CLOCK_KEY, JSON.stringify(clock.offsetMilliseconds)],
      );
      await this.tickCron();
      // Handlers may enqueue more work (a timer that schedules the next one); settle it all.
      for (let round = 0; round < 100; round++) {
        const relayed = await deps.relay().drainAll();
        const ran = (await this.dispatcher?.runDue()) ?? { attempted: 0, tasks: 0 };
        if (relayed === 0 && ran.attempted === 0) break;
      }
      return { now: clock.now(), tasksRun: (this.dispatcher?.tasksDelivered ?? 0) - before };
    },
    async tickCron() {
      const nowMs = clock.now().getTime();
      for (const job of deps.cronJobs) {
        const slot = Math.floor(nowMs / (job.everySeconds * 1000));
        await scheduler.schedule({
          name: `${CRON_TASK_PREFIX}${job.name}:${slot}`,
          path: job.path,
          body: {},
          runAt: new Date(slot * job.everySeconds * 1000),
        });
      }
    },
  };
}
