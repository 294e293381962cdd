import { beforeEach, describe, expect, it } from 'vitest';
import { configReader } from '../../../shared/config';
import { sessionsDeps } from '../../../shared/sessions/deps';
import { sendMessage } from '../../../shared/sessions/send-message';
import { bearer } from '../../helpers/auth';
import { json } from '../../helpers/http';
import { customerWithDevice, pushes, realtime, settle } from '../../helpers/pairing';
import { useTestStack, type TestStack } from '../../helpers/runtime';
import { act, activeFreeTrialSession, get, row, send, setConfig } from '../../helpers/sessions';
import { recordStatements } from '../../helpers/statements';

const stack = useTestStack();
let s: TestStack;
beforeEach(() => {
  s = stack();
});

const messageRows = async (sessionId: string) =>
  (
    await s.rt.db.query(
      'SELECT seq, sender_type, client_message_id, body FROM chat_messages WHERE session_id = $1 ORDER BY seq',
      [sessionId],
    )
  ).rows;

/** The participants' display names, as the session's pushes name them. */
const names = async (sessionId: string) =>
  (
    await s.rt.db.query<{ customer: string; mitra: string }>(
      `SELECT c.display_name AS customer, m.display_name AS mitra FROM chat_sessions cs
       JOIN customers c ON c.id = cs.customer_id JOIN mitras m ON m.id = cs.mitra_id WHERE cs.id = $1`,
      [sessionId],
    )
  ).rows[0]!;

