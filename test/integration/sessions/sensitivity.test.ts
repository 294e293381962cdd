import { beforeEach, describe, expect, it } from 'vitest';
import { mayRead } from '../../../shared/realtime/access';
import { bearer } from '../../helpers/auth';
import { json } from '../../helpers/http';
import { customerWithDevice, onlineMitra, realtime, settle } from '../../helpers/pairing';
import { useTestStack, type TestStack } from '../../helpers/runtime';
import { act, activeFreeTrialSession, get, send, setConfig, type TestSession } from '../../helpers/sessions';

const stack = useTestStack();
let s: TestStack;
beforeEach(() => {
  s = stack();
});

const flip = (t: TestSession, to: string, token = t.mitra.token) =>
  s.request(`/api/mitra/sessions/${t.sessionId}/topic-sensitivity`, {
    method: 'PATCH',
    json: { topic_sensitivity: to },
    headers: bearer(token),
  });
const log = async (id: string) =>
  (
    await s.rt.db.query(
      'SELECT from_sensitivity, to_sensitivity, mitra_id FROM session_sensitivity_log WHERE session_id = $1 ORDER BY id',
      [id],
    )
  ).rows;

describe('topic sensitivity', () => {
  it('a real flip logs one row and reaches the mitra’s doc; a no-op logs nothing; flips go back and forth freely', async () => {
    const t = await activeFreeTrialSession(s);
    const first = await flip(t, 'sensitive');
    expect(first.status).toBe(200);
    expect(await json(first)).toMatchObject({
      topic_sensitivity: 'sensitive',
      sensitivity: { confirmation_required: true },
    });
    expect((await flip(t, 'sensitive')).status).toBe(200); // no-op
    await flip(t, 'regular');
    await flip(t, 'sensitive');
    expect(await log(t.sessionId)).toEqual([
      { from_sensitivity: 'regular', to_sensitivity: 'sensitive', mitra_id: t.mitra.id },
      { from_sensitivity: 'sensitive', to_sensitivity: 'regular', mitra_id: t.mitra.id },
      { from_sensitivity: 'regular', to_sensitivity: 'sensitive', mitra_id: t.mitra.id },
    ]);
    await settle(s);
    expect((await realtime(s, `mitras/${t.mitra.id}/sessions/${t.sessionId}`)).data.topic_sensitivity).toBe(
      'sensitive',
    );
    expect(JSON.stringify((await realtime(s, `sessions/${t.sessionId}`)).data)).not.toMatch(/sensitiv/);
  });

  it('latch on: sensitive stays sensitive (409 SENSITIVITY_LATCHED), the toggle shows latched; confirmation setting exposed', async () => {
    const t = await activeFreeTrialSession(s, { sensitivity: 'sensitive' });
    await setConfig(s, 'sensitive_flag_one_way_latch', true);
    await setConfig(s, 'sensitive_flip_confirmation_enabled', false);
    const res = await flip(t, 'regular');
    expect(res.status).toBe(409);
    expect((await json(res)).error.code).toBe('SENSITIVITY_LATCHED');
    expect(await log(t.sessionId)).toEqual([]);
    const view = await json(get(s, t.mitra, `/sessions/${t.sessionId}`));
    expect(view.sensitivity).toEqual({ confirmation_required: false, latched: true, can_flip: false });
    const regular = await activeFreeTrialSession(s);
    expect((await json(flip(regular, 'sensitive'))).sensitivity).toMatchObject({ latched: true });
  });

  it('refusals: another mitra 403, a customer 403, not active 409, invalid value 400', async () => {
    const t = await activeFreeTrialSession(s);
    const other = await onlineMitra(s);
    expect((await flip(t, 'sensitive', other.token)).status).toBe(403);
    expect((await flip(t, 'sensitive', t.customer.token)).status).toBe(403);
    expect((await flip(t, 'other')).status).toBe(400);
    await s.rt.local!.advanceClock(10 * 60);
    const expired = await flip(t, 'sensitive');
    expect(expired.status).toBe(409);
    expect((await json(expired)).error.code).toBe('SESSION_NOT_ACTIVE');
    expect(await log(t.sessionId)).toEqual([]);
  });

  it('customers never see sensitivity: every customer route and every customer-readable doc of a sensitive session', async () => {
    const t = await activeFreeTrialSession(s, { sensitivity: 'sensitive' });
    await flip(t, 'regular');
    await flip(t, 'sensitive');
    const bodies: unknown[] = [];
    const keep = async (res: Response) => {
      expect(res.status).toBeLessThan(300);
      if (res.status !== 204) bodies.push(await res.json());
    };
    const m = await json(send(s, t.customer, t.sessionId, 'halo'));
    bodies.push(m);
    await send(s, t.mitra, t.sessionId, 'hai');
    await keep(await act(s, t.customer, t.sessionId, 'messages/receipts', { up_to_seq: 2, status: 'read' }));
    await keep(await act(s, t.customer, t.sessionId, 'typing', { is_typing: true }));
    await keep(await get(s, t.customer, '/sessions/active'));
    await keep(await get(s, t.customer, '/sessions'));
    await keep(await get(s, t.customer, `/sessions/${t.sessionId}`));
    await keep(await get(s, t.customer, `/sessions/${t.sessionId}/messages`));
    await s.rt.local!.advanceClock(10 * 60);
    await keep(await act(s, t.customer, t.sessionId, 'extensions', { tier_id: 'tier_30' }));
    await keep(await get(s, t.customer, `/sessions/${t.sessionId}`));
    await keep(await act(s, t.customer, t.sessionId, 'end'));
    await keep(await act(s, t.customer, t.sessionId, 'goodbye', { message: 'bye' }));
    await keep(await act(s, t.customer, t.sessionId, 'rating', { stars: 5 }));
    await keep(
      await s.request('/api/client/reports', {
        method: 'POST',
        json: { session_id: t.sessionId, reason: 'rude' },
        headers: bearer(t.customer.token),
      }),
    );
    await s.rt.local!.advanceClock(2);
    for (const path of [
      `sessions/${t.sessionId}`,
      `sessions/${t.sessionId}/messages`,
      `sessions/${t.sessionId}/typing`,
      `customers/${t.customer.id}/pairing/current`,
    ])
      bodies.push(await realtime(s, path));
    // and every document the outbox wrote that the access table lets this customer read
    const uid = `c_${t.customer.id}`;
    const participants = (id: string) => (id === t.sessionId ? [uid, `m_${t.mitra.id}`] : []);
    const { rows } = await s.rt.db.query<{ path: string }>(
      "SELECT DISTINCT payload->>'path' AS path FROM outbox WHERE kind = 'realtime'",
    );
    // (config/public is everyone's and names the operator knobs, not any session's sensitivity)
    const readable = rows.map((r) => r.path).filter((p) => p !== 'config/public' && mayRead(p, uid, participants));
    expect(readable).toEqual(
      expect.arrayContaining([`sessions/${t.sessionId}`, `sessions/${t.sessionId}/messages/${m.id}`]),
    );
    expect(readable.some((p) => p.startsWith('mitras/'))).toBe(false);
    expect(rows.some((r) => r.path === `mitras/${t.mitra.id}/sessions/${t.sessionId}`)).toBe(true);
    for (const path of readable) bodies.push(await realtime(s, path));
    expect(bodies.length).toBeGreaterThan(14);
    for (const b of bodies) expect(JSON.stringify(b)).not.toMatch(/sensitiv/i);
    // while the mitra's own views carry it
    expect((await json(get(s, t.mitra, `/sessions/${t.sessionId}`))).topic_sensitivity).toBe('sensitive');
    const stranger = await customerWithDevice(s);
    expect((await s.request(`/api/client/sessions/${t.sessionId}`, { headers: bearer(stranger.token) })).status).toBe(
      403,
    );
  });
});

describe('Firestore access for sessions (the table terraform/firestore.rules is rendered from)', () => {
  it('participants read the session doc, its messages and typing; nobody else; nothing else under it', () => {
    const participants = (id: string) => (id === 's1' ? ['c_1', 'm_2'] : []);
    for (const path of ['sessions/s1', 'sessions/s1/messages/x', 'sessions/s1/typing/customer']) {
      expect(mayRead(path, 'c_1', participants)).toBe(true);
      expect(mayRead(path, 'm_2', participants)).toBe(true);
      expect(mayRead(path, 'c_3', participants)).toBe(false);
      expect(mayRead(path, 'm_1', participants)).toBe(false);
      expect(mayRead(path, undefined, participants)).toBe(false);
    }
    expect(mayRead('sessions/s1/private/x', 'c_1', participants)).toBe(false);
    expect(mayRead('sessions/s1/messages/x/deeper/y', 'c_1', participants)).toBe(false);
    // the mitra's own session doc (sensitivity, extension offer): the mitra only, never the customer
    expect(mayRead('mitras/2/sessions/s1', 'm_2', participants)).toBe(true);
    expect(mayRead('mitras/2/sessions/s1', 'c_1', participants)).toBe(false);
  });
});
