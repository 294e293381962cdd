import { describe, expect, it } from 'vitest';
import { jakartaDay } from '../../../shared/controlcenter/dashboard';
import { percent } from '../../../shared/controlcenter/views';
import {
  at,
  ccUser,
  insertMitra,
  insertPayment,
  insertSession,
  reportsAgainst,
  insertCustomer,
} from '../../helpers/control-center';
import { json } from '../../helpers/http';
import { useTestStack } from '../../helpers/runtime';

const stack = useTestStack();

const get = async (headers: Record<string, string>) => {
  const res = await stack().request('/internal/dashboard', { headers });
  expect(res.status).toBe(200);
  return json(res);
};

describe('GET /internal/dashboard', () => {
  it('on an empty database every figure is 0 (the sensitive share is 0, never NaN)', async () => {
    const s = stack();
    const admin = await ccUser(s, 'viewer');
    const d = await get(admin.headers);
    expect(d.mitras).toEqual({ online: 0, available: 0, active: 0, total: 0 });
    expect(d.sessions_by_state).toEqual({
      pending_payment: 0,
      active: 0,
      expired: 0,
      closing: 0,
      completed: 0,
      cancelled: 0,
    });
    expect(d.today).toMatchObject({ sessions: 0, revenue_idr: 0, paid_payments: 0, timezone: 'Asia/Jakarta' });
    expect(d.today.date).toBe(jakartaDay(s.rt.clock.now()).date);
    expect(d.sensitive).toEqual({ total: 0, last_30_days: 0, sessions_last_30_days: 0, share_30d_percent: 0 });
    expect(d.flagged_users).toBe(0);
    expect(d.pending_reports).toBe(0);
  });

  it('after a scripted day: presence, states, the Jakarta day’s sessions and paid revenue at its edges, Sesi Sensitif, reports', async () => {
    const s = stack();
    const viewer = await ccUser(s, 'viewer');
    const now = s.rt.clock.now();
    const day = jakartaDay(now);
    const stale = at(now, -(s.rt.env.MITRA_HEARTBEAT_CADENCE_SECONDS + 600));
    const available = await insertMitra(s, { online: true, name: 'A' });
    await insertMitra(s, { online: true, heartbeat: stale, name: 'B' }); // online, heartbeat stale
    const full = await insertMitra(s, { online: true, name: 'C' }); // online, at capacity (1 by default)
    await insertMitra(s, { active: false, name: 'D' });
    const offline = await insertMitra(s, { name: 'E' });

    const s1 = await insertSession(s, { mitraId: available, created_at: day.start, status: 'completed' });
    await insertPayment(s, { sessionId: s1.sessionId, status: 'paid', amount: 25000, paid_at: day.start });
    const s2 = await insertSession(s, { mitraId: full, created_at: now, status: 'active', topic: 'sensitive' });
    await insertPayment(s, { sessionId: s2.sessionId, status: 'paid', amount: 50000, paid_at: now });
    const beforeMidnight = at(day.start, -0.001);
    const s3 = await insertSession(s, { mitraId: available, created_at: beforeMidnight, topic: 'sensitive' });
    await insertPayment(s, { sessionId: s3.sessionId, status: 'paid', amount: 99000, paid_at: beforeMidnight });
    const s4 = await insertSession(s, { mitraId: available, created_at: at(day.start, 1), status: 'cancelled' });
    await insertPayment(s, { sessionId: s4.sessionId, status: 'expired', amount: 25000, created_at: at(day.start, 1) });
    const s5 = await insertSession(s, { mitraId: offline, created_at: at(day.start, 2), status: 'pending_payment' });
    await insertPayment(s, { sessionId: s5.sessionId, status: 'pending', amount: 25000, created_at: at(day.start, 2) });
    await insertSession(s, { mitraId: available, created_at: at(now, -40 * 86400), topic: 'sensitive' });
    // The next Jakarta day starts exactly at day.end: not today.
    const s7 = await insertSession(s, { mitraId: available, created_at: day.end, status: 'closing' });
    await insertPayment(s, { sessionId: s7.sessionId, status: 'paid', amount: 12345, paid_at: day.end });

    const d = await get(viewer.headers);
    expect(d.mitras).toEqual({ online: 3, available: 1, active: 4, total: 5 });
    expect(d.sessions_by_state).toEqual({
      pending_payment: 1,
      active: 1,
      expired: 0,
      closing: 1,
      completed: 3,
      cancelled: 1,
    });
    expect(d.today).toMatchObject({ date: day.date, sessions: 4, revenue_idr: 75000, paid_payments: 2 });
    // 30 days: s1..s5 and s7 (6 sessions), of which s2 and s3 are sensitive → 33.3 %.
    expect(d.sensitive).toEqual({ total: 3, last_30_days: 2, sessions_last_30_days: 6, share_30d_percent: 33.3 });
    expect(d.flagged_users).toBe(0);
    expect(d.pending_reports).toBe(0);

    // Reports: 3 pending against one mitra flag it; 2 against a customer do not, until a third.
    const customer = await insertCustomer(s);
    await reportsAgainst(s, { type: 'mitra', id: full }, 3);
    await reportsAgainst(s, { type: 'customer', id: customer }, 2);
    let r = await get(viewer.headers);
    expect([r.flagged_users, r.pending_reports]).toEqual([1, 5]);
    await reportsAgainst(s, { type: 'customer', id: customer }, 1);
    r = await get(viewer.headers);
    expect([r.flagged_users, r.pending_reports]).toEqual([2, 6]);
    await s.rt.db.query(`UPDATE reports SET status = 'dismissed' WHERE reported_id = $1`, [full]);
    r = await get(viewer.headers);
    expect([r.flagged_users, r.pending_reports]).toEqual([1, 3]);
  });

  it('the share is rounded to one decimal; the Jakarta day is UTC+7', () => {
    expect(percent(2, 3, 0)).toBe(66.7);
    expect(percent(1, 8, 0)).toBe(12.5);
    expect(percent(0, 0, 0)).toBe(0);
    expect(percent(0, 0, null)).toBeNull();
    const d = jakartaDay(new Date('2026-11-25T16:59:59.999Z'));
    expect(d).toEqual({
      date: '2026-11-25',
      start: new Date('2026-11-24T17:00:00.000Z'),
      end: new Date('2026-11-25T17:00:00.000Z'),
    });
    expect(jakartaDay(new Date('2026-11-25T17:00:00.000Z')).date).toBe('2026-11-26');
  });
});
