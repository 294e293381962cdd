import { describe, expect, it } from 'vitest';
import { bearer, normalise, otpSignIn, signInActiveMitra, uniquePhone } from '../../helpers/auth';
import { ccUser, insertMitra, reportsAgainst } from '../../helpers/control-center';
import { json } from '../../helpers/http';
import { chatRequest, customerWithDevice, realtime, settle } from '../../helpers/pairing';
import { createTestStack, useTestStack, type TestStack } from '../../helpers/runtime';

const stack = useTestStack();

const list = async (s: TestStack, headers: Record<string, string>, query = '') => {
  const res = await s.request(`/internal/mitras${query}`, { headers });
  expect(res.status).toBe(200);
  return json(res);
};
/** The search by name or phone: in a POST body, never in the URL (SPEC §14; the load balancer logs URLs). */
const search = async (s: TestStack, headers: Record<string, string>, body: Record<string, unknown>) => {
  const res = await s.request('/internal/mitras/search', { method: 'POST', json: body, headers });
  expect(res.status).toBe(200);
  return json(res);
};
const patch = (s: TestStack, headers: Record<string, string>, id: string, body: unknown) =>
  s.request(`/internal/mitras/${id}`, { method: 'PATCH', json: body, headers });

describe('GET /internal/mitras, POST /internal/mitras/search', () => {
  it('searches name and phone (any form), filters online / active / flagged, and walks every page with the cursor', async () => {
    const s = stack();
    const viewer = await ccUser(s, 'viewer');
    const base = s.rt.clock.now().getTime();
    const t = (i: number) => new Date(base - i * 1000);
    const sari = await insertMitra(s, { name: 'Sari Dewi', online: true, created_at: t(1) });
    const budi = await insertMitra(s, { name: 'Budi', created_at: t(2) });
    const off = await insertMitra(s, { name: 'Sarah', active: false, created_at: t(3) });
    const flagged = await insertMitra(s, { name: 'Rudi', created_at: t(4) });
    await reportsAgainst(s, { type: 'mitra', id: flagged }, 3);
    await reportsAgainst(s, { type: 'mitra', id: budi }, 2);

    const ids = (page: { items: Array<{ id: string }> }) => page.items.map((m) => m.id);
    expect(ids(await search(s, viewer.headers, { q: 'sar' }))).toEqual([sari, off]);
    const { rows } = await s.rt.db.query('SELECT phone FROM mitras WHERE id = $1', [budi]);
    const local = `0${rows[0].phone.slice(3)}`;
    expect(ids(await search(s, viewer.headers, { q: local }))).toEqual([budi]);
    expect(ids(await search(s, viewer.headers, { q: rows[0].phone }))).toEqual([budi]);
    expect(ids(await search(s, viewer.headers, { q: '%' }))).toEqual([]); // a wildcard is taken literally
    // The query string takes no search any more: a client still sending one learns it at once.
    expect((await s.request('/internal/mitras?q=sar', { headers: viewer.headers })).status).toBe(400);
    expect(ids(await list(s, viewer.headers, '?online=true'))).toEqual([sari]);
    expect(ids(await list(s, viewer.headers, '?active=false'))).toEqual([off]);
    expect(ids(await list(s, viewer.headers, '?flagged=true'))).toEqual([flagged]);
    expect(ids(await list(s, viewer.headers, '?flagged=true&active=false'))).toEqual([]);
    expect(ids(await search(s, viewer.headers, { q: 'sar', active: true }))).toEqual([sari]);
    expect(ids(await search(s, viewer.headers, { flagged: true }))).toEqual([flagged]);
    const searched = await search(s, viewer.headers, { limit: 2 });
    expect(ids(await search(s, viewer.headers, { limit: 2, cursor: searched.next_cursor }))).toEqual([off, flagged]);

    const all = await list(s, viewer.headers, '?flagged=false&limit=100');
    expect(all.items.find((m: { id: string }) => m.id === flagged)).toBeUndefined();
    const b = all.items.find((m: { id: string }) => m.id === budi);
    expect(b).toMatchObject({ pending_reports: 2, flagged_for_review: false, live_sessions: 0 });
    const f = (await list(s, viewer.headers, '?flagged=true')).items[0];
    expect(f).toMatchObject({ pending_reports: 3, flagged_for_review: true });

    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page = await list(s, viewer.headers, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...ids(page));
      cursor = page.next_cursor;
    }
    const total = (await s.rt.db.query('SELECT count(*)::int n FROM mitras')).rows[0].n;
    expect(new Set(seen).size).toBe(total);
    expect(seen.slice(0, 4)).toEqual([sari, budi, off, flagged]);
    expect((await s.request('/internal/mitras?cursor=nope', { headers: viewer.headers })).status).toBe(400);
    expect((await s.request('/internal/mitras?online=yes', { headers: viewer.headers })).status).toBe(400);
  });
});

