import { describe, expect, it } from 'vitest';
import { bearer } from '../../helpers/auth';
import { json } from '../../helpers/http';
import { usePaymentStack } from '../../helpers/payments';
import { customerWithHistory } from '../../helpers/privacy';

const ps = usePaymentStack();

describe('GET /api/{client,mitra}/account/export (SPEC §14)', () => {
  it('holds exactly the user’s own data, and none of the other party’s', async () => {
    const { s, xendit } = ps();
    const h = await customerWithHistory(s, xendit);
    const mitraPhone = (await s.rt.db.query('SELECT phone FROM mitras WHERE id = $1', [h.mitra.id])).rows[0].phone;

    const res = await s.request('/api/client/account/export', { headers: bearer(h.customer.token) });
    expect(res.status).toBe(200);
    expect([res.headers.get('content-type'), res.headers.get('cache-control')]).toEqual([
      'application/json; charset=utf-8',
      'no-store',
    ]);
    const mine = await json(res);
    expect(mine.profile).toMatchObject({ id: h.customer.id, phone: h.customer.phone, email: h.customer.email });
    expect(mine.sessions.map((x: { id: string }) => x.id)).toEqual([...h.completed, h.live]);
    expect(mine.sessions[0].your_goodbye.message).toBe('first customer bye');
    expect(mine.sessions[2].your_goodbye).toBeNull();
    expect(mine.messages.map((m: { body: string }) => m.body)).toEqual([
      'first customer says 0',
      'first customer says 1',
      'second customer says 0',
      'second customer says 1',
      'live customer says 0',
    ]);
    expect(mine.payments.map((p: { status: string; amount_idr: number }) => [p.status, p.amount_idr])).toEqual([
      ['paid', 25000],
      ['paid', 25000],
      ['paid', 25000],
    ]);
    expect(mine.ratings).toEqual([expect.objectContaining({ stars: 4, comment: 'second rating words' })]);
    expect(mine.reports).toEqual([
      expect.objectContaining({ reason: 'rude', description: 'first report words', status: 'pending' }),
    ]);
    const customerText = JSON.stringify(mine);
    for (const theirs of ['mitra says', 'mitra bye', 'Bestie Ayu', h.mitra.id, mitraPhone, 'topic_sensitivity'])
      expect([theirs, customerText.includes(theirs)]).toEqual([theirs, false]);

    const theirs = await json(s.request('/api/mitra/account/export', { headers: bearer(h.mitra.token) }));
    expect(theirs.profile).toMatchObject({ id: h.mitra.id, phone: mitraPhone, display_name: 'Bestie Ayu' });
    expect(theirs.sessions.map((x: { topic_sensitivity: string }) => x.topic_sensitivity)).toEqual([
      'regular',
      'regular',
      'regular',
    ]);
    expect(theirs.messages.every((m: { body: string }) => m.body.includes('mitra says'))).toBe(true);
    expect(theirs.ratings_received).toEqual([expect.not.objectContaining({ comment: expect.anything() })]);
    expect(theirs.ratings_received[0].stars).toBe(4);
    expect(theirs.reports).toEqual([]);
    const mitraText = JSON.stringify(theirs);
    for (const other of [
      'customer says',
      'customer bye',
      'rating words',
      'report words',
      h.customer.name,
      h.customer.phone,
      h.customer.email,
      h.customer.id,
    ])
      expect([other, mitraText.includes(other)]).toEqual([other, false]);

    // A customer token on the mitra's export and the other way round: 403.
    expect((await s.request('/api/mitra/account/export', { headers: bearer(h.customer.token) })).status).toBe(403);
    expect((await s.request('/api/client/account/export', { headers: bearer(h.mitra.token) })).status).toBe(403);
  }, 90_000);
});