describe('messages', () => {
  it('a participant sends → 201 with seq 1, 2, …; Postgres first, then the message doc through the outbox', async () => {
    const t = await activeFreeTrialSession(s);
    const first = await send(s, t.customer, t.sessionId, '  Halo, aku mau cerita\n\tpanjang  ', 'c-1');
    expect(first.status).toBe(201);
    const m1 = await json(first);
    expect(m1).toMatchObject({
      seq: 1,
      sender_type: 'customer',
      body: 'Halo, aku mau cerita\n\tpanjang',
      status: 'sent',
    });
    const m2 = await json(send(s, t.mitra, t.sessionId, 'Halo juga', 'm-1'));
    expect(m2.seq).toBe(2);
    await settle(s);
    const doc = await realtime(s, `sessions/${t.sessionId}/messages/${m1.id}`);
    expect(doc.data).toMatchObject({ seq: 1, sender_type: 'customer', body: m1.body, client_message_id: 'c-1' });
    expect(doc.data.status).toBeUndefined(); // written once; receipts live in the session doc
  });

  it('costs one statement, run on its own (no BEGIN, no COMMIT), when the other side is active', async () => {
    const t = await activeFreeTrialSession(s);
    await json(send(s, t.mitra, t.sessionId, 'hai', 'm-0')); // the mitra is active: no push to it
    await settle(s);
    const recorded = recordStatements(s.rt.db);
    const sent = await json(send(s, t.customer, t.sessionId, 'halo', 'c-0'));
    recorded.stop();
    expect(sent).toMatchObject({ seq: 2, status: 'sent' });
    // The seq, the message and its effects (the message doc, the counters) in one statement.
    expect(recorded.own()).toEqual([
      expect.stringMatching(
        /^WITH slot AS \(\s*UPDATE chat_sessions[\s\S]*INSERT INTO chat_messages[\s\S]*INSERT INTO outbox/,
      ),
    ]);
    // The other side was active: no push recorded.
    const pushRows = await s.rt.db.query(`SELECT 1 FROM outbox WHERE dedupe_key = $1`, [`push:msg:${sent.id}`]);
    expect(pushRows.rows).toEqual([]);
    await settle(s);
    const doc = await realtime(s, `sessions/${t.sessionId}/messages/${sent.id}`);
    expect(doc.data).toMatchObject({ seq: 2, body: 'halo', client_message_id: 'c-0' });
    // The outbox row carries no copy of the text: the relay read the message when it wrote the doc.
    const { rows } = await s.rt.db.query(`SELECT payload FROM outbox WHERE payload->>'path' = $1`, [
      `sessions/${t.sessionId}/messages/${sent.id}`,
    ]);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0].payload)).not.toContain('halo');
  });

  it('costs the same one statement when the other side is idle: the relay builds the push from Postgres', async () => {
    const t = await activeFreeTrialSession(s);
    await s.rt.local!.advanceClock(60); // both sides idle past the quiet window
    await json(send(s, t.customer, t.sessionId, 'halo?', 'c-first')); // after which the config is read again
    await settle(s);
    const recorded = recordStatements(s.rt.db);
    const sent = await json(send(s, t.customer, t.sessionId, 'kakak masih di sana?', 'c-idle'));
    recorded.stop();
    expect(recorded.own()).toEqual([expect.stringMatching(/^WITH slot AS/)]);
    // Nothing read the devices before the statement: the relay reads them after it, when it sends.
    const before = recorded.texts.slice(
      0,
      recorded.texts.findIndex((q) => q.startsWith('WITH slot')),
    );
    expect(before.filter((q) => q.includes('device_tokens'))).toEqual([]);
    const { rows } = await s.rt.db.query(`SELECT payload FROM outbox WHERE dedupe_key = $1`, [`push:msg:${sent.id}`]);
    expect(rows).toEqual([{ payload: { op: 'compute', compute: 'session-message-pushes', id: sent.id } }]);
    await settle(s);
    const alerts = (await pushes(s, t.mitra.id)).filter((p) => p.data?.type === 'chat_message');
    const alert = alerts.find((p) => p.data?.message_id === sent.id);
    expect(alert?.data).toEqual({
      type: 'chat_message',
      session_id: t.sessionId,
      message_id: sent.id,
      seq: String(sent.seq),
    });
    expect(alert?.notification?.title).toContain('Pesan baru dari');
    expect(JSON.stringify(alerts)).not.toContain('kakak masih di sana');
  });

  it('a retry after the session ended still answers the stored message, not SESSION_NOT_ACTIVE', async () => {
    const t = await activeFreeTrialSession(s);
    const first = await json(send(s, t.customer, t.sessionId, 'sebelum selesai', 'late-retry'));
    expect((await act(s, t.mitra, t.sessionId, 'end')).status).toBe(200);
    const again = await send(s, t.customer, t.sessionId, 'sebelum selesai', 'late-retry');
    expect(again.status).toBe(201);
    expect((await json(again)).id).toBe(first.id);
    expect((await send(s, t.customer, t.sessionId, 'baru', 'new-one')).status).toBe(409);
  });

  it('the same client_message_id again — also 10 retries in parallel — returns the same message, one row', async () => {
    const t = await activeFreeTrialSession(s);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => send(s, t.customer, t.sessionId, 'sekali saja', 'retry-me')),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    const bodies = await Promise.all(answers.map((a) => json(a)));
    expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
    expect(bodies.every((b) => b.seq === 1)).toBe(true);
    expect(await messageRows(t.sessionId)).toHaveLength(1);
    const next = await json(send(s, t.customer, t.sessionId, 'berikutnya'));
    expect(next.seq).toBe(2); // the losers rolled their seq back: no gap
    // The same client id from the other side is another message.
    expect((await json(send(s, t.mitra, t.sessionId, 'x', 'retry-me'))).seq).toBe(3);
  });

  it('a retry of a message stored before time-up answers that message after time-up, not 409', async () => {
    const t = await activeFreeTrialSession(s);
    const stored = await json(send(s, t.customer, t.sessionId, 'terkirim tepat waktu', 'sent-in-time'));
    await s.rt.local!.advanceClock(10 * 60 + 1); // the app lost the answer, then time ran out
    expect((await row(s, t.sessionId)).status).toBe('expired');
    const retry = await send(s, t.customer, t.sessionId, 'terkirim tepat waktu', 'sent-in-time');
    expect(retry.status).toBe(201);
    expect(await json(retry)).toMatchObject({ id: stored.id, seq: 1, body: 'terkirim tepat waktu' });
    expect(await messageRows(t.sessionId)).toHaveLength(1);
    // Only a replay passes: a new message, or the other side reusing the id, is refused.
    expect((await send(s, t.customer, t.sessionId, 'baru', 'sent-late')).status).toBe(409);
    expect((await send(s, t.mitra, t.sessionId, 'x', 'sent-in-time')).status).toBe(409);
  });

  it('each message is handed to safety screening: its session, its id and the side that sent it (SPEC §15)', async () => {
    const t = await activeFreeTrialSession(s);
    const fromCustomer = await json(send(s, t.customer, t.sessionId, 'halo'));
    const fromMitra = await json(send(s, t.mitra, t.sessionId, 'halo juga'));
    const { rows } = await s.rt.db.query(
      `SELECT payload->'event'->'data' AS data FROM outbox WHERE kind = 'event' AND payload->'event'->>'topic' = $1
       AND payload->'event'->'data'->>'session_id' = $2 ORDER BY id`,
      [s.rt.env.PUBSUB_SCREENING_TOPIC, t.sessionId],
    );
    expect(rows.map((r) => r.data)).toEqual([
      { session_id: t.sessionId, message_id: fromCustomer.id, sender_type: 'customer' },
      { session_id: t.sessionId, message_id: fromMitra.id, sender_type: 'mitra' },
    ]);
  });

  it('no token left in an active session: 429 RATE_LIMITED, retry after the seconds until the next token', async () => {
    const t = await activeFreeTrialSession(s);
    const limits = (await configReader(s.rt).get()).limits;
    await setConfig(s, 'limits', { ...limits, messages: { burst: 2, per_second: 0.1 } }); // a token every 10 s
    const start = new Date(Math.floor(s.rt.clock.now().getTime() / 1000) * 1000);
    const deps = sessionsDeps(s.rt);
    const sendAt = (seconds: number, cm: string) =>
      sendMessage(
        { ...deps, clock: { now: () => new Date(start.getTime() + seconds * 1000) } },
        'customer',
        t.customer.id,
        t.sessionId,
        {
          client_message_id: cm,
          body: cm,
        },
      );
    await sendAt(0, 'burst-1');
    await sendAt(0, 'burst-2');
    const limited = (retryAfter: number) => ({
      code: 'RATE_LIMITED',
      message: 'Pesan terlalu cepat. Tunggu sebentar.',
      details: { limit: 'messages', retry_after_seconds: retryAfter },
    });
    await expect(sendAt(0, 'none-left')).rejects.toMatchObject(limited(10));
    // 4 s later 0.4 of a token has come back: the rest of it takes 6 s.
    await expect(sendAt(4, 'still-none')).rejects.toMatchObject(limited(6));
    await expect(sendAt(10, 'refilled')).resolves.toMatchObject({ seq: 3 });
  });

  it('a retry whose statement fails for another reason is that failure, not the stored message', async () => {
    const t = await activeFreeTrialSession(s);
    const stored = await json(send(s, t.customer, t.sessionId, 'tersimpan', 'kept'));
    // Past the route's validation, Postgres refuses a NUL in text: only a duplicate client_message_id means stored.
    await expect(
      sendMessage(sessionsDeps(s.rt), 'customer', t.customer.id, t.sessionId, {
        client_message_id: 'kept',
        body: 'nul\u0000byte',
      }),
    ).rejects.toMatchObject({ code: '22021' });
    expect((await json(send(s, t.customer, t.sessionId, 'tersimpan', 'kept'))).id).toBe(stored.id);
  });

  it('two participants sending at once → seq is gap-free and unique', async () => {
    const t = await activeFreeTrialSession(s);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => send(s, i % 2 ? t.mitra : t.customer, t.sessionId, `pesan ${i}`, `p-${i}`)),
    );
    const rows = await messageRows(t.sessionId);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect((await row(s, t.sessionId)).last_seq).toBe(20);
  });

  it('only participants (403), only while active (409), unknown session (404), body 1–4000 after trim (400)', async () => {
    const t = await activeFreeTrialSession(s);
    const stranger = await customerWithDevice(s);
    const res = await send(s, { side: 'customer', id: stranger.id, token: stranger.token }, t.sessionId, 'hai');
    expect(res.status).toBe(403);
    expect((await json(res)).error.code).toBe('FORBIDDEN');
    const missing = await send(s, t.customer, '00000000-0000-4000-8000-000000000000', 'hai');
    expect(missing.status).toBe(404);
    for (const body of ['', '   ', 'x'.repeat(4001), 'nul\u0000byte'])
      expect((await send(s, t.customer, t.sessionId, body)).status).toBe(400);
    expect((await send(s, t.customer, t.sessionId, 'x'.repeat(4000))).status).toBe(201);
    // a customer token on the mitra path
    const wrong = await s.request(`/api/mitra/sessions/${t.sessionId}/messages`, {
      method: 'POST',
      json: { client_message_id: 'a', body: 'b' },
      headers: bearer(t.customer.token),
    });
    expect(wrong.status).toBe(403);
    await s.rt.local!.advanceClock(10 * 60 + 1); // time is up
    const late = await send(s, t.customer, t.sessionId, 'masih bisa?');
    expect(late.status).toBe(409);
    expect((await json(late)).error.code).toBe('SESSION_NOT_ACTIVE');
  });

  it('the other side is pushed only when it shows no recent activity', async () => {
    const t = await activeFreeTrialSession(s);
    await settle(s);
    const before = (await pushes(s, t.mitra.id)).length;
    await send(s, t.customer, t.sessionId, 'mitra has never been active → push');
    await settle(s);
    const afterFirst = await pushes(s, t.mitra.id);
    expect(afterFirst.length).toBe(before + 1);
    expect(afterFirst.at(-1)!.data).toMatchObject({ type: 'chat_message', session_id: t.sessionId, seq: '1' });
    // An alert named after the sender; what was typed never leaves the chat (SPEC §12).
    expect(afterFirst.at(-1)!.notification!.title).toBe(`Pesan baru dari ${(await names(t.sessionId)).customer}`);
    expect(JSON.stringify(afterFirst.at(-1))).not.toContain('mitra has never been active');
    await act(s, t.mitra, t.sessionId, 'messages/receipts', { up_to_seq: 1, status: 'delivered' }); // mitra app in front
    await send(s, t.customer, t.sessionId, 'mitra just acted → no push');
    await settle(s);
    expect((await pushes(s, t.mitra.id)).length).toBe(before + 1);
    await s.rt.local!.advanceClock(31);
    await send(s, t.customer, t.sessionId, 'quiet for 31 s → push again');
    await settle(s);
    expect((await pushes(s, t.mitra.id)).length).toBe(before + 2);
  });

  it('a message from the mitra pushes the quiet customer, on the customer’s devices', async () => {
    const t = await activeFreeTrialSession(s);
    await settle(s);
    const before = (await pushes(s, t.customer.id)).length;
    const m = await json(send(s, t.mitra, t.sessionId, 'halo dari bestie'));
    await settle(s);
    const after = await pushes(s, t.customer.id);
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)).toMatchObject({
      token: `fcm-${t.customer.id}`,
      data: { type: 'chat_message', session_id: t.sessionId, message_id: m.id, seq: '1' },
      notification: { title: `Pesan baru dari ${(await names(t.sessionId)).mitra}` },
    });
  });

  it('quiet means more than 30 s since the other side’s last activity, to the millisecond', async () => {
    const t = await activeFreeTrialSession(s);
    const lastActive = new Date(Math.floor(s.rt.clock.now().getTime() / 1000) * 1000);
    await s.rt.db.query('UPDATE chat_sessions SET mitra_last_active_at = $2 WHERE id = $1', [t.sessionId, lastActive]);
    const deps = sessionsDeps(s.rt);
    const sendAt = (ms: number, cm: string) =>
      sendMessage(
        { ...deps, clock: { now: () => new Date(lastActive.getTime() + ms) } },
        'customer',
        t.customer.id,
        t.sessionId,
        {
          client_message_id: cm,
          body: cm,
        },
      );
    const pushed = async (messageId: string) =>
      (
        await s.rt.db.query("SELECT count(*)::int AS n FROM outbox WHERE kind = 'push' AND payload::text LIKE $1", [
          `%${messageId}%`,
        ])
      ).rows[0].n;
    const atThirty = await sendAt(30_000, 'at-30s');
    expect(await pushed(atThirty.id)).toBe(0);
    // The first send made the customer active, not the mitra: the mitra's quiet time is unchanged.
    const past = await sendAt(30_001, 'past-30s');
    expect(await pushed(past.id)).toBe(1);
  });

  it('a Firestore write failing 3 times → the message still lands, in order', async () => {
    const t = await activeFreeTrialSession(s);
    await settle(s);
    const rt = s.rt.realtime;
    let failures = 0;
    const failing = (path: string) => path.includes('/messages/') && failures < 3 && ++failures > 0;
    const set = rt.set.bind(rt);
    const batch = rt.writeBatch?.bind(rt);
    rt.set = async (path, data, o) => {
      if (failing(path)) throw new Error('UNAVAILABLE: injected');
      return set(path, data, o);
    };
    if (batch)
      rt.writeBatch = async (writes) => {
        if (writes.some((w) => failing(w.path))) throw new Error('UNAVAILABLE: injected');
        return batch(writes);
      };
    const sent = [];
    for (let i = 1; i <= 3; i++) sent.push(await json(send(s, i % 2 ? t.customer : t.mitra, t.sessionId, `m${i}`)));
    for (let round = 0; round < 6; round++) {
      // the relay's backoff is in real seconds: let it be due now instead of waiting
      await s.rt.db.query('UPDATE outbox SET available_at = now() WHERE delivered_at IS NULL');
      await s.rt.relay.drainAll();
    }
    expect(failures).toBe(3);
    const docs = (await realtime(s, `sessions/${t.sessionId}/messages`)).docs as Array<{
      data: { seq: number; body: string };
    }>;
    expect(docs.map((d) => d.data.seq).sort()).toEqual([1, 2, 3]);
    const bySeq = Object.fromEntries(docs.map((d) => [d.data.seq, d.data.body]));
    expect(bySeq).toEqual({ 1: 'm1', 2: 'm2', 3: 'm3' });
    expect(sent.map((m) => m.seq)).toEqual([1, 2, 3]);
    rt.set = set;
    if (batch) rt.writeBatch = batch;
  });

  it('lists the transcript by seq in both directions with opaque cursors; a bad cursor is 400', async () => {
    const t = await activeFreeTrialSession(s);
    for (let i = 1; i <= 5; i++) await send(s, t.customer, t.sessionId, `m${i}`);
    const p1 = await json(get(s, t.mitra, `/sessions/${t.sessionId}/messages?limit=2`));
    expect(p1.items.map((m: { seq: number }) => m.seq)).toEqual([1, 2]);
    const p2 = await json(get(s, t.mitra, `/sessions/${t.sessionId}/messages?limit=2&cursor=${p1.next_cursor}`));
    expect(p2.items.map((m: { seq: number }) => m.seq)).toEqual([3, 4]);
    const d1 = await json(get(s, t.customer, `/sessions/${t.sessionId}/messages?limit=3&order=desc`));
    expect(d1.items.map((m: { seq: number }) => m.seq)).toEqual([5, 4, 3]);
    const d2 = await json(
      get(s, t.customer, `/sessions/${t.sessionId}/messages?limit=3&order=desc&cursor=${d1.next_cursor}`),
    );
    expect(d2.items.map((m: { seq: number }) => m.seq)).toEqual([2, 1]);
    expect(d2.next_cursor).toBeNull();
    expect((await get(s, t.customer, `/sessions/${t.sessionId}/messages?cursor=bogus!!`)).status).toBe(400);
    const stranger = await customerWithDevice(s);
    expect(
      (await s.request(`/api/client/sessions/${t.sessionId}/messages`, { headers: bearer(stranger.token) })).status,
    ).toBe(403);
  });
});
