import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { SAFETY_PATHS } from '../../../shared/safety';
import { json } from '../../helpers/http';
import { pushes, realtime, settle } from '../../helpers/pairing';
import { useTestStack, type TestStack } from '../../helpers/runtime';
import { activeFreeTrialSession, deliver, row, send, setConfig, type TestSession } from '../../helpers/sessions';
import { defaultConfig } from '../../../shared/config';

const logs: string[] = [];
const stack = useTestStack({ logs });
let s: TestStack;
beforeEach(() => {
  s = stack();
  logs.length = 0;
});

const CRISIS = 'aku udah ga kuat, pengen bunuh diri aja malam ini';

const alertsOf = async (sessionId: string) =>
  (
    await s.rt.db.query(
      `SELECT session_id, message_seq, sender_type, sender_id, category, rule_id, status FROM safety_alerts
       WHERE session_id = $1 ORDER BY message_seq, category`,
      [sessionId],
    )
  ).rows;

/** The outbox rows of one session's screening events, as the relay publishes them. */
const screeningEvents = async (sessionId: string) =>
  (
    await s.rt.db.query(
      `SELECT payload FROM outbox WHERE kind = 'event' AND payload->'event'->>'topic' = $1
       AND payload->'event'->'data'->>'session_id' = $2 ORDER BY id`,
      [s.rt.env.PUBSUB_SCREENING_TOPIC, sessionId],
    )
  ).rows.map((r) => r.payload);

/** The Pub/Sub push of that message, delivered again as Pub/Sub may (at least once). */
const redeliver = (data: object) =>
  deliver(s, SAFETY_PATHS.screen, {
    message: { data: Buffer.from(JSON.stringify(data)).toString('base64'), messageId: 'again' },
    subscription: 'projects/demo/subscriptions/message-screening-push',
  });

async function crisisSession(): Promise<TestSession & { messageId: string }> {
  const t = await activeFreeTrialSession(s);
  const res = await send(s, t.customer, t.sessionId, CRISIS);
  expect(res.status).toBe(201);
  const m = await json(res);
  await settle(s);
  return { ...t, messageId: m.id };
}

