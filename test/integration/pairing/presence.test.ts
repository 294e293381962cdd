import { beforeEach, describe, expect, it } from 'vitest';
import { bearer } from '../../helpers/auth';
import { json } from '../../helpers/http';
import { customerWithDevice, onlineMitra } from '../../helpers/pairing';
import { useTestStack, type TestStack } from '../../helpers/runtime';

const stack = useTestStack();
let s: TestStack;
beforeEach(() => {
  s = stack();
});

describe('presence', () => {
  it('online → heartbeat 204 → status available; offline; a deactivated mitra gets 403 ACCOUNT_INACTIVE on every presence call', async () => {
    const m = await onlineMitra(s);
    expect((await s.request('/api/mitra/status/heartbeat', { method: 'POST', headers: bearer(m.token) })).status).toBe(
      204,
    );
    const status = await json(s.request('/api/mitra/status', { headers: bearer(m.token) }));
    expect(status).toMatchObject({
      is_online: true,
      is_active: true,
      available: true,
      active_session_count: 0,
      heartbeat_cadence_seconds: 30,
    });
    const off = await json(s.request('/api/mitra/status/offline', { method: 'POST', headers: bearer(m.token) }));
    expect(off).toMatchObject({ is_online: false, available: false });

    await s.rt.db.query('UPDATE mitras SET is_active = false WHERE id = $1', [m.id]);
    for (const path of ['/api/mitra/status/heartbeat', '/api/mitra/status/online', '/api/mitra/status/offline']) {
      const res = await s.request(path, { method: 'POST', headers: bearer(m.token) });
      expect(res.status).toBe(403);
      expect((await json(res)).error.code).toBe('ACCOUNT_INACTIVE');
    }
  });

  it('a heartbeat, in one statement, moves its own mitra’s last_heartbeat_at to now and changes nothing else; a deactivated mitra’s changes nothing', async () => {
    const m = await onlineMitra(s);
    const other = await onlineMitra(s);
    const mitras = async () => (await s.rt.db.query('SELECT * FROM mitras ORDER BY id')).rows;
    /** The request's answer and how many statements it sent (the auth revocation-cache refresh aside). */
    const heartbeat = async (token: string) => {
      const statements: string[] = [];
      const original = s.rt.db.query.bind(s.rt.db);
      s.rt.db.query = ((text: string, ...rest: unknown[]) => {
        statements.push(text);
        return (original as (...a: unknown[]) => unknown)(text, ...rest);
      }) as typeof s.rt.db.query;
      try {
        const res = await s.request('/api/mitra/status/heartbeat', { method: 'POST', headers: bearer(token) });
        return { status: res.status, statements: statements.filter((q) => !/FROM auth_sessions/.test(q)).length };
      } finally {
        s.rt.db.query = original;
      }
    };
    await s.rt.local!.advanceClock(5); // the heartbeat's time differs from the online call's
    const before = await mitras();
    const from = s.rt.clock.now().getTime();
    expect(await heartbeat(m.token)).toEqual({ status: 204, statements: 1 });
    const to = s.rt.clock.now().getTime();
    const after = await mitras();
    const beat = after.find((r) => r.id === m.id).last_heartbeat_at as Date;
    expect(beat.getTime()).toBeGreaterThanOrEqual(from);
    expect(beat.getTime()).toBeLessThanOrEqual(to);
    expect(after).toEqual(before.map((r) => (r.id === m.id ? { ...r, last_heartbeat_at: beat } : r)));

    await s.rt.db.query('UPDATE mitras SET is_active = false WHERE id = $1', [other.id]);
    await s.rt.local!.advanceClock(5);
    const inactive = await mitras();
    expect(await heartbeat(other.token)).toEqual({ status: 403, statements: 1 });
    expect(await mitras()).toEqual(inactive);
  });

  it('availability counts online, active, fresh mitras below capacity; the sweep turns stale mitras offline', async () => {
    const c = await customerWithDevice(s);
    await onlineMitra(s);
    const stale = await onlineMitra(s);
    await onlineMitra(s, { online: false });
    expect((await json(s.request('/api/client/availability', { headers: bearer(c.token) }))).available_mitras).toBe(2);
    expect((await s.request('/api/client/availability')).status).toBe(401);

    await s.rt.local!.advanceClock(60);
    // one mitra keeps its heartbeat; the other goes quiet
    const fresh = (await s.rt.db.query('SELECT id FROM mitras WHERE is_online AND id <> $1', [stale.id])).rows[0].id;
    await s.rt.db.query('UPDATE mitras SET last_heartbeat_at = $2 WHERE id = $1', [fresh, s.rt.clock.now()]);
    await s.rt.local!.advanceClock(45);
    await s.rt.db.query('UPDATE mitras SET last_heartbeat_at = $2 WHERE id = $1', [fresh, s.rt.clock.now()]);
    await s.rt.local!.advanceClock(60); // crosses a scheduler minute for sure: the quiet one is 165 s stale, the other 60 s
    const { rows } = await s.rt.db.query('SELECT id, is_online FROM mitras ORDER BY id');
    expect(rows.find((r) => r.id === stale.id).is_online).toBe(false);
    expect(rows.find((r) => r.id === fresh).is_online).toBe(true);
  });

  it('seed-mitra is idempotent per phone', async () => {
    const a = await json(s.request('/internal/_test/seed-mitra', { method: 'POST', json: { phone: '081299990001' } }));
    const b = await json(
      s.request('/internal/_test/seed-mitra', {
        method: 'POST',
        json: { phone: '+6281299990001', display_name: 'Nadia' },
      }),
    );
    expect(a.created).toBe(true);
    expect(b).toEqual({ mitra_id: a.mitra_id, created: false });
    expect(
      (await s.rt.db.query('SELECT display_name, is_active FROM mitras WHERE id = $1', [a.mitra_id])).rows[0],
    ).toEqual({ display_name: 'Nadia', is_active: true });
    expect((await s.request('/internal/_test/seed-mitra', { method: 'POST', json: { phone: 'nope' } })).status).toBe(
      422,
    );
  });
});
