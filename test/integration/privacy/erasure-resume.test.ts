import { describe, expect, it } from 'vitest';
import { bearer } from '../../helpers/auth';
import { ccUser } from '../../helpers/control-center';
import { json } from '../../helpers/http';
import { usePaymentStack } from '../../helpers/payments';
import {
  customerWithHistory,
  driveErasure,
  erasureRow,
  messageDocsOf,
  sessionDocOf,
  type TestCustomer,
} from '../../helpers/privacy';
import type { TestStack } from '../../helpers/runtime';
import { deliver } from '../../helpers/sessions';

const ps = usePaymentStack();
const STEP_PATH = '/tasks/privacy/erase-step';

/**
 * Everything an erasure decides, with ids and times left out, so two customers with the same history
 * (same texts, same flow) can be compared: Postgres, their Firestore documents and the outbox's copies.
 */
async function erasedState(s: TestStack, c: TestCustomer, sessions: string[]) {
  const one = async (sql: string, params: unknown[]) => (await s.rt.db.query(sql, params)).rows;
  const perSession = [];
  for (const id of sessions) {
    const doc = await sessionDocOf(s, id);
    const messageDocs = (await messageDocsOf(s, id)).map((d) => [d.sender_type, d.body, d.removed ?? null]);
    perSession.push({
      row: (
        await one(`SELECT status, closing_reason, customer_goodbye, mitra_goodbye FROM chat_sessions WHERE id = $1`, [
          id,
        ])
      )[0],
      messages: await one(
        'SELECT sender_type, body, removed_reason FROM chat_messages WHERE session_id = $1 ORDER BY seq',
        [id],
      ),
      payments: await one('SELECT amount_idr, status FROM payments WHERE session_id = $1', [id]),
      doc: {
        customer_name: doc.customer_name,
        goodbyes: Object.fromEntries(Object.entries(doc.goodbyes).map(([k, g]) => [k, g.message ?? null])),
        status: doc.status,
      },
      messageDocs,
    });
  }
  const personal = [c.phone, c.email, c.name, 'customer says', 'customer bye'];
  return {
    customer: (
      await one('SELECT display_name, phone, email, erased_at IS NOT NULL AS erased FROM customers WHERE id = $1', [
        c.id,
      ])
    )[0],
    erasure: (
      await one('SELECT step, completed_at IS NOT NULL AS completed FROM erasures WHERE user_id = $1', [c.id])
    )[0],
    sessions: perSession,
    ratings: await one(
      'SELECT stars, comment FROM session_ratings r JOIN chat_sessions s ON s.id = r.session_id WHERE s.customer_id = $1',
      [c.id],
    ),
    reports: await one('SELECT status, description FROM reports WHERE reporter_id = $1', [c.id]),
    auth: await one(
      `SELECT count(*) FILTER (WHERE revoked_at IS NULL)::int AS live, count(*) FILTER (WHERE device_info <> '{}')::int AS devices
       FROM auth_sessions WHERE user_id = $1`,
      [c.id],
    ),
    devices: await one('SELECT count(*)::int AS n FROM device_tokens WHERE user_id = $1', [c.id]),
    pairing: await s.rt.realtime.get(`customers/${c.id}/pairing/current`),
    outboxCopies: await one(
      `SELECT count(*)::int AS n FROM outbox WHERE delivered_at IS NOT NULL
         AND EXISTS (SELECT 1 FROM unnest($1::text[]) t WHERE strpos(payload::text, t) > 0)`,
      [personal],
    ),
  };
}

/** The erase-step deliveries queued so far and not yet run by the dispatcher. */
async function pendingSteps(s: TestStack) {
  await s.rt.relay.drainAll();
  return (
    await s.rt.db.query<{ name: string; body: { step: string; batch: number } }>(
      `SELECT name, body FROM local_deliveries WHERE path = $1 AND status = 'pending' ORDER BY due_at, created_at`,
      [STEP_PATH],
    )
  ).rows;
}

const deleteAccount = (s: TestStack, c: TestCustomer) =>
  s.request('/api/client/account', { method: 'DELETE', json: { confirm: true }, headers: bearer(c.token) });

