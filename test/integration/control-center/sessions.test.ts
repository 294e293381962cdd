import { describe, expect, it } from 'vitest';
import {
  at,
  ccUser,
  insertMessages,
  insertMitra,
  insertPayment,
  insertReport,
  insertSession,
  ccGet as get,
  idsOf,
} from '../../helpers/control-center';
import { json } from '../../helpers/http';
import { useTestStack } from '../../helpers/runtime';

const stack = useTestStack();

describe('GET /internal/sessions', () => {
  it('status, topic_sensitivity and [from, to) combine; newest first; the cursor walks every page', async () => {
    const s = stack();
    const viewer = await ccUser(s, 'viewer');
    const mitra = await insertMitra(s, { name: 'Sari' });
    const base = new Date('2026-11-10T00:00:00.000Z');
    const combos: Array<[string, 'regular' | 'sensitive']> = [
      ['completed', 'regular'],
      ['completed', 'sensitive'],
      ['active', 'sensitive'],
      ['cancelled', 'regular'],
    ];
    const made: Array<{ id: string; status: string; topic: string; created: Date }> = [];
    for (let day = 0; day < 3; day++) {
      for (const [i, [status, topic]] of combos.entries()) {
        const created = at(base, day * 86400 + i * 60);
        const live = status === 'active';
        const { sessionId } = await insertSession(s, {
          mitraId: mitra,
          status: live ? 'completed' : status,
          topic,
          created_at: created,
        });
        if (live) await s.rt.db.query("UPDATE chat_sessions SET status = 'active' WHERE id = $1", [sessionId]);
        made.push({ id: sessionId, status, topic, created });
      }
    }
    const expectIds = (f: (m: (typeof made)[number]) => boolean) =>
      made
        .filter(f)
        .sort((a, b) => b.created.getTime() - a.created.getTime())
        .map((m) => m.id);
    const from = at(base, 86400);
    const to = at(base, 2 * 86400 + 60); // includes day 2's first session only, excludes the one at exactly `to`
    const cases: Array<[string, (m: (typeof made)[number]) => boolean]> = [
      ['', () => true],
      ['status=completed', (m) => m.status === 'completed'],
      ['topic_sensitivity=sensitive', (m) => m.topic === 'sensitive'],
      ['status=completed&topic_sensitivity=sensitive', (m) => m.status === 'completed' && m.topic === 'sensitive'],
      [`from=${from.toISOString()}`, (m) => m.created >= from],
      [`to=${to.toISOString()}`, (m) => m.created < to],
      [`from=${from.toISOString()}&to=${to.toISOString()}`, (m) => m.created >= from && m.created < to],
      [
        `status=completed&topic_sensitivity=regular&from=${from.toISOString()}&to=${to.toISOString()}`,
        (m) => m.status === 'completed' && m.topic === 'regular' && m.created >= from && m.created < to,
      ],
      ['status=expired', () => false],
    ];
    for (const [query, f] of cases) {
      const page = await get(s, viewer.headers, `/internal/sessions?limit=100&${query}`);
      expect([query, idsOf(page)]).toEqual([query, expectIds(f)]);
    }
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page = await get(
        s,
        viewer.headers,
        `/internal/sessions?status=completed&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...idsOf(page));
      cursor = page.next_cursor;
    }
    expect(seen).toEqual(expectIds((m) => m.status === 'completed'));
    const one = (await get(s, viewer.headers, '/internal/sessions?limit=1')).items[0];
    expect(one).toMatchObject({ mitra: { id: mitra, display_name: 'Sari' }, customer: { display_name: 'Customer' } });
    await get(s, viewer.headers, '/internal/sessions?status=unknown', 400);
    await get(s, viewer.headers, `/internal/sessions?from=${to.toISOString()}&to=${from.toISOString()}`, 400);
  });
});

describe('GET /internal/sessions/:id', () => {
  it('has participants, payments, extensions, rating, reports and the sensitivity timeline ascending; empty lists when none', async () => {
    const s = stack();
    const viewer = await ccUser(s, 'viewer');
    const mitra = await insertMitra(s, { name: 'Sari' });
    const created = s.rt.clock.now();
    const { sessionId, customerId } = await insertSession(s, {
      mitraId: mitra,
      created_at: created,
      topic: 'sensitive',
    });
    const bare = await get(s, viewer.headers, `/internal/sessions/${sessionId}`);
    expect(bare).toMatchObject({ payments: [], extensions: [], reports: [], rating: null, sensitivity_timeline: [] });

    await insertPayment(s, { sessionId, status: 'paid', amount: 25000, paid_at: at(created, 10) });
    const ext = await s.rt.db.query(
      `INSERT INTO session_extensions (session_id, tier_id, duration_minutes, price_idr, status, topic_sensitivity, respond_by, created_at, updated_at)
       VALUES ($1, 'tier_30', 30, 25000, 'applied', 'sensitive', $2, $2, $2) RETURNING id`,
      [sessionId, at(created, 1800)],
    );
    await s.rt.db.query(
      `INSERT INTO payments (session_id, extension_id, external_id, amount_idr, status, created_at, updated_at)
       VALUES ($1, $2, $3, 25000, 'pending', $4, $4)`,
      [sessionId, ext.rows[0].id, `extension:${ext.rows[0].id}`, at(created, 1801)],
    );
    // Inserted out of order: the timeline is by time.
    for (const [from, to, sec] of [
      ['sensitive', 'regular', 300],
      ['regular', 'sensitive', 100],
      ['regular', 'sensitive', 500],
    ] as const) {
      await s.rt.db.query(
        `INSERT INTO session_sensitivity_log (session_id, mitra_id, from_sensitivity, to_sensitivity, created_at) VALUES ($1, $2, $3, $4, $5)`,
        [sessionId, mitra, from, to, at(created, sec)],
      );
    }
    await s.rt.db.query(
      'INSERT INTO session_ratings (session_id, customer_id, stars, comment, created_at) VALUES ($1, $2, 4, $3, $4)',
      [sessionId, customerId, 'Makasih', at(created, 2000)],
    );
    await insertReport(s, {
      sessionId,
      reporter: { type: 'mitra', id: mitra },
      reported: { type: 'customer', id: customerId },
    });
    const d = await get(s, viewer.headers, `/internal/sessions/${sessionId}`);
    expect(d.participants).toMatchObject({
      customer: { id: customerId, display_name: 'Customer', is_banned: false },
      mitra: { id: mitra, display_name: 'Sari', is_active: true },
    });
    expect(d.payments.map((p: { kind: string; status: string }) => [p.kind, p.status])).toEqual([
      ['session', 'paid'],
      ['extension', 'pending'],
    ]);
    expect(d.extensions).toEqual([expect.objectContaining({ id: ext.rows[0].id, status: 'applied' })]);
    expect(d.rating).toMatchObject({ stars: 4, comment: 'Makasih' });
    expect(d.reports).toEqual([
      expect.objectContaining({ reporter: expect.objectContaining({ type: 'mitra', display_name: 'Sari' }) }),
    ]);
    expect(d.sensitivity_timeline.map((t: { at: string }) => t.at)).toEqual(
      [100, 300, 500].map((sec) => at(created, sec).toISOString()),
    );
    await get(s, viewer.headers, '/internal/sessions/00000000-0000-4000-8000-000000000000', 404);
    await get(s, viewer.headers, '/internal/sessions/not-a-uuid', 400);
  });
});

describe('GET /internal/sessions/:id/transcript', () => {
  it('needs sessions:transcript; pages by seq; every read writes an audit row listed by GET /internal/audit?kind=transcript_access', async () => {
    const s = stack();
    const admin = await ccUser(s, 'super_admin');
    const operator = await ccUser(s, 'operator');
    const mitra = await insertMitra(s);
    const { sessionId, customerId } = await insertSession(s, { mitraId: mitra });
    const c = { type: 'customer' as const, id: customerId };
    const m = { type: 'mitra' as const, id: mitra };
    await insertMessages(s, sessionId, [c, m, c, m, c]);

    const denied = await s.request(`/internal/sessions/${sessionId}/transcript`, { headers: operator.headers });
    expect([denied.status, (await json(denied)).error.code]).toEqual([403, 'FORBIDDEN']);
    expect((await s.rt.db.query('SELECT count(*)::int n FROM cc_audit_log')).rows[0].n).toBe(0);

    const p1 = await get(s, admin.headers, `/internal/sessions/${sessionId}/transcript?limit=3`);
    expect(p1.items.map((x: { seq: number }) => x.seq)).toEqual([1, 2, 3]);
    expect(p1.items[0]).toMatchObject({ sender_type: 'customer', sender_id: customerId, body: 'message 1' });
    const p2 = await get(
      s,
      admin.headers,
      `/internal/sessions/${sessionId}/transcript?limit=3&cursor=${p1.next_cursor}`,
    );
    expect(p2.items.map((x: { seq: number }) => x.seq)).toEqual([4, 5]);
    expect(p2.next_cursor).toBeNull();
    await get(s, admin.headers, '/internal/sessions/00000000-0000-4000-8000-000000000000/transcript', 404);

    const audit = await get(s, admin.headers, '/internal/audit?kind=transcript_access');
    expect(audit.items).toHaveLength(2);
    expect(audit.items[0]).toMatchObject({
      kind: 'transcript_access',
      actor: { id: admin.id },
      target_type: 'session',
      target_id: sessionId,
      details: { after_seq: 3, messages: 2 },
    });
    expect(audit.items[1].details).toEqual({ after_seq: 0, messages: 3 });
    const byTarget = await get(s, admin.headers, `/internal/audit?target_id=${sessionId}&actor_id=${admin.id}&limit=1`);
    expect(byTarget.items).toHaveLength(1);
    const rest = await get(
      s,
      admin.headers,
      `/internal/audit?target_id=${sessionId}&limit=1&cursor=${byTarget.next_cursor}`,
    );
    expect(rest.items[0].id).toBe(audit.items[1].id);
    expect((await get(s, admin.headers, '/internal/audit?kind=customer_banned')).items).toEqual([]);
    expect((await s.request('/internal/audit', { headers: operator.headers })).status).toBe(403);
    await get(s, admin.headers, '/internal/audit?kind=nope', 400);
  });
});