describe('POST /internal/mitras and activation', () => {
  it('pre-registers an inactive phone: OTP sign-in is refused until an operator activates it; duplicates and bad phones are refused', async () => {
    const s = stack();
    const op = await ccUser(s, 'operator');
    const phone = uniquePhone();
    const res = await s.request('/internal/mitras', {
      method: 'POST',
      json: { phone, display_name: '  Nia  ' },
      headers: op.headers,
    });
    expect(res.status).toBe(201);
    const m = await json(res);
    expect(m).toMatchObject({ phone: normalise(phone), display_name: 'Nia', is_active: false, is_online: false });
    const again = await s.request('/internal/mitras', {
      method: 'POST',
      json: { phone: normalise(phone) },
      headers: op.headers,
    });
    expect(again.status).toBe(409);
    expect((await json(again)).error.code).toBe('PHONE_TAKEN');
    const bad = await s.request('/internal/mitras', { method: 'POST', json: { phone: '12345' }, headers: op.headers });
    expect([bad.status, (await json(bad)).error.code]).toEqual([422, 'PHONE_INVALID']);

    const refused = await otpSignIn(s, 'mitra', phone);
    expect([refused.status, refused.body.error.code]).toEqual([403, 'ACCOUNT_INACTIVE']);
    const activated = await patch(s, op.headers, m.id, { is_active: true });
    expect(activated.status).toBe(200);
    expect((await json(activated)).is_active).toBe(true);
    await s.rt.local!.advanceClock(61);
    const signedIn = await otpSignIn(s, 'mitra', phone);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.profile.id).toBe(m.id);

    const active = await s.request('/internal/mitras', {
      method: 'POST',
      json: { phone: uniquePhone(), is_active: true },
      headers: op.headers,
    });
    expect((await json(active)).is_active).toBe(true);

    const audit = await json(
      s.request('/internal/audit?kind=mitra_registered', { headers: (await ccUser(s, 'super_admin')).headers }),
    );
    expect(audit.items).toHaveLength(2);
    expect(audit.items[1]).toMatchObject({ target_type: 'mitra', target_id: m.id, actor: { id: op.id } });
  });

  it('PATCH: renames; unknown id 404; an empty or unknown body 400; a viewer 403', async () => {
    const s = stack();
    const op = await ccUser(s, 'operator');
    const id = await insertMitra(s, { name: 'Old' });
    const renamed = await patch(s, op.headers, id, { display_name: 'New Name' });
    expect((await json(renamed)).display_name).toBe('New Name');
    expect((await patch(s, op.headers, '00000000-0000-4000-8000-000000000000', { is_active: false })).status).toBe(404);
    expect((await patch(s, op.headers, id, {})).status).toBe(400);
    expect((await patch(s, op.headers, id, { phone: '0812' })).status).toBe(400);
    expect((await patch(s, op.headers, id, { display_name: '' })).status).toBe(400);
    const viewer = await ccUser(s, 'viewer');
    expect((await patch(s, viewer.headers, id, { display_name: 'X' })).status).toBe(403);
  });
});

describe('deactivating a mitra', () => {
  it('sets offline, withdraws open offers, revokes every session at once: refresh → 403 ACCOUNT_INACTIVE, access tokens refused within the lag', async () => {
    const s = stack();
    const op = await ccUser(s, 'operator');
    const phone = uniquePhone();
    const first = await signInActiveMitra(s, phone);
    await s.rt.local!.advanceClock(61);
    const second = (await otpSignIn(s, 'mitra', phone)).body; // a second device
    const mitraId = first.profile.id as string;
    expect(
      (await s.request('/api/mitra/status/online', { method: 'POST', headers: bearer(first.access_token) })).status,
    ).toBe(200);
    const customer = await customerWithDevice(s);
    const request = await json(chatRequest(s, customer.token));
    expect(request.notified_mitras).toBe(1);
    await settle(s);

    // Another instance (its own revocation cache), warmed before the deactivation.
    const other = await createTestStack({ databaseUrl: s.rt.env.DATABASE_URL });
    try {
      const me = (st: TestStack, token: string) => st.request('/api/mitra/auth/me', { headers: bearer(token) });
      expect((await me(other, second.access_token)).status).toBe(200);

      const res = await patch(s, op.headers, mitraId, { is_active: false });
      expect(res.status).toBe(200);
      expect(await json(res)).toMatchObject({ is_active: false, is_online: false });

      const n = await s.rt.db.query(
        'SELECT status, reason FROM chat_request_notifications WHERE request_id = $1 AND mitra_id = $2',
        [request.request_id, mitraId],
      );
      expect(n.rows[0]).toEqual({ status: 'cancelled', reason: 'mitra_deactivated' });
      await settle(s);
      expect((await realtime(s, `mitras/${mitraId}/offers/${request.request_id}`)).data).toMatchObject({
        status: 'cancelled',
        reason: 'mitra_deactivated',
      });
      const sessions = await s.rt.db.query(
        'SELECT count(*)::int n FROM auth_sessions WHERE user_id = $1 AND revoked_at IS NULL',
        [mitraId],
      );
      expect(sessions.rows[0].n).toBe(0);

      // This instance refuses at once; the other within REVOCATION_MAX_LAG_SECONDS.
      expect((await me(s, first.access_token)).status).toBe(401);
      expect((await me(s, second.access_token)).status).toBe(401);
      await other.rt.local!.advanceClock(s.rt.env.REVOCATION_MAX_LAG_SECONDS);
      expect((await me(other, second.access_token)).status).toBe(401);

      for (const t of [first.refresh_token, second.refresh_token]) {
        const r = await s.request('/api/shared/auth/refresh', { method: 'POST', json: { refresh_token: t } });
        expect([r.status, (await json(r)).error.code]).toEqual([403, 'ACCOUNT_INACTIVE']);
      }
      const online = await s.request('/api/mitra/status/online', {
        method: 'POST',
        headers: bearer(first.access_token),
      });
      expect(online.status).toBe(401);

      const audit = await json(
        s.request('/internal/audit?kind=mitra_updated', { headers: (await ccUser(s, 'super_admin')).headers }),
      );
      expect(audit.items[0].details).toMatchObject({
        before: { is_active: true },
        after: { is_active: false },
        sessions_revoked: 2,
        offers_withdrawn: 1,
      });
    } finally {
      await other.close();
    }
  });
});
