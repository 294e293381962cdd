import { describe, expect, it } from 'vitest';
import { at, ccUser, insertMitra, insertOffers, ccGet as get } from '../../helpers/control-center';
import { json } from '../../helpers/http';
import { accept, chatRequest, customerWithDevice, onlineMitra } from '../../helpers/pairing';
import { useTestStack } from '../../helpers/runtime';

const stack = useTestStack();

describe('GET /internal/mitra-activity', () => {
  it('counts per mitra over [from, to): offered, each outcome, accept rate, sensitive figures (null rates when 0), exact at the edges', async () => {
    const s = stack();
    const viewer = await ccUser(s, 'viewer');
    const from = new Date('2026-11-01T00:00:00.000Z');
    const to = new Date('2026-11-08T00:00:00.000Z');
    const ana = await insertMitra(s, { name: 'Ana' });
    const bea = await insertMitra(s, { name: 'Bea' });
    const cici = await insertMitra(s, { name: 'Cici' }); // nothing offered
    const offers = async (when: Date, topic: 'regular' | 'sensitive', a: string, b: string) =>
      insertOffers(s, {
        offered_at: when,
        topic,
        offers: [
          { mitraId: ana, status: a },
          { mitraId: bea, status: b },
        ],
      });
    await offers(from, 'sensitive', 'accepted', 'missed'); // on `from`: in
    await offers(at(from, 60), 'regular', 'rejected', 'accepted');
    await offers(at(from, 120), 'regular', 'ignored', 'ignored');
    await offers(at(from, 180), 'sensitive', 'missed', 'accepted');
    await offers(at(from, 240), 'regular', 'cancelled', 'rejected');
    await offers(at(to, -0.001), 'regular', 'accepted', 'missed'); // last instant: in
    await offers(to, 'sensitive', 'accepted', 'accepted'); // on `to`: out
    await offers(at(from, -0.001), 'sensitive', 'accepted', 'accepted'); // before `from`: out

    const q = `from=${from.toISOString()}&to=${to.toISOString()}`;
    const page = await get(s, viewer.headers, `/internal/mitra-activity?${q}`);
    expect(page.from).toBe(from.toISOString());
    expect(page.to).toBe(to.toISOString());
    const row = (id: string) => page.items.find((r: { mitra: { id: string } }) => r.mitra.id === id);
    expect(row(ana)).toMatchObject({
      mitra: { display_name: 'Ana', is_active: true },
      offered: 6,
      accepted: 2,
      rejected: 1,
      ignored: 1,
      missed: 1,
      accept_rate: 33.3,
      sensitive_total: 2,
      sensitive_accepted: 1,
      sensitive_rate: 50,
    });
    expect(row(bea)).toMatchObject({
      offered: 6,
      accepted: 2,
      rejected: 1,
      ignored: 1,
      missed: 2,
      accept_rate: 33.3,
      sensitive_total: 2,
      sensitive_accepted: 1,
      sensitive_rate: 50,
    });
    expect(row(cici)).toMatchObject({ offered: 0, accept_rate: null, sensitive_total: 0, sensitive_rate: null });

    // Only regular offers in a narrower window: sensitive_rate is null, not 0 or NaN.
    const narrow = await get(
      s,
      viewer.headers,
      `/internal/mitra-activity?from=${at(from, 60).toISOString()}&to=${at(from, 121).toISOString()}`,
    );
    expect(narrow.items.find((r: { mitra: { id: string } }) => r.mitra.id === ana)).toMatchObject({
      offered: 2,
      sensitive_total: 0,
      sensitive_rate: null,
      accept_rate: 0,
    });

    // Pages by name with the cursor.
    const p1 = await get(s, viewer.headers, `/internal/mitra-activity?${q}&limit=2`);
    expect(p1.items.map((r: { mitra: { display_name: string } }) => r.mitra.display_name)).toEqual(['Ana', 'Bea']);
    const p2 = await get(s, viewer.headers, `/internal/mitra-activity?${q}&limit=2&cursor=${p1.next_cursor}`);
    expect(p2.items.map((r: { mitra: { display_name: string } }) => r.mitra.display_name)).toEqual(['Cici']);
    expect(p2.next_cursor).toBeNull();

    const bad = [
      `from=${to.toISOString()}&to=${from.toISOString()}`,
      `from=${from.toISOString()}&to=${from.toISOString()}`,
      `from=2025-01-01T00:00:00Z&to=2026-11-01T00:00:00Z`,
      'from=yesterday',
      'cursor=%%%',
    ];
    for (const query of bad) {
      const res = await s.request(`/internal/mitra-activity?${query}`, { headers: viewer.headers });
      expect([query, res.status]).toEqual([query, 400]);
    }
  });

  it('GET /:id/log lists the mitra’s rows newest first, filters by status, pages, and 404s an unknown mitra', async () => {
    const s = stack();
    const viewer = await ccUser(s, 'viewer');
    const ana = await insertMitra(s, { name: 'Ana' });
    const from = new Date('2026-11-01T00:00:00.000Z');
    const to = new Date('2026-11-02T00:00:00.000Z');
    const ids: string[] = [];
    for (const [i, status] of ['accepted', 'rejected', 'ignored', 'missed', 'rejected'].entries()) {
      ids.push(await insertOffers(s, { offered_at: at(from, i * 60), offers: [{ mitraId: ana, status }] }));
    }
    await insertOffers(s, { offered_at: to, offers: [{ mitraId: ana, status: 'accepted' }] });
    const q = `from=${from.toISOString()}&to=${to.toISOString()}`;
    const all = await get(s, viewer.headers, `/internal/mitra-activity/${ana}/log?${q}`);
    expect(all.items.map((r: { request_id: string }) => r.request_id)).toEqual([...ids].reverse());
    expect(all.items[4]).toMatchObject({ status: 'accepted', topic_sensitivity: 'regular', active_session_count: 0 });
    const rejected = await get(s, viewer.headers, `/internal/mitra-activity/${ana}/log?${q}&status=rejected`);
    expect(rejected.items.map((r: { request_id: string }) => r.request_id)).toEqual([ids[4], ids[1]]);
    const p1 = await get(s, viewer.headers, `/internal/mitra-activity/${ana}/log?${q}&limit=3`);
    const p2 = await get(
      s,
      viewer.headers,
      `/internal/mitra-activity/${ana}/log?${q}&limit=3&cursor=${p1.next_cursor}`,
    );
    expect([...p1.items, ...p2.items].map((r: { request_id: string }) => r.request_id)).toEqual([...ids].reverse());
    expect(p2.next_cursor).toBeNull();
    const unknown = await s.request(`/internal/mitra-activity/00000000-0000-4000-8000-000000000000/log`, {
      headers: viewer.headers,
    });
    expect(unknown.status).toBe(404);
  });

  it('follows the real pairing flow: the winner’s accept and the other’s miss are counted', async () => {
    const s = stack();
    const viewer = await ccUser(s, 'viewer');
    const [a, b] = [await onlineMitra(s), await onlineMitra(s)];
    const c = await customerWithDevice(s);
    const req = await json(chatRequest(s, c.token, { topic_sensitivity: 'sensitive', tier_id: 'tier_30' }));
    expect((await accept(s, a, req.request_id)).status).toBe(200);
    const page = await get(s, viewer.headers, '/internal/mitra-activity?limit=100');
    const row = (id: string) => page.items.find((r: { mitra: { id: string } }) => r.mitra.id === id);
    expect(row(a.id)).toMatchObject({
      offered: 1,
      accepted: 1,
      accept_rate: 100,
      sensitive_total: 1,
      sensitive_rate: 100,
    });
    expect(row(b.id)).toMatchObject({
      offered: 1,
      missed: 1,
      accept_rate: 0,
      sensitive_accepted: 0,
      sensitive_rate: 0,
    });
    const log = await get(s, viewer.headers, `/internal/mitra-activity/${a.id}/log`);
    expect(log.items[0]).toMatchObject({
      request_id: req.request_id,
      status: 'accepted',
      session_id: expect.any(String),
    });
  });
});
