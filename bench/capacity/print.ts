import { table } from '../lib/stats';
import { type StepResult } from './steps';

export function printSteps(results: StepResult[]) {
  const f1 = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2));
  const kv = (o: Record<string, number>) =>
    Object.entries(o)
      .map(([k, v]) => `${k}=${f1(v)}`)
      .join(' ') || '–';
  console.log(
    table(
      [
        'step',
        'n',
        'SQL handler',
        'SQL tasks/events',
        'SQL relay',
        '(local-only)',
        'commits',
        'outbox rows',
        'tasks created',
        'task disp.',
        'Pub/Sub pub/deliv',
        'Firestore writes (hottest doc)',
        'FCM',
        'PG CPU µs',
        'CPU µs handler',
        'CPU µs task/event',
        'CPU µs relay+emulator',
      ],
      results.map(({ step, n, per: c }) => [
        step,
        String(n),
        f1(c.stmtHandler),
        f1(c.stmtAsync),
        f1(c.stmtRelay),
        f1(c.stmtLocalOnly),
        f1(c.commits),
        kv(c.outbox),
        kv(c.tasksCreated),
        f1(c.tasksDispatched),
        `${f1(c.eventsPublished)}/${f1(c.eventsDelivered)}`,
        `${f1(c.firestoreWrites)} (${f1(c.firestoreDocs.get('hottest') ?? 0)})`,
        f1(c.fcm),
        f1(c.pgCpuUs),
        f1(c.cpuHandlerUs),
        f1(c.cpuAsyncUs),
        f1(c.cpuRelayUs),
      ]),
    ),
  );
}