describe('an erasure repeated, or killed half-way and resumed (SPEC §14)', () => {
  it('ends in the same state as an uninterrupted one', async () => {
    const { s, xendit } = ps();
    const a = await customerWithHistory(s, xendit);
    const b = await customerWithHistory(s, xendit);

    // A: uninterrupted.
    expect((await deleteAccount(s, a.customer)).status).toBe(202);
    await driveErasure(s);
    expect(await erasureRow(s, a.customer.id)).toMatchObject({ step: 'done' });

    // B: the first two steps run (delivered by hand, the dispatcher never sees them: they come again later)…
    expect((await deleteAccount(s, b.customer)).status).toBe(202);
    const delivered: Array<{ step: string; batch: number }> = [];
    const byHand = new Set<string>();
    for (const expected of ['sessions', 'wait']) {
      const next = (await pendingSteps(s)).find((d) => !byHand.has(d.name));
      byHand.add(next!.name);
      expect(next!.body.step).toBe(expected);
      expect((await deliver(s, STEP_PATH, next!.body)).status).toBe(204);
      delivered.push(next!.body);
    }
    // …then the process dies inside the messages step, after its work and before its commit.
    await s.rt.db.query(`CREATE FUNCTION die_mid_step() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'killed half-way'; END $$`);
    await s.rt.db.query(`CREATE TRIGGER die_mid_step BEFORE UPDATE ON erasures FOR EACH ROW
      WHEN (OLD.step = 'messages') EXECUTE FUNCTION die_mid_step()`);
    await s.rt.local!.advanceClock(301); // the closing grace ends…
    await s.rt.local!.advanceClock(61); // …the wait lets the messages step run: it dies
    const mid = await erasureRow(s, b.customer.id);
    expect([mid.step, mid.completed_at]).toEqual(['messages', null]);
    const untouched = await s.rt.db.query(
      `SELECT count(*)::int AS n FROM chat_messages m JOIN chat_sessions x ON x.id = m.session_id
       WHERE x.customer_id = $1 AND m.sender_type = 'customer' AND m.removed_reason IS NULL`,
      [b.customer.id],
    );
    expect(untouched.rows[0].n).toBe(5); // nothing of the dead step committed
    const died = await s.rt.db.query(
      `SELECT attempts, last_status FROM local_deliveries
       WHERE path = $1 AND body->>'step' = 'messages' AND body->>'erasure_id' = $2`,
      [STEP_PATH, mid.id],
    );
    expect(died.rows).toMatchObject([{ last_status: 500 }]);

    // Resumed: the queue retries the dead step; every step delivered so far comes again, late and twice.
    await s.rt.db.query('DROP TRIGGER die_mid_step ON erasures; DROP FUNCTION die_mid_step()');
    await driveErasure(s);
    for (const body of delivered) {
      expect((await deliver(s, STEP_PATH, body)).status).toBe(204);
      expect((await deliver(s, STEP_PATH, body)).status).toBe(204);
    }
    const all = await s.rt.db.query<{ body: unknown }>(
      `SELECT body FROM local_deliveries WHERE path = $1 AND body->>'erasure_id' = $2`,
      [STEP_PATH, (await erasureRow(s, b.customer.id)).id],
    );
    for (const { body } of all.rows) expect((await deliver(s, STEP_PATH, body)).status).toBe(204);
    await driveErasure(s);

    // The same deletion repeated: by the operator (twice) and by a second request of the old token.
    const admin = await ccUser(s, 'super_admin');
    for (const c of [a.customer, b.customer]) {
      const first = (await erasureRow(s, c.id)).erased_at.toISOString();
      for (let i = 0; i < 2; i++) {
        const res = await s.request(`/internal/customers/${c.id}/erase`, { method: 'POST', headers: admin.headers });
        expect([res.status, await json(res)]).toEqual([202, { erased_at: first }]);
      }
      expect((await deleteAccount(s, c)).status).toBe(401);
    }
    await driveErasure(s);

    const sa = await erasedState(s, a.customer, [...a.completed, a.live]);
    const sb = await erasedState(s, b.customer, [...b.completed, b.live]);
    expect(sb).toEqual(sa);
    expect(sa.erasure).toEqual({ step: 'done', completed: true });
    expect(sa.outboxCopies).toEqual([{ n: 0 }]);
    expect(sa.sessions[2]!.row).toMatchObject({ status: 'completed', closing_reason: 'account_deleted' });
  }, 180_000);
});
