import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../../shared/env';
import { createLogger } from '../../../shared/logger';
import { rebuildMirror } from '../../../shared/mirror/rebuild';
import { createLocalRuntime } from '../../../scripts/local/runtime';
import { bearer, otpSignIn } from '../../helpers/auth';
import { ccUser } from '../../helpers/control-center';
import { json } from '../../helpers/http';
import { pushes, settle } from '../../helpers/pairing';
import { usePaymentStack } from '../../helpers/payments';
import { customerWithHistory, driveErasure, erasureRow, sessionDocOf } from '../../helpers/privacy';
import { testEnv, type TestStack } from '../../helpers/runtime';

const ps = usePaymentStack();

const messagesIn = async (s: TestStack, sessionId: string) =>
  (
    await s.rt.db.query(
      'SELECT sender_type, body, removed_reason FROM chat_messages WHERE session_id = $1 ORDER BY seq',
      [sessionId],
    )
  ).rows;
const docsIn = async (rt: { realtime: TestStack['rt']['realtime'] }, sessionId: string) =>
  (await rt.realtime.list(`sessions/${sessionId}/messages`))
    .map((d) => d.data as { seq: number; sender_type: string; body: string; removed?: string })
    .sort((a, b) => a.seq - b.seq)
    .map((d) => ({ sender_type: d.sender_type, body: d.body, removed: d.removed ?? null }));

