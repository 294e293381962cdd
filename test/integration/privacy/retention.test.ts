import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  at,
  ccUser,
  insertCustomer,
  insertMessages,
  insertMitra,
  insertReport,
  insertSession,
} from '../../helpers/control-center';
import { json } from '../../helpers/http';
import { settle } from '../../helpers/pairing';
import { sessionDocOf } from '../../helpers/privacy';
import { useTestStack, type TestStack } from '../../helpers/runtime';
import { deliver } from '../../helpers/sessions';

const stack = useTestStack();
const DAY = 86_400;
const runRetention = async (s: TestStack) => {
  const res = await deliver(s, '/tasks/privacy/retention', {});
  expect(res.status).toBe(200);
  return json(res);
};

/** A completed session `daysAgo` (by completed_at), a message from each side and both goodbyes. */
async function completedSession(s: TestStack, mitraId: string, daysAgo: number) {
  const customerId = await insertCustomer(s);
  const { sessionId } = await insertSession(s, { mitraId, customerId, status: 'completed' });
  await insertMessages(s, sessionId, [
    { type: 'customer', id: customerId },
    { type: 'mitra', id: mitraId },
  ]);
  await s.rt.db.query(
    `UPDATE chat_sessions SET completed_at = $2, customer_goodbye = 'bye', customer_goodbye_at = $2,
       mitra_goodbye = 'bye too', mitra_goodbye_at = $2 WHERE id = $1`,
    [sessionId, at(s.rt.clock.now(), -daysAgo * DAY)],
  );
  return { sessionId, customerId };
}

const bodies = async (s: TestStack, sessionId: string) =>
  (
    await s.rt.db.query('SELECT body, removed_reason FROM chat_messages WHERE session_id = $1 ORDER BY seq', [
      sessionId,
    ])
  ).rows;

