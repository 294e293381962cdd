import { beforeEach, describe, expect, it } from 'vitest';
import { json } from '../../helpers/http';
import { realtime, settle } from '../../helpers/pairing';
import { useTestStack, type TestStack } from '../../helpers/runtime';
import { act, activeFreeTrialSession, get, send } from '../../helpers/sessions';

const stack = useTestStack();
let s: TestStack;
beforeEach(() => {
  s = stack();
});

const sessionDocWrites = async (sessionId: string) =>
  (
    await s.rt.db.query("SELECT count(*)::int AS n FROM outbox WHERE kind = 'realtime' AND ordering_key = $1", [
      `sessions/${sessionId}`,
    ])
  ).rows[0].n as number;

describe('receipts, unread counts and typing', () => {
  it('sent → delivered → read, never backwards, never past the last message; the sender sees it', async () => {
    const t = await activeFreeTrialSession(s);
    for (let i = 0; i < 3; i++) await send(s, t.customer, t.sessionId, `m${i}`);
    const r1 = await json(act(s, t.mitra, t.sessionId, 'messages/receipts', { up_to_seq: 2, status: 'delivered' }));
    expect(r1).toMatchObject({ delivered_seq: 2, read_seq: 0, last_seq: 3 });
    const r2 = await json(act(s, t.mitra, t.sessionId, 'messages/receipts', { up_to_seq: 99, status: 'read' }));
    expect(r2).toMatchObject({ delivered_seq: 3, read_seq: 3 }); // clamped to the last message; read ⇒ delivered
    const back = await json(act(s, t.mitra, t.sessionId, 'messages/receipts', { up_to_seq: 1, status: 'delivered' }));
    expect(back).toMatchObject({ delivered_seq: 3, read_seq: 3 });
    const mine = await json(get(s, t.customer, `/sessions/${t.sessionId}/messages`));
    expect(mine.items.map((m: { status: string }) => m.status)).toEqual(['read', 'read', 'read']);
    expect((await json(get(s, t.customer, `/sessions/${t.sessionId}`))).their_receipts).toEqual({
      delivered_seq: 3,
      read_seq: 3,
    });
    await s.rt.local!.advanceClock(2); // the coalesced sync
    const doc = (await realtime(s, `sessions/${t.sessionId}`)).data;
    expect(doc.receipts.mitra).toEqual({ delivered_seq: 3, read_seq: 3 });
    expect(doc.unread).toEqual({ customer: 0, mitra: 0 });
  });

  it('unread counts per side, in the session doc and in the history — written at most once per second', async () => {
    const t = await activeFreeTrialSession(s);
    await settle(s);
    const writesBefore = await sessionDocWrites(t.sessionId);
    for (let i = 0; i < 12; i++) await send(s, t.customer, t.sessionId, `burst ${i}`);
    await send(s, t.mitra, t.sessionId, 'balas');
    // 13 messages, many receipts, within the same second or two: a handful of session-doc writes at most.
    for (let i = 0; i < 5; i++)
      await act(s, t.customer, t.sessionId, 'messages/receipts', { up_to_seq: 13, status: 'delivered' });
    await s.rt.local!.advanceClock(2);
    const writes = (await sessionDocWrites(t.sessionId)) - writesBefore;
    expect(writes).toBeGreaterThanOrEqual(1);
    expect(writes).toBeLessThanOrEqual(3);
    // No Cloud Task per session-second: the counters ride in the relay's batch, computed when written.
    const counterRows = await s.rt.db.query(
      "SELECT kind, payload->>'op' AS op, payload->>'compute' AS compute FROM outbox WHERE dedupe_key LIKE $1",
      [`counters:${t.sessionId}:%`],
    );
    expect(counterRows.rows.length).toBe(writes);
    for (const r of counterRows.rows)
      expect(r).toEqual({ kind: 'realtime', op: 'compute', compute: 'session-counters' });
    const tasks = await s.rt.db.query(
      "SELECT count(*)::int AS n FROM outbox WHERE kind = 'task' AND payload->>'body' LIKE $1",
      [`%${t.sessionId}%`],
    );
    expect(tasks.rows[0].n).toBe(1); // the free trial's expiry timer, and nothing per message
    const doc = (await realtime(s, `sessions/${t.sessionId}`)).data;
    expect(doc).toMatchObject({ last_seq: 13, unread: { mitra: 12, customer: 1 } });
    const mitraHistory = await json(get(s, t.mitra, '/sessions'));
    expect(mitraHistory.items[0]).toMatchObject({ id: t.sessionId, unread_count: 12 });
    const customerHistory = await json(get(s, t.customer, '/sessions'));
    expect(customerHistory.items[0]).toMatchObject({ id: t.sessionId, unread_count: 1 });
    await act(s, t.mitra, t.sessionId, 'messages/receipts', { up_to_seq: 10, status: 'read' });
    expect((await json(get(s, t.mitra, `/sessions/${t.sessionId}`))).unread_count).toBe(2);
    // a duplicated or late sync task writes the same absolute values again
    await s.rt.local!.advanceClock(2);
    expect((await realtime(s, `sessions/${t.sessionId}`)).data.unread).toEqual({ mitra: 2, customer: 1 });
  });

  it('typing goes to sessions/{id}/typing/{side} with its own expiry; no outbox row per call; only while active', async () => {
    const t = await activeFreeTrialSession(s);
    await settle(s);
    const outboxBefore = (await s.rt.db.query('SELECT count(*)::int AS n FROM outbox')).rows[0].n;
    expect((await act(s, t.customer, t.sessionId, 'typing', { is_typing: true })).status).toBe(204);
    const doc = (await realtime(s, `sessions/${t.sessionId}/typing/customer`)).data;
    expect(doc).toMatchObject({ is_typing: true });
    expect(Date.parse(doc.expires_at)).toBeGreaterThan(Date.parse(doc.at));
    for (let i = 0; i < 5; i++) await act(s, t.customer, t.sessionId, 'typing', { is_typing: i % 2 === 0 });
    expect((await realtime(s, `sessions/${t.sessionId}/typing/customer`)).data.is_typing).toBe(true);
    expect((await s.rt.db.query('SELECT count(*)::int AS n FROM outbox')).rows[0].n).toBe(outboxBefore);
    await act(s, t.mitra, t.sessionId, 'typing', { is_typing: true });
    expect((await realtime(s, `sessions/${t.sessionId}/typing/mitra`)).data.is_typing).toBe(true);
    await s.rt.local!.advanceClock(10 * 60 + 1);
    expect((await act(s, t.customer, t.sessionId, 'typing', { is_typing: true })).status).toBe(409);
  });
});
