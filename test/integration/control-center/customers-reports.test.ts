import { describe, expect, it } from 'vitest';
import { bearer, createGuest, otpSignIn, uniquePhone } from '../../helpers/auth';
import {
  ccUser,
  insertCustomer,
  insertMitra,
  insertReport,
  insertSession,
  reportsAgainst,
  ccGet as get,
  idsOf,
} from '../../helpers/control-center';
import { json } from '../../helpers/http';
import { createTestStack, useTestStack, type TestStack } from '../../helpers/runtime';

const stack = useTestStack();

/** The search: in a POST body, never in the URL (SPEC §14; the load balancer logs URLs). */
const search = async (s: TestStack, headers: Record<string, string>, body: Record<string, unknown>) => {
  const res = await s.request('/internal/customers/search', { method: 'POST', json: body, headers });
  expect(res.status).toBe(200);
  return json(res);
};

describe('GET /internal/customers, POST /internal/customers/search', () => {
  it('searches name, phone (any form) and email; status active / banned / flagged; pages', async () => {
    const s = stack();
    const op = await ccUser(s, 'operator');
    const base = s.rt.clock.now().getTime();
    const t = (i: number) => new Date(base - i * 1000);
    const putri = await insertCustomer(s, { name: 'Putri', phone: '+6281234500001', created_at: t(1) });
    const rina = await insertCustomer(s, { name: 'Rina', email: 'rina@example.com', created_at: t(2) });
    const guest = await insertCustomer(s, { name: 'Bestie 1234', created_at: t(3) });
    await s.rt.db.query("UPDATE customers SET is_banned = true, banned_at = now(), ban_reason = 'spam' WHERE id = $1", [
      guest,
    ]);
    await reportsAgainst(s, { type: 'customer', id: rina }, 3);

    expect(idsOf(await search(s, op.headers, { q: 'putri' }))).toEqual([putri]);
    expect(idsOf(await search(s, op.headers, { q: '081234500001' }))).toEqual([putri]);
    expect(idsOf(await search(s, op.headers, { q: 'EXAMPLE.com' }))).toEqual([rina]);
    await get(s, op.headers, '/internal/customers?q=putri', 400);
    expect(idsOf(await get(s, op.headers, '/internal/customers?status=banned'))).toEqual([guest]);
    expect(idsOf(await get(s, op.headers, '/internal/customers?status=flagged'))).toEqual([rina]);
    expect(idsOf(await search(s, op.headers, { status: 'flagged', q: 'putri' }))).toEqual([]);
    expect(idsOf(await search(s, op.headers, { status: 'banned' }))).toEqual([guest]);
    const active = await get(s, op.headers, '/internal/customers?status=active&limit=100');
    expect(idsOf(active)).not.toContain(guest);
    const g = (await get(s, op.headers, '/internal/customers?status=banned')).items[0];
    expect(g).toMatchObject({ is_guest: true, is_banned: true, ban_reason: 'spam', flagged_for_review: false });
    const r = (await get(s, op.headers, '/internal/customers?status=flagged')).items[0];
    expect(r).toMatchObject({ pending_reports: 3, flagged_for_review: true, email: 'rina@example.com' });
    const p1 = await get(s, op.headers, '/internal/customers?limit=2');
    const p2 = await get(s, op.headers, `/internal/customers?limit=2&cursor=${p1.next_cursor}`);
    expect([...idsOf(p1), ...idsOf(p2)].slice(0, 3)).toEqual([putri, rina, guest]);
    await get(s, op.headers, '/internal/customers?status=other', 400);
    const viewer = await ccUser(s, 'viewer');
    expect((await s.request('/internal/customers', { headers: viewer.headers })).status).toBe(403);
  });
});

