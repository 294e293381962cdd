import { describe, expect, it } from 'vitest';
import { configReader } from '../../../shared/config';
import { json } from '../../helpers/http';
import { realtime, settle } from '../../helpers/pairing';
import { createTestStack, useTestStack, type TestStack } from '../../helpers/runtime';
import { act, activeFreeTrialSession, row, send, setConfig } from '../../helpers/sessions';

// SPEC §13: each sender in a session may send a burst of 20 messages, then 1 a second. The token is
// taken by the same UPDATE that allocates the seq: a refused message is never half-written, an accepted
// one is never lost. Typing writes Firestore at most once per side per 2 s.
const stack = useTestStack();

/** The burst as configured, with a refill too slow to matter while the test runs in real time. */
async function burstOnly(s: TestStack) {
  const limits = (await configReader(s.rt).get()).limits;
  await setConfig(s, 'limits', { ...limits, messages: { burst: limits.messages.burst, per_second: 0.001 } });
}

describe('message limits', () => {
  it('100 messages at once from one participant: exactly the burst is accepted, the rest 429, every 201 in Postgres and Firestore', async () => {
    const s = stack();
    const t = await activeFreeTrialSession(s);
    await burstOnly(s);
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) => send(s, t.customer, t.sessionId, `pesan ${i}`, `burst-${i}`)),
    );
    const accepted = answers.filter((r) => r.status === 201);
    const refused = answers.filter((r) => r.status === 429);
    expect(accepted).toHaveLength(20);
    expect(refused).toHaveLength(80);
    const body = await json(refused[0]!);
    expect(body.error).toMatchObject({ code: 'RATE_LIMITED', details: { limit: 'messages' } });
    expect(refused[0]!.headers.get('retry-after')).toBe(String(body.error.details.retry_after_seconds));

    // Never half-written: 20 rows, seq 1..20 without a gap, no outbox row of a refused message.
    const stored = await Promise.all(accepted.map((r) => json(r)));
    const { rows } = await s.rt.db.query<{ id: string; seq: number }>(
      'SELECT id, seq FROM chat_messages WHERE session_id = $1 ORDER BY seq',
      [t.sessionId],
    );
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(stored.map((m) => m.id)));
    expect((await row(s, t.sessionId)).last_seq).toBe(20);
    // Never lost: every acknowledged message is in Firestore once the outbox has delivered.
    await settle(s);
    for (const m of stored) {
      const doc = await realtime(s, `sessions/${t.sessionId}/messages/${m.id}`);
      expect(doc.data).toMatchObject({ seq: m.seq, body: m.body });
    }
  });

  it('the limit is per sender: the other side still talks; a stored message replays even while limited', async () => {
    const s = stack();
    const t = await activeFreeTrialSession(s);
    await burstOnly(s);
    for (let i = 0; i < 20; i++) expect((await send(s, t.customer, t.sessionId, `m${i}`, `c-${i}`)).status).toBe(201);
    expect((await send(s, t.customer, t.sessionId, 'one more', 'c-20')).status).toBe(429);
    // A retry of an acknowledged message (the app lost the answer) gets that message, not a 429.
    const replay = await send(s, t.customer, t.sessionId, 'm3', 'c-3');
    expect(replay.status).toBe(201);
    expect((await json(replay)).seq).toBe(4);
    expect((await send(s, t.mitra, t.sessionId, 'aku di sini', 'm-0')).status).toBe(201);
  });

  it('refills at 1 a second after the burst (defaults)', async () => {
    const s = stack();
    const t = await activeFreeTrialSession(s);
    // Sent one after another until the first refusal: real time passes while they run, so a slow machine
    // gets a token back now and then, but the burst is never less than 20 and the sender meets the limit.
    let accepted = 0;
    let limited: Response | undefined;
    for (let i = 0; i < 200 && !limited; i++) {
      const r = await send(s, t.customer, t.sessionId, `m${i}`);
      if (r.status === 201) accepted++;
      else limited = r;
    }
    expect(accepted).toBeGreaterThanOrEqual(20);
    expect(limited?.status).toBe(429);
    expect((await json(limited!)).error.details.retry_after_seconds).toBe(1);
    await s.rt.local!.advanceClock(1);
    expect((await send(s, t.customer, t.sessionId, 'one a second')).status).toBe(201);
    await s.rt.local!.advanceClock(3);
    for (let i = 0; i < 3; i++) expect((await send(s, t.customer, t.sessionId, `later ${i}`)).status).toBe(201);
  });

  it('two instances over one database share the sender’s bucket', async () => {
    const s = stack();
    const t = await activeFreeTrialSession(s);
    await burstOnly(s);
    const other = await createTestStack({ databaseUrl: s.rt.env.DATABASE_URL });
    try {
      const answers = await Promise.all(
        Array.from({ length: 60 }, (_, i) => send(i % 2 ? s : other, t.customer, t.sessionId, `x${i}`, `two-${i}`)),
      );
      expect(answers.filter((r) => r.status === 201)).toHaveLength(20);
    } finally {
      await other.close();
    }
  });
});

describe('typing', () => {
  it('writes Firestore at most once per side per 2 s; a faster caller gets 204 and the doc converges', async () => {
    const s = stack();
    const t = await activeFreeTrialSession(s);
    const typing = (isTyping: boolean) => act(s, t.customer, t.sessionId, 'typing', { is_typing: isTyping });
    expect((await typing(true)).status).toBe(204);
    const first = (await realtime(s, `sessions/${t.sessionId}/typing/customer`)).data;
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => typing(i % 2 === 1)));
    expect(answers.every((r) => r.status === 204)).toBe(true);
    // Not one of the 30 reached Firestore: the doc is still the first write.
    expect((await realtime(s, `sessions/${t.sessionId}/typing/customer`)).data).toEqual(first);
    expect(Date.parse(first.expires_at) - Date.parse(first.at)).toBe(10_000);
    // The mitra's side has its own gap.
    expect((await act(s, t.mitra, t.sessionId, 'typing', { is_typing: true })).status).toBe(204);
    expect((await realtime(s, `sessions/${t.sessionId}/typing/mitra`)).data.is_typing).toBe(true);
    await s.rt.local!.advanceClock(2);
    expect((await typing(false)).status).toBe(204);
    expect((await realtime(s, `sessions/${t.sessionId}/typing/customer`)).data.is_typing).toBe(false);
  });
});
