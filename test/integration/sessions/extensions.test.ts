import { beforeEach, describe, expect, it } from 'vitest';
import { commitWithEffects } from '../../../shared/outbox';
import { sessionPaymentHooks, sessionsDeps } from '../../../shared/sessions';
import { json } from '../../helpers/http';
import { pushes, realtime, settle } from '../../helpers/pairing';
import { useTestStack, type TestStack } from '../../helpers/runtime';
import {
  act,
  activeFreeTrialSession,
  deliver,
  redeliverSessionTimers,
  row,
  send,
  snapshot,
  type TestSession,
  setConfig,
} from '../../helpers/sessions';

const stack = useTestStack();
let s: TestStack;
beforeEach(() => {
  s = stack();
});

const ask = (t: TestSession, tier = 'tier_30') => act(s, t.customer, t.sessionId, 'extensions', { tier_id: tier });
const answer = (t: TestSession, extId: string, verb: 'accept' | 'reject') =>
  act(s, t.mitra, t.sessionId, `extensions/${extId}/${verb}`);

async function expiredSession(sensitivity: 'regular' | 'sensitive' = 'regular') {
  const t = await activeFreeTrialSession(s, { sensitivity });
  await s.rt.local!.advanceClock(10 * 60);
  expect((await row(s, t.sessionId)).status).toBe('expired');
  return t;
}