describe('the daily retention job (SPEC §14)', () => {
  it('purges message bodies, delivered outbox rows, OTP requests and ended auth sessions only past their window', async () => {
    const s = stack();
    const now = s.rt.clock.now();
    const mitraId = await insertMitra(s);
    const old = await completedSession(s, mitraId, 366);
    const recent = await completedSession(s, mitraId, 364);
    const held = await completedSession(s, mitraId, 400);
    await insertReport(s, {
      sessionId: held.sessionId,
      reporter: { type: 'customer', id: held.customerId },
      reported: { type: 'mitra', id: mitraId },
    });

    const outboxRow = async (deliveredDaysAgo: number | null, attempts = 1) =>
      (
        await s.rt.db.query(
          `INSERT INTO outbox (kind, payload, dedupe_key, delivered_at, attempts, created_at)
           VALUES ('push', '{"message": {"token": "fcm-x"}}', $1, $2, $3, $4) RETURNING id`,
          [
            randomUUID(),
            deliveredDaysAgo === null ? null : at(now, -deliveredDaysAgo * DAY),
            attempts,
            at(now, -(deliveredDaysAgo ?? 8) * DAY),
          ],
        )
      ).rows[0].id as string;
    const outbox = {
      delivered8: await outboxRow(8),
      delivered6: await outboxRow(6),
      dead8: await outboxRow(null, 25),
      pending: await outboxRow(null, 3),
    };
    const otp = async (daysAgo: number) =>
      (
        await s.rt.db.query(
          `INSERT INTO otp_requests (user_type, phone, ip, ip_key, code_hash, provider, expires_at, created_at)
           VALUES ('customer', '+6281200000001', '203.0.113.9', '203.0.113.9', 'h', 'stub', $1, $1) RETURNING id`,
          [at(now, -daysAgo * DAY)],
        )
      ).rows[0].id as string;
    const otps = { old: await otp(31), recent: await otp(29) };
    const authSession = async (o: { revokedDaysAgo?: number; expiresInDays: number }) =>
      (
        await s.rt.db.query(
          `INSERT INTO auth_sessions (user_type, user_id, device_info, created_at, last_used_at, expires_at, revoked_at)
           VALUES ('customer', $1, '{"ip": "203.0.113.9", "user_agent": "x"}', $2, $2, $3, $4) RETURNING id`,
          [
            old.customerId,
            at(now, -60 * DAY),
            at(now, o.expiresInDays * DAY),
            o.revokedDaysAgo === undefined ? null : at(now, -o.revokedDaysAgo * DAY),
          ],
        )
      ).rows[0].id as string;
    const auth = {
      revoked31: await authSession({ revokedDaysAgo: 31, expiresInDays: 10 }),
      expired31: await authSession({ expiresInDays: -31 }),
      revoked29: await authSession({ revokedDaysAgo: 29, expiresInDays: 10 }),
      live: await authSession({ expiresInDays: 10 }),
    };

    const round = await runRetention(s);
    expect(round).toMatchObject({
      round: 0,
      messages: 2,
      sessions_purged: 1,
      outbox_rows: 2,
      otp_requests: 1,
      auth_sessions: 2,
      more: false,
    });
    await settle(s);

    expect(await bodies(s, old.sessionId)).toEqual([
      { body: '', removed_reason: 'retention' },
      { body: '', removed_reason: 'retention' },
    ]);
    expect((await bodies(s, recent.sessionId)).map((m) => m.body)).toEqual(['message 1', 'message 2']);
    expect((await bodies(s, held.sessionId)).map((m) => m.body)).toEqual(['message 1', 'message 2']);
    const goodbyes = await s.rt.db.query(
      'SELECT id, customer_goodbye, mitra_goodbye, messages_purged_at IS NOT NULL AS purged FROM chat_sessions WHERE id = ANY($1)',
      [[old.sessionId, recent.sessionId]],
    );
    expect(goodbyes.rows.find((r) => r.id === old.sessionId)).toMatchObject({
      customer_goodbye: null,
      mitra_goodbye: null,
      purged: true,
    });
    expect(goodbyes.rows.find((r) => r.id === recent.sessionId)).toMatchObject({
      customer_goodbye: 'bye',
      purged: false,
    });

    // Firestore: the message docs say so, and the session doc lost its goodbye texts.
    const docs = (await s.rt.realtime.list(`sessions/${old.sessionId}/messages`)).map((d) => d.data);
    expect(docs.map((d) => [d.body, d.removed])).toEqual([
      ['', 'retention'],
      ['', 'retention'],
    ]);
    const sessionDoc = await sessionDocOf(s, old.sessionId);
    expect(sessionDoc.goodbyes.customer).toEqual({ at: expect.any(String) });

    const left = async (table: string, ids: Record<string, string>) => {
      const { rows } = await s.rt.db.query(`SELECT id::text FROM ${table} WHERE id::text = ANY($1)`, [
        Object.values(ids).map(String),
      ]);
      const present = new Set(rows.map((r) => r.id));
      return Object.keys(ids).filter((k) => present.has(String(ids[k])));
    };
    expect(await left('outbox', outbox)).toEqual(['delivered6', 'pending']);
    expect(await left('otp_requests', otps)).toEqual(['recent']);
    expect(await left('auth_sessions', auth)).toEqual(['revoked29', 'live']);

    // The transcript shows the purged messages as such; reading it is audited, and the audit stays.
    const admin = await ccUser(s, 'super_admin');
    const transcript = await json(
      s.request(`/internal/sessions/${old.sessionId}/transcript`, { headers: admin.headers }),
    );
    expect(transcript.items.map((m: { body: string; removed: string }) => [m.body, m.removed])).toEqual([
      ['', 'retention'],
      ['', 'retention'],
    ]);
    expect(transcript.goodbyes.customer).toEqual({ message: null, at: expect.any(String) });
    expect(await runRetention(s)).toMatchObject({ messages: 0, outbox_rows: 0, otp_requests: 0, auth_sessions: 0 });
    const audit = await json(s.request('/internal/audit?kind=transcript_access', { headers: admin.headers }));
    expect(audit.items).toHaveLength(1);

    // The report closes: the held session is next day's work.
    await s.rt.db.query("UPDATE reports SET status = 'dismissed'");
    expect(await runRetention(s)).toMatchObject({ messages: 2, sessions_purged: 1 });
  }, 60_000);

  it('a full batch chains the next round as a task until the backlog is gone', async () => {
    const s = stack();
    const mitraId = await insertMitra(s);
    const { sessionId, customerId } = await completedSession(s, mitraId, 400);
    await s.rt.db.query(
      `INSERT INTO chat_messages (session_id, seq, sender_type, sender_id, client_message_id, body, created_at)
       SELECT $1, 2 + n, 'customer', $2, 'bulk-' || n, $3 || n, now() FROM generate_series(1, 1200) AS n`,
      [sessionId, customerId, `bulk ${randomBytes(2).toString('hex')} `],
    );
    const first = await runRetention(s);
    expect(first).toMatchObject({ round: 0, messages: 1000, sessions_purged: 0, more: true });
    const follow = await s.rt.db.query(`SELECT count(*)::int AS n FROM outbox WHERE payload->>'name' = $1`, [
      `privacy-retention:${first.day}:1`,
    ]);
    expect(follow.rows[0].n).toBe(1);
    await settle(s);
    const rest = await s.rt.db.query(
      'SELECT count(*) FILTER (WHERE removed_reason IS NULL)::int AS kept, count(*)::int AS n FROM chat_messages WHERE session_id = $1',
      [sessionId],
    );
    expect(rest.rows[0]).toEqual({ kept: 0, n: 1202 });
    const purged = await s.rt.db.query(
      'SELECT messages_purged_at IS NOT NULL AS purged FROM chat_sessions WHERE id = $1',
      [sessionId],
    );
    expect(purged.rows[0].purged).toBe(true);
    // 1,200 tombstones of one session share its messages' ordering key: the relay writes them one by one.
  }, 150_000);

  it('is an operator setting (section retention) within bounds that keep the outbox’s dedupe keys useful', async () => {
    const s = stack();
    const admin = await ccUser(s, 'super_admin');
    const patch = (body: unknown) =>
      s.request('/internal/config/retention', { method: 'PATCH', json: body, headers: admin.headers });
    const ok = await patch({ retention: { message_days: 180, outbox_days: 7, auth_days: 30 } });
    expect(ok.status).toBe(200);
    expect((await patch({ retention: { message_days: 180, outbox_days: 1, auth_days: 30 } })).status).toBe(400);
    const cfg = await json(s.request('/internal/config', { headers: admin.headers }));
    expect(cfg.defaults.retention).toEqual({ message_days: 365, outbox_days: 7, auth_days: 30 });
    expect(cfg.values.retention.message_days).toBe(180);
  });
});