describe('banning a customer', () => {
  it('revokes every session at once (refresh → 403 ACCOUNT_BANNED, access tokens within the lag), records the reason and an audit row; unban lifts it', async () => {
    const s = stack();
    const op = await ccUser(s, 'operator');
    const phone = uniquePhone();
    const a = (await otpSignIn(s, 'client', phone)).body;
    await s.rt.local!.advanceClock(61);
    const b = (await otpSignIn(s, 'client', phone)).body;
    const id = a.profile.id as string;
    const other = await createTestStack({ databaseUrl: s.rt.env.DATABASE_URL });
    try {
      const me = (st: TestStack, token: string) => st.request('/api/client/auth/me', { headers: bearer(token) });
      expect((await me(other, b.access_token)).status).toBe(200);
      const res = await s.request(`/internal/customers/${id}/ban`, {
        method: 'POST',
        json: { reason: '  Pelecehan  ' },
        headers: op.headers,
      });
      expect(res.status).toBe(200);
      const banned = await json(res);
      expect(banned).toMatchObject({ id, is_banned: true, ban_reason: 'Pelecehan', banned_at: expect.any(String) });
      const row = (await s.rt.db.query('SELECT is_banned, banned_at, ban_reason FROM customers WHERE id = $1', [id]))
        .rows[0];
      expect(row).toMatchObject({ is_banned: true, ban_reason: 'Pelecehan' });
      expect(row.banned_at).toBeInstanceOf(Date);
      expect((await me(s, a.access_token)).status).toBe(401);
      expect((await me(s, b.access_token)).status).toBe(401);
      await other.rt.local!.advanceClock(s.rt.env.REVOCATION_MAX_LAG_SECONDS);
      expect((await me(other, b.access_token)).status).toBe(401);
      for (const t of [a.refresh_token, b.refresh_token]) {
        const r = await s.request('/api/shared/auth/refresh', { method: 'POST', json: { refresh_token: t } });
        expect([r.status, (await json(r)).error.code]).toEqual([403, 'ACCOUNT_BANNED']);
      }
      const again = await json(
        s.request(`/internal/customers/${id}/ban`, { method: 'POST', json: { reason: 'Spam' }, headers: op.headers }),
      );
      expect(again).toMatchObject({ ban_reason: 'Spam', banned_at: banned.banned_at });

      const admin = await ccUser(s, 'super_admin');
      const audit = await get(s, admin.headers, `/internal/audit?kind=customer_banned&target_id=${id}`);
      expect(audit.items[1]).toMatchObject({
        actor: { id: op.id },
        details: { reason: 'Pelecehan', sessions_revoked: 2 },
      });

      const unbanned = await json(
        s.request(`/internal/customers/${id}/unban`, { method: 'POST', headers: op.headers }),
      );
      expect(unbanned).toMatchObject({ is_banned: false, banned_at: null, ban_reason: null });
      await s.rt.local!.advanceClock(61);
      expect((await otpSignIn(s, 'client', phone)).status).toBe(200);
      expect((await get(s, admin.headers, '/internal/audit?kind=customer_unbanned')).items).toHaveLength(1);

      const missing = '00000000-0000-4000-8000-000000000000';
      expect(
        (
          await s.request(`/internal/customers/${missing}/ban`, {
            method: 'POST',
            json: { reason: 'x' },
            headers: op.headers,
          })
        ).status,
      ).toBe(404);
      expect(
        (await s.request(`/internal/customers/${missing}/unban`, { method: 'POST', headers: op.headers })).status,
      ).toBe(404);
      expect(
        (
          await s.request(`/internal/customers/${id}/ban`, {
            method: 'POST',
            json: { reason: ' ' },
            headers: op.headers,
          })
        ).status,
      ).toBe(400);
      const guest = await createGuest(s);
      expect(
        (
          await s.request(`/internal/customers/${id}/ban`, {
            method: 'POST',
            json: { reason: 'x' },
            headers: bearer(guest.access_token),
          })
        ).status,
      ).toBe(403);
    } finally {
      await other.close();
    }
  });
});

