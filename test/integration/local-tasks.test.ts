import { json } from '../helpers/http';
import { afterEach, describe, expect, it } from 'vitest';
import { probeRuns, scheduleProbe } from '../../scripts/local/test-routes/probe-runs';
import { createTestDatabase } from '../helpers/db';
import { createTestStack, type TestStack } from '../helpers/runtime';

const stacks: TestStack[] = [];
async function stack(databaseUrl?: string) {
  const s = await createTestStack({ databaseUrl });
  stacks.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(stacks.splice(0).map((s) => s.close()));
});

describe('local Cloud Tasks stand-in', () => {
  it('a task for +30 min does not run early and runs exactly once after the clock passes it', async () => {
    const s = await stack();
    const { probeId } = await scheduleProbe(s.rt, 30 * 60);
    expect((await s.rt.local!.advanceClock(29 * 60)).tasksRun).toBe(0);
    expect(await probeRuns(s.rt.db, probeId)).toBe(0);
    expect((await s.rt.local!.advanceClock(2 * 60)).tasksRun).toBe(1);
    expect(await probeRuns(s.rt.db, probeId)).toBe(1);
    await s.rt.local!.advanceClock(3600);
    expect(await probeRuns(s.rt.db, probeId)).toBe(1);
  });

  it('survives a restart between scheduling and running (durable table, persisted clock)', async () => {
    const url = await createTestDatabase();
    const first = await stack(url);
    const { probeId } = await scheduleProbe(first.rt, 30 * 60);
    await first.rt.relay.drainAll();
    await first.rt.local!.advanceClock(10 * 60);
    await first.close();
    stacks.splice(stacks.indexOf(first), 1);

    const second = await stack(url);
    expect(second.rt.local!.clock.offsetMilliseconds).toBe(10 * 60 * 1000);
    expect((await second.rt.local!.advanceClock(21 * 60)).tasksRun).toBe(1);
    expect(await probeRuns(second.rt.db, probeId)).toBe(1);
  });

  it('the same task name scheduled twice runs once', async () => {
    const s = await stack();
    const task = { name: 'dup-1', path: '/tasks/_probe', body: { probe_id: 'dup' }, runAt: s.rt.clock.now() };
    await Promise.all([s.rt.scheduler.schedule(task), s.rt.scheduler.schedule(task), s.rt.scheduler.schedule(task)]);
    await s.rt.local!.advanceClock(1);
    expect(await probeRuns(s.rt.db, 'dup')).toBe(1);
  });

  it('two dispatchers polling at once deliver each task once (SKIP LOCKED + lease)', async () => {
    const url = await createTestDatabase();
    const a = await stack(url);
    const b = await stack(url);
    for (let i = 0; i < 20; i++) {
      await a.rt.scheduler.schedule({
        name: `race-${i}`,
        path: '/tasks/_probe',
        body: { probe_id: 'race' },
        runAt: a.rt.clock.now(),
      });
    }
    await Promise.all([a.rt.local!.dispatcher!.runDue(50), b.rt.local!.dispatcher!.runDue(50)]);
    await Promise.all([a.rt.local!.dispatcher!.runDue(50), b.rt.local!.dispatcher!.runDue(50)]);
    expect(await probeRuns(a.rt.db, 'race')).toBe(20);
  });

  it('a failing handler is retried with backoff until it answers 2xx', async () => {
    const s = await stack();
    // /tasks/_probe rejects a body without probe_id (400), then we fix the row to succeed.
    await s.rt.scheduler.schedule({ name: 'retry-1', path: '/tasks/_probe', body: {}, runAt: s.rt.clock.now() });
    await s.rt.local!.advanceClock(0);
    const row = async () =>
      (await s.rt.db.query("SELECT status, attempts, last_status FROM local_deliveries WHERE name = 'retry-1'"))
        .rows[0];
    expect(await row()).toMatchObject({ status: 'pending', attempts: 1, last_status: 400 });
    await s.rt.db.query(`UPDATE local_deliveries SET body = '{"probe_id":"retry"}' WHERE name = 'retry-1'`);
    await s.rt.local!.advanceClock(0);
    expect((await row()).attempts).toBe(1); // backoff not yet elapsed
    await s.rt.local!.advanceClock(2);
    expect(await row()).toMatchObject({ status: 'done', attempts: 2, last_status: 204 });
    expect(await probeRuns(s.rt.db, 'retry')).toBe(1);
  });

  it('delivers with the Cloud Tasks headers and a valid OIDC token; unauthenticated calls get 401', async () => {
    const s = await stack();
    const noToken = await s.request('/tasks/_probe', { method: 'POST', json: { probe_id: 'x' } });
    expect(noToken.status).toBe(401);
    expect((await json(noToken)).error.code).toBe('AUTH_MISSING');
    const badToken = await s.request('/tasks/_probe', {
      method: 'POST',
      json: { probe_id: 'x' },
      headers: { authorization: 'Bearer abc.def.ghi' },
    });
    expect(badToken.status).toBe(401);
    const foreign = await (await import('../../shared/adapters/local/oidc-issuer')).LocalOidcIssuer.create();
    const wrongKey = await s.request('/events/pairing/blast', {
      method: 'POST',
      json: {},
      headers: { authorization: `Bearer ${await foreign.sign(s.rt.env.OIDC_AUDIENCE)}` },
    });
    expect(wrongKey.status).toBe(401);
    const good = await s.request('/tasks/_probe', {
      method: 'POST',
      json: { probe_id: 'x' },
      headers: { authorization: `Bearer ${await s.rt.local!.issuer.sign(s.rt.env.OIDC_AUDIENCE)}` },
    });
    expect(good.status).toBe(204);
  });
});

describe('clock advance while the background dispatcher is polling', () => {
  it('a pass that looked before the clock moved is not handed to a later caller', async () => {
    const s = await createTestStack();
    try {
      const dispatcher = s.rt.local!.dispatcher!;
      const { probeId } = await scheduleProbe(s.rt, 60);
      await s.rt.relay.drainAll();
      const background = dispatcher.runDue(); // evaluates "now" before the clock moves
      s.rt.local!.clock.advance(61);
      const mine = await dispatcher.runDue();
      await background;
      expect(mine.tasks).toBe(1);
      expect(await probeRuns(s.rt.db, probeId)).toBe(1);
    } finally {
      await s.close();
    }
  });
});
