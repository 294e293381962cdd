import { beforeEach, describe, expect, it } from 'vitest';
import { ccGet as get, ccUser, idsOf } from '../../helpers/control-center';
import { json } from '../../helpers/http';
import { settle } from '../../helpers/pairing';
import { useTestStack, type TestStack } from '../../helpers/runtime';
import { activeFreeTrialSession, send } from '../../helpers/sessions';

const stack = useTestStack();
let s: TestStack;
beforeEach(() => {
  s = stack();
});

/** Three sessions: a customer in crisis, a mitra handing out a phone number, and a quiet one. */
async function scriptedAlerts() {
  const crisis = await activeFreeTrialSession(s);
  await send(s, crisis.customer, crisis.sessionId, 'aku pengen mati aja');
  await s.rt.local!.advanceClock(1);
  const contact = await activeFreeTrialSession(s);
  await send(s, contact.mitra, contact.sessionId, 'wa aku ya 081234567890');
  const quiet = await activeFreeTrialSession(s);
  await send(s, quiet.customer, quiet.sessionId, 'halo kak, mau cerita soal kerjaan');
  await settle(s);
  return { crisis, contact, quiet };
}

const patch = (id: string, body: unknown, headers: Record<string, string>) =>
  s.request(`/internal/safety-alerts/${id}`, { method: 'PATCH', json: body, headers });

describe('GET /internal/safety-alerts and PATCH /internal/safety-alerts/:id (SPEC §15)', () => {
  it('lists newest first by status and category, pages; an operator acknowledges, then resolves; a closed alert is 409; audited', async () => {
    const { crisis, contact } = await scriptedAlerts();
    const op = await ccUser(s, 'operator');
    const all = await get(s, op.headers, '/internal/safety-alerts');
    expect(all.items.map((a: { session_id: string; category: string }) => [a.session_id, a.category])).toEqual([
      [contact.sessionId, 'contact_info'],
      [crisis.sessionId, 'self_harm'],
    ]);
    const selfHarm = all.items[1];
    expect(selfHarm).toMatchObject({
      message_seq: 1,
      sender_type: 'customer',
      sender_id: crisis.customer.id,
      rule_id: 'self_harm.ingin_mati',
      status: 'open',
      reviewed_by: null,
    });
    const bySelfHarm = await get(s, op.headers, '/internal/safety-alerts?category=self_harm&status=open');
    expect(idsOf(bySelfHarm)).toEqual([selfHarm.id]);
    expect(idsOf(await get(s, op.headers, `/internal/safety-alerts?session_id=${contact.sessionId}`))).toEqual([
      all.items[0].id,
    ]);
    const p1 = await get(s, op.headers, '/internal/safety-alerts?limit=1');
    const p2 = await get(s, op.headers, `/internal/safety-alerts?limit=1&cursor=${p1.next_cursor}`);
    expect([...idsOf(p1), ...idsOf(p2)]).toEqual(idsOf(all));
    expect(p2.next_cursor).toBeNull();
    await get(s, op.headers, '/internal/safety-alerts?cursor=nope', 400);
    await get(s, op.headers, '/internal/safety-alerts?category=violence', 400);

    const acked = await patch(selfHarm.id, { status: 'acknowledged', note: 'menghubungi customer' }, op.headers);
    expect(acked.status).toBe(200);
    expect(await json(acked)).toMatchObject({
      status: 'acknowledged',
      review_note: 'menghubungi customer',
      reviewed_by: op.id,
    });
    expect(idsOf(await get(s, op.headers, '/internal/safety-alerts?status=open'))).toEqual([all.items[0].id]);
    const resolved = await json(patch(selfHarm.id, { status: 'resolved' }, op.headers));
    expect(resolved).toMatchObject({ status: 'resolved', review_note: 'menghubungi customer' });
    const closed = await patch(selfHarm.id, { status: 'dismissed' }, op.headers);
    expect([closed.status, (await json(closed)).error.code]).toEqual([409, 'SAFETY_ALERT_CLOSED']);
    const missing = await patch('00000000-0000-4000-8000-000000000000', { status: 'resolved' }, op.headers);
    expect(missing.status).toBe(404);
    for (const body of [{ status: 'open' }, { status: 'resolved', note: '' }, { status: 'resolved', extra: 1 }, {}])
      expect((await patch(all.items[0].id, body, op.headers)).status).toBe(400);

    const admin = await ccUser(s, 'super_admin');
    const audit = await get(s, admin.headers, '/internal/audit?kind=safety_alert_reviewed');
    expect(audit.items.map((e: { details: object }) => e.details)).toEqual([
      {
        session_id: crisis.sessionId,
        category: 'self_harm',
        from_status: 'acknowledged',
        to_status: 'resolved',
        note: null,
      },
      {
        session_id: crisis.sessionId,
        category: 'self_harm',
        from_status: 'open',
        to_status: 'acknowledged',
        note: 'menghubungi customer',
      },
    ]);
    expect(audit.items[0]).toMatchObject({ target_type: 'safety_alert', target_id: selfHarm.id, actor: { id: op.id } });

    // A viewer reads the alerts but cannot answer them.
    const viewer = await ccUser(s, 'viewer');
    await get(s, viewer.headers, '/internal/safety-alerts');
    expect((await patch(all.items[0].id, { status: 'dismissed' }, viewer.headers)).status).toBe(403);
  });

  it('the session list filters on the flag and shows it; the detail lists its alerts and the notice; the dashboard counts "Perlu perhatian"', async () => {
    const { crisis, contact, quiet } = await scriptedAlerts();
    const op = await ccUser(s, 'operator');
    const flagged = await get(s, op.headers, '/internal/sessions?safety_flag=true');
    expect(idsOf(flagged).sort()).toEqual([crisis.sessionId, contact.sessionId].sort());
    expect(flagged.items.every((x: { safety_flag: boolean }) => x.safety_flag)).toBe(true);
    expect(idsOf(await get(s, op.headers, '/internal/sessions?safety_flag=false'))).toEqual([quiet.sessionId]);
    await get(s, op.headers, '/internal/sessions?safety_flag=yes', 400);

    const detail = await get(s, op.headers, `/internal/sessions/${crisis.sessionId}`);
    expect(detail).toMatchObject({ safety_flag: true, safety_notice: { text: expect.any(String) } });
    expect(detail.safety_alerts.map((a: { category: string }) => a.category)).toEqual(['self_harm']);
    const contactDetail = await get(s, op.headers, `/internal/sessions/${contact.sessionId}`);
    expect(contactDetail).toMatchObject({ safety_flag: true, safety_notice: null });

    const dash = async () => (await get(s, op.headers, '/internal/dashboard')).needs_attention;
    expect(await dash()).toEqual({
      open_safety_alerts: 2,
      open_self_harm_alerts: 1,
      sessions: 2,
      safety_flagged_sessions_total: 2,
    });
    const [alert] = (await get(s, op.headers, '/internal/safety-alerts?category=self_harm')).items;
    await patch(alert.id, { status: 'acknowledged' }, op.headers);
    expect(await dash()).toMatchObject({ open_safety_alerts: 1, open_self_harm_alerts: 0, sessions: 2 });
    await patch(alert.id, { status: 'resolved' }, op.headers);
    expect(await dash()).toEqual({
      open_safety_alerts: 1,
      open_self_harm_alerts: 0,
      sessions: 1,
      safety_flagged_sessions_total: 2,
    });
  });
});