describe('reports', () => {
  it('lists by status newest first with both parties; review moves pending → reviewed → actioned; a closed report is 409; flags follow', async () => {
    const s = stack();
    const op = await ccUser(s, 'operator');
    const viewer = await ccUser(s, 'viewer');
    const mitra = await insertMitra(s, { name: 'Sari' });
    const base = s.rt.clock.now().getTime();
    const reports: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { sessionId, customerId } = await insertSession(s, { mitraId: mitra });
      reports.push(
        await insertReport(s, {
          sessionId,
          reporter: { type: 'customer', id: customerId },
          reported: { type: 'mitra', id: mitra },
          created_at: new Date(base - (3 - i) * 1000),
        }),
      );
    }
    const page = await get(s, op.headers, '/internal/reports?status=pending');
    expect(idsOf(page)).toEqual([...reports].reverse());
    expect(page.items[0]).toMatchObject({
      reporter: { type: 'customer', display_name: 'Customer' },
      reported: { type: 'mitra', id: mitra, display_name: 'Sari', pending_reports: 3, flagged_for_review: true },
      status: 'pending',
    });
    expect((await get(s, op.headers, '/internal/mitras?flagged=true')).items[0].id).toBe(mitra);

    const patch = (id: string, body: unknown, headers = op.headers) =>
      s.request(`/internal/reports/${id}`, { method: 'PATCH', json: body, headers });
    const reviewed = await patch(reports[0]!, { status: 'reviewed', note: 'checking' });
    expect(reviewed.status).toBe(200);
    expect(await json(reviewed)).toMatchObject({ status: 'reviewed', review_note: 'checking', reviewed_by: op.id });
    const actioned = await json(patch(reports[0]!, { status: 'actioned' }));
    expect(actioned).toMatchObject({
      status: 'actioned',
      review_note: 'checking',
      reported: { flagged_for_review: false },
    });
    const closed = await patch(reports[0]!, { status: 'dismissed' });
    expect([closed.status, (await json(closed)).error.code]).toEqual([409, 'REPORT_ALREADY_RESOLVED']);
    expect((await patch(reports[1]!, { status: 'pending' })).status).toBe(400);
    expect((await patch('00000000-0000-4000-8000-000000000000', { status: 'dismissed' })).status).toBe(404);
    expect((await patch(reports[1]!, { status: 'dismissed' }, viewer.headers)).status).toBe(403);

    expect(idsOf(await get(s, op.headers, '/internal/reports?status=actioned'))).toEqual([reports[0]]);
    expect(idsOf(await get(s, op.headers, '/internal/reports?status=pending'))).toEqual([reports[2], reports[1]]);
    const p1 = await get(s, op.headers, '/internal/reports?limit=2');
    const p2 = await get(s, op.headers, `/internal/reports?limit=2&cursor=${p1.next_cursor}`);
    expect([...idsOf(p1), ...idsOf(p2)]).toEqual([...reports].reverse());
    expect((await get(s, op.headers, '/internal/mitras?flagged=true')).items).toEqual([]);
    const admin = await ccUser(s, 'super_admin');
    const audit = await get(s, admin.headers, '/internal/audit?kind=report_reviewed');
    expect(audit.items.map((e: { details: { to_status: string } }) => e.details.to_status)).toEqual([
      'actioned',
      'reviewed',
    ]);
  });
});

describe('GET /internal/control-center-users', () => {
  it('lists CC users newest first, searches email/name, filters by role; needs control_center_users:read', async () => {
    const s = stack();
    const admin = await ccUser(s, 'super_admin');
    const op = await ccUser(s, 'operator');
    const all = await get(s, admin.headers, '/internal/control-center-users');
    expect(idsOf(all).slice(0, 2)).toEqual([op.id, admin.id]);
    expect(all.items.find((u: { email: string }) => u.email === 'admin@halobestie.local')).toMatchObject({
      role: 'super_admin',
      is_locked: false,
    });
    expect(idsOf(await get(s, admin.headers, '/internal/control-center-users?role=operator'))).toEqual([op.id]);
    const found = await s.request('/internal/control-center-users/search', {
      method: 'POST',
      json: { q: 'HALOBESTIE.local' },
      headers: admin.headers,
    });
    expect(idsOf(await json(found)).length).toBe(1);
    await get(s, admin.headers, '/internal/control-center-users?q=HALOBESTIE.local', 400);
    const p1 = await get(s, admin.headers, '/internal/control-center-users?limit=1');
    expect(p1.next_cursor).not.toBeNull();
    expect((await s.request('/internal/control-center-users', { headers: op.headers })).status).toBe(403);
  });
});