describe('extensions', () => {
  it('only after time-up, within the window, a known tier, one open at a time (also asked 5× in parallel)', async () => {
    const t = await activeFreeTrialSession(s);
    const early = await ask(t);
    expect(early.status).toBe(409);
    expect((await json(early)).error.code).toBe('EXTENSION_NOT_ALLOWED');
    await s.rt.local!.advanceClock(10 * 60);
    expect((await ask(t, 'tier_nope')).status).toBe(400);
    const answers = await Promise.all(Array.from({ length: 5 }, () => ask(t)));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409]);
    const codes = await Promise.all(answers.filter((a) => a.status === 409).map((a) => json(a)));
    expect(codes.every((c) => c.error.code === 'EXTENSION_PENDING')).toBe(true);
    const other = await expiredSession();
    await s.rt.local!.advanceClock(301);
    expect((await json(ask(other))).error.code).toBe('EXTENSION_NOT_ALLOWED');
  });

  it('the mitra is offered it with the session’s current sensitivity; the customer never sees sensitivity', async () => {
    const t = await activeFreeTrialSession(s);
    const flip = await s.request(`/api/mitra/sessions/${t.sessionId}/topic-sensitivity`, {
      method: 'PATCH',
      json: { topic_sensitivity: 'sensitive' },
      headers: { authorization: `Bearer ${t.mitra.token}` },
    });
    expect(flip.status).toBe(200);
    await s.rt.local!.advanceClock(10 * 60);
    const ext = await json(ask(t));
    expect(ext).toMatchObject({ status: 'requested', duration_minutes: 30, price_idr: 25_000 });
    expect(JSON.stringify(ext)).not.toMatch(/sensitiv/);
    await settle(s);
    const offer = (await realtime(s, `mitras/${t.mitra.id}/sessions/${t.sessionId}`)).data;
    expect(offer.extension).toMatchObject({ id: ext.id, status: 'requested', topic_sensitivity: 'sensitive' });
    const asked = (await pushes(s, t.mitra.id)).at(-1)!;
    expect(asked.data).toMatchObject({
      type: 'extension_requested',
      extension_id: ext.id,
      duration_minutes: '30',
      topic_sensitivity: 'sensitive',
      respond_by: offer.extension.respond_by,
    });
    // An alert that expires when the mitra's time to answer does (SPEC §12).
    expect(asked.notification).toMatchObject({ title: 'Permintaan tambah waktu' });
    expect(asked.apns.headers['apns-expiration']).toBe(
      String(Math.floor(Date.parse(offer.extension.respond_by) / 1000)),
    );
    const customerDoc = (await realtime(s, `sessions/${t.sessionId}`)).data;
    expect(customerDoc.extension).toMatchObject({ id: ext.id, status: 'requested' });
    expect(JSON.stringify(customerDoc)).not.toMatch(/sensitiv/);
  });

  it('rejected → closing (extension_rejected); a second answer is refused, the same one is idempotent', async () => {
    const t = await expiredSession();
    const ext = await json(ask(t));
    const rejected = await answer(t, ext.id, 'reject');
    expect(rejected.status).toBe(200);
    expect(await json(answer(t, ext.id, 'reject'))).toMatchObject({ status: 'rejected' });
    expect((await json(answer(t, ext.id, 'accept'))).error.code).toBe('EXTENSION_NOT_PENDING');
    expect(await row(s, t.sessionId)).toMatchObject({ status: 'closing', closing_reason: 'extension_rejected' });
    await settle(s);
    const told = (await pushes(s, t.customer.id)).at(-1)!;
    expect(told.data).toEqual({
      type: 'extension_answered',
      session_id: t.sessionId,
      extension_id: ext.id,
      answer: 'rejected',
    });
    expect(told.notification).toMatchObject({ title: 'Tambah waktu ditolak' });
  });

  it('no answer within extension_timeout_seconds → timed out → closing; the timers again and late change nothing', async () => {
    const t = await expiredSession();
    const ext = await json(ask(t));
    await s.rt.local!.advanceClock(61);
    expect(await row(s, t.sessionId)).toMatchObject({ status: 'closing', closing_reason: 'extension_timeout' });
    expect((await json(answer(t, ext.id, 'accept'))).error.code).toBe('EXTENSION_NOT_PENDING');
    const before = await snapshot(s, t.sessionId);
    await s.rt.local!.advanceClock(120);
    await redeliverSessionTimers(s);
    await redeliverSessionTimers(s);
    await settle(s);
    expect(await snapshot(s, t.sessionId)).toEqual(before);
  });

  it('accepted → an invoice task for payments; the window passing does not close it; applied → active again, and the old expiry task firing changes nothing', async () => {
    // The payment hold outlasts the extension window here, so the window passes while payment is awaited.
    await setConfig(s, 'payment_hold_seconds', 600);
    const t = await expiredSession();
    const oldEnds = (await row(s, t.sessionId)).ends_at as Date;
    const ext = await json(ask(t));
    const accepted = await answer(t, ext.id, 'accept');
    expect(accepted.status).toBe(200);
    expect(await json(accepted)).toMatchObject({ id: ext.id, status: 'accepted', topic_sensitivity: 'regular' });
    const invoice = await s.rt.db.query(
      "SELECT payload FROM outbox WHERE kind = 'task' AND payload->>'path' = '/tasks/payments/create-invoice'",
    );
    expect(invoice.rows.map((r) => r.payload.body)).toEqual([{ kind: 'extension', extension_id: ext.id }]);
    await s.rt.local!.advanceClock(301); // past the extension window and the answer timeout: awaiting payment
    expect((await row(s, t.sessionId)).status).toBe('expired');

    const deps = sessionsDeps(s.rt);
    const { applyPaidExtension } = sessionPaymentHooks(deps);
    const now = s.rt.clock.now();
    // the payment lands while the old expiry task is delivered again, concurrently
    const [applied] = await Promise.all([
      commitWithEffects(deps, (t) => applyPaidExtension(t, ext.id, now)),
      deliver(s, '/tasks/sessions/expire', { session_id: t.sessionId, version: 1 }),
      deliver(s, '/tasks/sessions/expire', { session_id: t.sessionId, version: 2 }),
    ]);
    expect(applied).toBe(true);
    expect(await commitWithEffects(deps, (t) => applyPaidExtension(t, ext.id, now))).toBe(false); // replay
    const r = await row(s, t.sessionId);
    expect(r.status).toBe('active');
    expect(r.ends_at.getTime()).toBe(Math.max(oldEnds.getTime(), now.getTime()) + 30 * 60_000);
    await redeliverSessionTimers(s);
    await deliver(s, '/tasks/sessions/expire', { session_id: t.sessionId, version: 1 });
    expect((await row(s, t.sessionId)).status).toBe('active');
    expect((await send(s, t.customer, t.sessionId, 'lanjut ya')).status).toBe(201);
    await settle(s);
    expect((await realtime(s, `sessions/${t.sessionId}`)).data).toMatchObject({
      status: 'active',
      extension: { status: 'applied' },
    });
    await s.rt.local!.advanceClock(30 * 60);
    expect((await row(s, t.sessionId)).status).toBe('expired'); // the new expiry task acts
  });

  it('accepted but never paid → the extension lapses → closing (extension_lapsed)', async () => {
    const t = await expiredSession();
    const ext = await json(ask(t));
    await answer(t, ext.id, 'accept');
    const deps = sessionsDeps(s.rt);
    const { applyPaidExtension, lapseExtension } = sessionPaymentHooks(deps);
    const now = s.rt.clock.now();
    const run = (fn: typeof lapseExtension) => commitWithEffects(deps, (t) => fn(t, ext.id, now));
    expect(await run(lapseExtension)).toBe(true);
    expect(await run(lapseExtension)).toBe(false);
    expect(await run(applyPaidExtension)).toBe(false);
    expect(await row(s, t.sessionId)).toMatchObject({ status: 'closing', closing_reason: 'extension_lapsed' });
  });
});
