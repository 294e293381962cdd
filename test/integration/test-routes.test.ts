import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { json } from '../helpers/http';
import { useTestStack, type TestStack } from '../helpers/runtime';

const stack = useTestStack({ perFile: true });
let s: TestStack;
beforeAll(() => {
  s = stack();
});

describe('local test routes (ENABLE_TEST_ROUTES): precise answers, bad input is a 400', () => {
  it('push: user_id must be a UUID (NUL, garbage → 400); an unknown user has no messages', async () => {
    for (const q of ['%00', 'abc', '', `${randomUUID()}%00`]) {
      const res = await s.request(`/internal/_test/push?user_id=${q}`);
      expect([q, res.status]).toEqual([q, 400]);
    }
    expect(await json(s.request(`/internal/_test/push?user_id=${randomUUID()}`))).toEqual({ messages: [] });
  });

  it('probe: the id must be a UUID; a scheduled probe runs once when its time comes', async () => {
    for (const id of ['%00', 'nope', 'x%2Fy'])
      expect([id, (await s.request(`/internal/_test/probe/${id}`)).status]).toEqual([id, 400]);
    const res = await s.request('/internal/_test/probe', { method: 'POST', json: { delay_seconds: 5 } });
    expect(res.status).toBe(201);
    const { probe_id } = await json(res);
    expect(await json(s.request(`/internal/_test/probe/${probe_id}`))).toEqual({ runs: 0 });
    const clock = await json(s.request('/internal/_test/clock', { method: 'POST', json: { advance_seconds: 6 } }));
    expect(clock.tasks_run).toBeGreaterThanOrEqual(1);
    expect(await json(s.request(`/internal/_test/probe/${probe_id}`))).toEqual({ runs: 1 });
  });

  it('realtime: only our document/collection paths reach the emulator; anything else is a fast 400', async () => {
    const refused = [
      '__proto__',
      'customers/__proto__',
      'mitras/__x__/offers',
      'config/public/../secret',
      'mitras//offers',
      'other/doc',
      'config/public%00',
      'config/pub lic',
      `mitras/${'a/'.repeat(8)}b`,
      '',
    ];
    for (const path of refused) {
      const t0 = performance.now();
      const res = await s.request(`/internal/_test/realtime?path=${encodeURIComponent(path).replace('%2500', '%00')}`);
      expect([path, res.status]).toEqual([path, 400]);
      expect((await json(res)).error.code).toBe('BAD_REQUEST');
      expect(performance.now() - t0).toBeLessThan(1000);
    }
    await s.rt.local!.advanceClock(0); // the seed's config/public mirror
    const doc = await json(s.request('/internal/_test/realtime?path=config/public'));
    expect(doc).toMatchObject({ path: 'config/public', exists: true, data: { anonymity_enabled: true } });
    const empty = await json(s.request(`/internal/_test/realtime?path=mitras/${randomUUID()}/offers`));
    expect(empty.docs).toEqual([]);
    const missing = await json(s.request(`/internal/_test/realtime?path=customers/${randomUUID()}/pairing/current`));
    expect(missing).toMatchObject({ exists: false, data: null });
  });

  it('seed-mitra and otp peek answer their documented errors', async () => {
    expect((await s.request('/internal/_test/seed-mitra', { method: 'POST', json: { phone: 'x' } })).status).toBe(422);
    expect((await s.request(`/internal/_test/otp/${randomUUID()}`)).status).toBe(404);
    expect((await s.request('/internal/_test/otp/%00')).status).toBe(400);
  });
});