describe('DELETE /api/client/account (SPEC §14)', () => {
  it('a customer with a live session, two completed sessions, payments and a pending report deletes the account', async () => {
    const { s, xendit } = ps();
    const h = await customerWithHistory(s, xendit);
    const { customer } = h;
    const sessions = [...h.completed, h.live];
    const paymentsOf = async () =>
      (
        await s.rt.db.query(
          `SELECT p.id, p.amount_idr, p.status, p.paid_at, p.paid_amount, s.customer_id FROM payments p
           JOIN chat_sessions s ON s.id = p.session_id WHERE p.session_id = ANY($1::uuid[]) ORDER BY p.created_at`,
          [sessions],
        )
      ).rows;
    const paymentsBefore = await paymentsOf();
    expect(paymentsBefore.map((p) => p.status)).toEqual(['paid', 'paid', 'paid']);
    const customerPushesBefore = (await pushes(s, customer.id)).length;

    const refused = await s.request('/api/client/account', {
      method: 'DELETE',
      json: { confirm: false },
      headers: bearer(customer.token),
    });
    expect(refused.status).toBe(400);
    const del = await s.request('/api/client/account', {
      method: 'DELETE',
      json: { confirm: true },
      headers: bearer(customer.token),
    });
    expect(del.status).toBe(202);
    const { erased_at } = await json(del);

    // At once: the token, its refresh and Firestore access end.
    expect((await s.request('/api/client/auth/me', { headers: bearer(customer.token) })).status).toBe(401);
    const refresh = await s.request('/api/shared/auth/refresh', {
      method: 'POST',
      json: { refresh_token: customer.refresh },
    });
    expect([refresh.status, (await json(refresh)).error.code]).toEqual([401, 'REFRESH_INVALID']);
    const fb = await s.request('/api/shared/auth/firebase-token', { method: 'POST', headers: bearer(customer.token) });
    expect(fb.status).toBe(401);
    await settle(s);
    const live = (await s.rt.db.query('SELECT status, closing_reason FROM chat_sessions WHERE id = $1', [h.live]))
      .rows[0];
    expect(live).toEqual({ status: 'closing', closing_reason: 'account_deleted' });
    const mitraAlert = (await pushes(s, h.mitra.id)).filter(
      (p) => p.data.type === 'session_closing' && p.data.session_id === h.live,
    );
    expect(mitraAlert.map((p) => [p.data.session_id, p.data.reason])).toEqual([[h.live, 'account_deleted']]);
    expect(mitraAlert[0]!.notification!.body).toContain('Akun dihapus');

    await driveErasure(s);
    expect(await erasureRow(s, customer.id)).toMatchObject({ step: 'done', requested_by: 'self' });
    expect((await pushes(s, customer.id)).length).toBe(customerPushesBefore);

    // The row is a stub: nothing personal, the id all that is left.
    const row = (await s.rt.db.query('SELECT * FROM customers WHERE id = $1', [customer.id])).rows[0];
    expect(row).toMatchObject({ display_name: 'Akun dihapus', phone: null, email: null, google_sub: null });
    expect(row.erased_at.toISOString()).toBe(erased_at);

    // Firestore: the customer's documents are gone, access has moved on, the shared docs show the stub.
    expect(await s.rt.realtime.get(`customers/${customer.id}/pairing/current`)).toBeNull();
    expect((await s.rt.realtime.get(`users/c_${customer.id}`))?.epoch).toBeGreaterThanOrEqual(1);
    for (const id of sessions) {
      const doc = await sessionDocOf(s, id);
      expect(doc.customer_name).toBe('Akun dihapus');
      expect(doc.goodbyes.customer?.message).toBe(id === h.reported ? 'first customer bye' : undefined);
    }

    // Own message bodies emptied, in Postgres and in the message docs, except in the reported session.
    for (const id of sessions) {
      const held = id === h.reported;
      const pg = await messagesIn(s, id);
      for (const m of pg) {
        const gone = m.sender_type === 'customer' && !held;
        expect([id, m.sender_type, m.body === '', m.removed_reason]).toEqual([
          id,
          m.sender_type,
          gone,
          gone ? 'account_deleted' : null,
        ]);
      }
      const asDocs = pg.map((m) => ({ sender_type: m.sender_type, body: m.body, removed: m.removed_reason }));
      expect(await docsIn(s.rt, id)).toEqual(asDocs);
    }

    // Payments stay for accounting, pointing at the stub; the raw callbacks keep no payer data.
    expect(await paymentsOf()).toEqual(paymentsBefore);
    const callbacks = (await s.rt.db.query('SELECT payload FROM payment_callbacks')).rows.map((r) => r.payload);
    expect(callbacks.length).toBeGreaterThanOrEqual(3);
    for (const p of callbacks) expect(Object.keys(p).sort()).not.toContain('payer_email');
    expect(JSON.stringify(callbacks)).not.toContain(customer.phone);

    // Ratings and reports stay without the customer's words (the open report keeps its own).
    expect((await s.rt.db.query('SELECT stars, comment FROM session_ratings')).rows).toEqual([
      { stars: 4, comment: null },
    ]);
    expect((await s.rt.db.query('SELECT status, description FROM reports')).rows).toEqual([
      { status: 'pending', description: 'first report words' },
    ]);

    // Auth: every session revoked, no refresh token, no device, no OTP request of the phone.
    const auth = await s.rt.db.query(
      `SELECT count(*) FILTER (WHERE revoked_at IS NULL)::int AS live, count(*) FILTER (WHERE device_info <> '{}')::int AS devices,
         (SELECT count(*)::int FROM auth_refresh_tokens t JOIN auth_sessions a ON a.id = t.session_id WHERE a.user_id = $1) AS tokens,
         (SELECT count(*)::int FROM otp_requests WHERE phone = $2) AS otps,
         (SELECT count(*)::int FROM device_tokens WHERE user_id = $1) AS fcm
       FROM auth_sessions WHERE user_id = $1`,
      [customer.id, customer.phone],
    );
    expect(auth.rows[0]).toEqual({ live: 0, devices: 0, tokens: 0, otps: 0, fcm: 0 });

    // The outbox's delivered copies: nothing personal of the customer is left in them.
    const personal = [customer.phone, customer.email, customer.name, 'customer says', 'customer bye', 'report words'];
    const leaks = await s.rt.db.query(
      `SELECT id, payload FROM outbox WHERE delivered_at IS NOT NULL AND EXISTS (
         SELECT 1 FROM unnest($1::text[]) t WHERE strpos(payload::text, t) > 0)`,
      [personal],
    );
    expect(leaks.rows).toEqual([]);
    const scrubbed = await s.rt.db.query(`SELECT count(*)::int AS n FROM outbox WHERE payload = '{"erased": true}'`);
    expect(scrubbed.rows[0].n).toBeGreaterThan(20);

    // Nothing under the old id answers; the operators' lookup by phone finds nothing.
    const admin = await ccUser(s, 'super_admin');
    const search = await s.request('/internal/customers/search', {
      method: 'POST',
      json: { q: customer.phone },
      headers: admin.headers,
    });
    expect((await json(search)).items).toEqual([]);
    const ban = await s.request(`/internal/customers/${customer.id}/ban`, {
      method: 'POST',
      json: { reason: 'x' },
      headers: admin.headers,
    });
    expect(ban.status).toBe(404);
    const again = await s.request('/api/client/account', {
      method: 'DELETE',
      json: { confirm: true },
      headers: bearer(customer.token),
    });
    expect(again.status).toBe(401);
    const byOperator = await s.request(`/internal/customers/${customer.id}/erase`, {
      method: 'POST',
      headers: admin.headers,
    });
    expect([byOperator.status, await json(byOperator)]).toEqual([202, { erased_at }]);

    // The old phone signs in as a new account.
    const fresh = await otpSignIn(s, 'client', `0${customer.phone.slice(3)}`);
    expect(fresh.status).toBe(200);
    expect(fresh.body.profile.id).not.toBe(customer.id);
    expect(fresh.body.profile.display_name).not.toBe('Putri Lestari');

    // The report closes: the held session's words go too, in Postgres and in Firestore.
    const closed = await s.request(`/internal/reports/${h.reportId}`, {
      method: 'PATCH',
      json: { status: 'dismissed', note: 'nothing found' },
      headers: admin.headers,
    });
    expect(closed.status).toBe(200);
    await settle(s);
    const held = await messagesIn(s, h.reported);
    expect(held.filter((m) => m.sender_type === 'customer').map((m) => [m.body, m.removed_reason])).toEqual([
      ['', 'account_deleted'],
      ['', 'account_deleted'],
    ]);
    expect(held.filter((m) => m.sender_type === 'mitra').every((m) => m.body.includes('mitra says'))).toBe(true);
    expect((await docsIn(s.rt, h.reported)).filter((d) => d.sender_type === 'customer')).toEqual([
      { sender_type: 'customer', body: '', removed: 'account_deleted' },
      { sender_type: 'customer', body: '', removed: 'account_deleted' },
    ]);
    const heldDoc = await sessionDocOf(s, h.reported);
    expect(heldDoc.goodbyes.customer?.message).toBeUndefined();
    expect(heldDoc.goodbyes.mitra?.message).toBe('first mitra bye');
    expect((await s.rt.db.query('SELECT description FROM reports')).rows).toEqual([{ description: null }]);

    // The operator's repeat was audited, the customer's own request was not an operator act.
    const audit = await s.rt.db.query("SELECT details FROM cc_audit_log WHERE kind = 'account_erased'");
    expect(audit.rows).toEqual([{ details: { first: false } }]);
  }, 120_000);

  it('the mirror rebuilt into an empty Firestore project after the deletion restores nothing of the customer', async () => {
    const { s, xendit } = ps();
    const h = await customerWithHistory(s, xendit);
    await s.request('/api/client/account', {
      method: 'DELETE',
      json: { confirm: true },
      headers: bearer(h.customer.token),
    });
    await driveErasure(s);
    const fresh = await createLocalRuntime(
      parseEnv(
        testEnv({
          DATABASE_URL: s.rt.env.DATABASE_URL!,
          FIREBASE_PROJECT_ID: `rebuild-${randomBytes(4).toString('hex')}`,
        }),
        [],
      ),
      { logger: createLogger('silent') },
    );
    try {
      // Without the deletion the customer's recent requests would bring their pairing doc back.
      const counts = await rebuildMirror(fresh);
      await fresh.relay.drainAll();
      expect(counts.config).toBe(1);
      const docs: Record<string, unknown> = {
        config: await fresh.realtime.get('config/public'),
        pairing: await fresh.realtime.list(`customers/${h.customer.id}/pairing`),
      };
      for (const id of [...h.completed, h.live]) {
        docs[id] = await fresh.realtime.get(`sessions/${id}`);
        docs[`${id}/messages`] = await fresh.realtime.list(`sessions/${id}/messages`);
        docs[`${id}/mitra`] = await fresh.realtime.get(`mitras/${h.mitra.id}/sessions/${id}`);
      }
      expect(docs.pairing).toEqual([]);
      // Access stays ended: the rebuilt project knows the customer's epoch, so an old Firebase token fails the rules.
      const epoch = (await s.rt.db.query('SELECT firestore_epoch FROM customers WHERE id = $1', [h.customer.id]))
        .rows[0].firestore_epoch;
      expect(epoch).toBeGreaterThan(0);
      expect(counts.epochs).toBeGreaterThanOrEqual(1);
      expect(await fresh.realtime.get(`users/c_${h.customer.id}`)).toEqual({ epoch });
      const text = JSON.stringify(docs);
      for (const personal of [h.customer.phone, h.customer.email, h.customer.name, 'customer says', 'customer bye'])
        expect([personal, text.includes(personal)]).toEqual([personal, false]);
    } finally {
      await fresh.close();
    }
  }, 120_000);
});