describe('safety screening after commit (SPEC §15)', () => {
  it("a customer's crisis sign: alert, flag, resources doc and push for the customer, notice for the mitra; the message delivered as usual", async () => {
    const t = await crisisSession();
    expect(await alertsOf(t.sessionId)).toEqual([
      {
        session_id: t.sessionId,
        message_seq: 1,
        sender_type: 'customer',
        sender_id: t.customer.id,
        category: 'self_harm',
        rule_id: 'self_harm.bunuh_diri',
        status: 'open',
      },
    ]);
    const session = await row(s, t.sessionId);
    expect(session).toMatchObject({ safety_flag: true, status: 'active' });
    expect(session.safety_notice).toBe(defaultConfig().safety_notice);

    const resources = await realtime(s, `customers/${t.customer.id}/safety/current`);
    expect(resources.data).toMatchObject({
      session_id: t.sessionId,
      category: 'self_harm',
      message: defaultConfig().crisis_resources.message,
      crisis_resources: defaultConfig().crisis_resources.hotlines,
    });
    const alert = (await pushes(s, t.customer.id)).filter((p) => p.data?.type === 'safety_resources');
    expect(alert).toHaveLength(1);
    expect(alert[0]!.data).toEqual({ type: 'safety_resources', session_id: t.sessionId });
    expect(alert[0]!.notification?.title).toBe('Kamu tidak sendirian');

    const mitraDoc = await realtime(s, `mitras/${t.mitra.id}/sessions/${t.sessionId}`);
    expect(mitraDoc.data.safety_notice).toEqual({ text: defaultConfig().safety_notice, at: expect.any(String) });
    expect(mitraDoc.data.topic_sensitivity).toBe('regular'); // merged into the mitra's doc, nothing lost
    // The customer's own view of the session carries no notice.
    expect(JSON.stringify((await realtime(s, `sessions/${t.sessionId}`)).data)).not.toContain('safety');

    const delivered = await realtime(s, `sessions/${t.sessionId}/messages/${t.messageId}`);
    expect(delivered.data).toMatchObject({ seq: 1, sender_type: 'customer', body: CRISIS });
  });

  it('once per session: a second crisis message is another alert, but no second doc write or push', async () => {
    const t = await crisisSession();
    const first = (await realtime(s, `customers/${t.customer.id}/safety/current`)).data.shown_at;
    await s.rt.local!.advanceClock(60);
    expect((await send(s, t.customer, t.sessionId, 'pengen mati aja rasanya')).status).toBe(201);
    await settle(s);
    expect((await alertsOf(t.sessionId)).map((a) => [a.message_seq, a.rule_id])).toEqual([
      [1, 'self_harm.bunuh_diri'],
      [2, 'self_harm.ingin_mati'],
    ]);
    expect((await realtime(s, `customers/${t.customer.id}/safety/current`)).data.shown_at).toBe(first);
    expect((await pushes(s, t.customer.id)).filter((p) => p.data?.type === 'safety_resources')).toHaveLength(1);
  });

  it('a redelivered screening event records nothing twice and answers 204', async () => {
    const t = await crisisSession();
    const [event] = await screeningEvents(t.sessionId);
    expect(event.event.data).toEqual({
      session_id: t.sessionId,
      message_id: t.messageId,
      sender_type: 'customer',
    });
    for (let i = 0; i < 3; i++) expect((await redeliver(event.event.data)).status).toBe(204);
    await settle(s);
    expect(await alertsOf(t.sessionId)).toHaveLength(1);
    expect((await pushes(s, t.customer.id)).filter((p) => p.data?.type === 'safety_resources')).toHaveLength(1);
    // Not a screening message, or not base64 JSON: 400 (Pub/Sub dead-letters it after its retries).
    expect((await redeliver({ session_id: t.sessionId })).status).toBe(400);
    // A message that is not there (never committed): nothing to screen, acknowledged.
    expect((await redeliver({ ...event.event.data, message_id: randomUUID() })).status).toBe(204);
  });

  it("one event screens a relay batch's messages of several sessions; a batch redelivered records nothing twice", async () => {
    const a = await activeFreeTrialSession(s);
    const b = await activeFreeTrialSession(s);
    const sent = [
      [a, a.customer, CRISIS],
      [a, a.customer, 'halo kak'],
      [b, b.mitra, 'chat aku di wa aja ya 0812-3456-7890'],
      [b, b.customer, 'tadi mati lampu seharian'],
    ] as const;
    const items: Array<{ session_id: string; message_id: string; sender_type: string }> = [];
    for (const [t, who, body] of sent) {
      const m = await json(await send(s, who, t.sessionId, body));
      items.push({
        session_id: t.sessionId,
        message_id: m.id as string,
        sender_type: who === t.mitra ? 'mitra' : 'customer',
      });
    }
    await settle(s);
    await s.rt.db.query('DELETE FROM safety_alerts WHERE session_id = ANY($1)', [[a.sessionId, b.sessionId]]);
    for (let i = 0; i < 2; i++) expect((await redeliver({ items })).status).toBe(204);
    await settle(s);
    expect((await alertsOf(a.sessionId)).map((x) => [x.message_seq, x.category])).toEqual([[1, 'self_harm']]);
    expect((await alertsOf(b.sessionId)).map((x) => [x.message_seq, x.category])).toEqual([[1, 'contact_info']]);
    expect((await pushes(s, a.customer.id)).filter((p) => p.data?.type === 'safety_resources')).toHaveLength(1);
    // A batch is at least one message and at most one claimed relay batch.
    expect((await redeliver({ items: [] })).status).toBe(400);
    expect((await redeliver({ items: Array.from({ length: 501 }, () => items[0]) })).status).toBe(400);
  });

  it("a mitra's words raise alerts and flag the session, but bring no crisis resources; contact details are their own category", async () => {
    const t = await activeFreeTrialSession(s);
    await send(s, t.mitra, t.sessionId, 'dulu aku juga pernah pengen bunuh diri');
    await send(s, t.mitra, t.sessionId, 'chat aku di wa aja ya 0812-3456-7890');
    await send(s, t.customer, t.sessionId, 'ok makasih kak, aku tunggu jam 08.30');
    await settle(s);
    expect((await alertsOf(t.sessionId)).map((a) => [a.message_seq, a.sender_type, a.category])).toEqual([
      [1, 'mitra', 'self_harm'],
      [2, 'mitra', 'contact_info'],
    ]);
    expect((await row(s, t.sessionId)).safety_flag).toBe(true);
    expect((await realtime(s, `customers/${t.customer.id}/safety/current`)).exists).toBe(false);
    expect((await realtime(s, `mitras/${t.mitra.id}/sessions/${t.sessionId}`)).data.safety_notice).toBeUndefined();
    expect((await pushes(s, t.customer.id)).filter((p) => p.data?.type === 'safety_resources')).toEqual([]);
  });

  it('an ordinary conversation raises nothing and leaves the session unflagged', async () => {
    const t = await activeFreeTrialSession(s);
    for (const body of ['halo kak', 'tadi mati lampu seharian, bosen banget', 'harganya Rp 150.000 ya', 'jam 08:30'])
      expect((await send(s, t.customer, t.sessionId, body)).status).toBe(201);
    await settle(s);
    expect(await alertsOf(t.sessionId)).toEqual([]);
    expect((await row(s, t.sessionId)).safety_flag).toBe(false);
  });

  it('operators tune the rules in config: a rule they add is in force for the next message', async () => {
    const t = await activeFreeTrialSession(s);
    const rules = [
      ...defaultConfig().safety_rules,
      { id: 'contact_info.signal', category: 'contact_info', form: 'words', pattern: String.raw`\bsignal\b` },
    ];
    await setConfig(s, 'safety_rules', rules);
    await send(s, t.customer, t.sessionId, 'kita ngobrol di Signal aja');
    await settle(s);
    expect((await alertsOf(t.sessionId)).map((a) => a.rule_id)).toEqual(['contact_info.signal']);
  });

  it('no message text in the alert rows, the screening events, the recorded pushes or the logs', async () => {
    const t = await crisisSession();
    await send(s, t.mitra, t.sessionId, 'wa aku 0857 1122 3344');
    await settle(s);
    const texts = [CRISIS, 'bunuh diri', '0857 1122 3344', '085711223344'];
    const alertRows = JSON.stringify((await s.rt.db.query('SELECT * FROM safety_alerts')).rows);
    const events = JSON.stringify(await screeningEvents(t.sessionId));
    const recorded = JSON.stringify(
      (await s.rt.db.query('SELECT message FROM local_push_log WHERE user_id = ANY($1)', [[t.customer.id, t.mitra.id]]))
        .rows,
    );
    const logged = logs.join('\n');
    expect(logs.some((l) => l.includes('safety alert raised'))).toBe(true);
    expect(JSON.parse(events)).toHaveLength(2);
    for (const text of texts)
      for (const [where, content] of Object.entries({ alertRows, events, recorded, logged }))
        expect([where, content.includes(text)]).toEqual([where, false]);
  });
});
