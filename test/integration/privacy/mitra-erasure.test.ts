import { describe, expect, it } from 'vitest';
import { bearer, otpSignIn } from '../../helpers/auth';
import { ccUser } from '../../helpers/control-center';
import { json } from '../../helpers/http';
import { chatRequest, customerWithDevice, onlineMitra, pushes, settle } from '../../helpers/pairing';
import { driveErasure, erasureRow } from '../../helpers/privacy';
import { useTestStack } from '../../helpers/runtime';
import { activeFreeTrialSession, send, setConfig } from '../../helpers/sessions';

const stack = useTestStack();

describe('POST /internal/mitras/:id/erase (SPEC §14)', () => {
  it('needs privacy:erase; ends the live chat, withdraws offers, empties the mitra’s words and documents, audited', async () => {
    const s = stack();
    await setConfig(s, 'max_customers_per_mitra', 2);
    const session = await activeFreeTrialSession(s);
    const mitra = session.mitra;
    expect((await send(s, session.customer, session.sessionId, 'customer words')).status).toBe(201);
    expect((await send(s, mitra, session.sessionId, 'mitra words')).status).toBe(201);
    const other = await customerWithDevice(s);
    const offered = await json(chatRequest(s, other.token));
    await settle(s);
    expect(await s.rt.realtime.get(`mitras/${mitra.id}/offers/${offered.request_id}`)).not.toBeNull();
    const phone = (await s.rt.db.query('SELECT phone FROM mitras WHERE id = $1', [mitra.id])).rows[0].phone;

    const operator = await ccUser(s, 'operator');
    const renamed = await s.request(`/internal/mitras/${mitra.id}`, {
      method: 'PATCH',
      json: { display_name: 'Bestie Rahasia' },
      headers: operator.headers,
    });
    expect(renamed.status).toBe(200);
    const denied = await s.request(`/internal/mitras/${mitra.id}/erase`, { method: 'POST', headers: operator.headers });
    expect(denied.status).toBe(403);
    const admin = await ccUser(s, 'super_admin');
    const missing = await s.request(`/internal/mitras/${session.customer.id}/erase`, {
      method: 'POST',
      headers: admin.headers,
    });
    expect(missing.status).toBe(404);
    const res = await s.request(`/internal/mitras/${mitra.id}/erase`, { method: 'POST', headers: admin.headers });
    expect(res.status).toBe(202);
    expect((await s.request('/api/mitra/auth/me', { headers: bearer(mitra.token) })).status).toBe(401);
    await settle(s);

    const live = await s.rt.db.query('SELECT status, closing_reason FROM chat_sessions WHERE id = $1', [
      session.sessionId,
    ]);
    expect(live.rows[0]).toEqual({ status: 'closing', closing_reason: 'account_deleted' });
    const alert = (await pushes(s, session.customer.id)).filter((p) => p.data.type === 'session_closing');
    expect(alert.map((p) => p.data.reason)).toEqual(['account_deleted']);
    const offer = await s.rt.db.query('SELECT status FROM chat_request_notifications WHERE request_id = $1', [
      offered.request_id,
    ]);
    expect(offer.rows).toEqual([{ status: 'cancelled' }]);

    await driveErasure(s);
    expect(await erasureRow(s, mitra.id)).toMatchObject({ step: 'done', requested_by: 'operator', actor_id: admin.id });
    const row = (await s.rt.db.query('SELECT * FROM mitras WHERE id = $1', [mitra.id])).rows[0];
    expect(row).toMatchObject({ display_name: 'Akun dihapus', phone: null, is_active: false, is_online: false });
    expect(await s.rt.realtime.get(`mitras/${mitra.id}/offers/${offered.request_id}`)).toBeNull();
    expect(await s.rt.realtime.list(`mitras/${mitra.id}/sessions`)).toEqual([]);
    const messages = await s.rt.db.query(
      'SELECT sender_type, body, removed_reason FROM chat_messages WHERE session_id = $1 ORDER BY seq',
      [session.sessionId],
    );
    expect(messages.rows).toEqual([
      { sender_type: 'customer', body: 'customer words', removed_reason: null },
      { sender_type: 'mitra', body: '', removed_reason: 'account_deleted' },
    ]);
    const doc = (await s.rt.realtime.get(`sessions/${session.sessionId}`)) as Record<string, unknown>;
    expect(doc).toMatchObject({ mitra_name: 'Akun dihapus', status: 'completed' });

    // Gone from the operators' lists; the old phone signs in as a new, inactive mitra.
    const list = await json(s.request('/internal/mitras/search', { method: 'POST', json: {}, headers: admin.headers }));
    expect(list.items.map((m: { id: string }) => m.id)).not.toContain(mitra.id);
    const patched = await s.request(`/internal/mitras/${mitra.id}`, {
      method: 'PATCH',
      json: { is_active: true },
      headers: admin.headers,
    });
    expect(patched.status).toBe(404);
    const again = await otpSignIn(s, 'mitra', `0${phone.slice(3)}`);
    expect([again.status, again.body.error.code]).toEqual([403, 'ACCOUNT_INACTIVE']);
    const fresh = (await s.rt.db.query('SELECT id FROM mitras WHERE phone = $1', [phone])).rows;
    expect(fresh).toHaveLength(1);
    expect(fresh[0].id).not.toBe(mitra.id);

    // The operators' trail keeps the rename, by id alone.
    const trail = await s.rt.db.query("SELECT details FROM cc_audit_log WHERE kind = 'mitra_updated'");
    expect(trail.rows).toHaveLength(1);
    expect(JSON.stringify(trail.rows)).not.toMatch(/Bestie Rahasia|Bestie Test/);
    const audit = await s.rt.db.query(
      "SELECT actor_id, target_type, target_id, details FROM cc_audit_log WHERE kind = 'account_erased'",
    );
    expect(audit.rows).toEqual([
      { actor_id: admin.id, target_type: 'mitra', target_id: mitra.id, details: { first: true } },
    ]);
    const listed = await json(s.request('/internal/audit?kind=account_erased', { headers: admin.headers }));
    expect(listed.items).toHaveLength(1);
  }, 60_000);

  it('DELETE /api/mitra/account: the mitra deletes their own account, unaudited; the token is refused at once', async () => {
    const s = stack();
    const mitra = await onlineMitra(s, { name: 'Bestie Sendiri' });
    const del = (json: unknown) =>
      s.request('/api/mitra/account', { method: 'DELETE', json, headers: bearer(mitra.token) });
    expect((await del({})).status).toBe(400);
    expect((await del({ confirm: false })).status).toBe(400);
    const res = await del({ confirm: true });
    expect(res.status).toBe(202);
    const { erased_at } = await json(res);
    expect((await s.request('/api/mitra/auth/me', { headers: bearer(mitra.token) })).status).toBe(401);
    expect((await del({ confirm: true })).status).toBe(401);

    await driveErasure(s);
    expect(await erasureRow(s, mitra.id)).toMatchObject({ step: 'done', requested_by: 'self', actor_id: null });
    const row = (await s.rt.db.query('SELECT * FROM mitras WHERE id = $1', [mitra.id])).rows[0];
    expect(row).toMatchObject({ display_name: 'Akun dihapus', phone: null, is_active: false });
    expect(row.erased_at.toISOString()).toBe(erased_at);
    expect(
      (await s.rt.db.query('SELECT count(*)::int AS n FROM device_tokens WHERE user_id = $1', [mitra.id])).rows,
    ).toEqual([{ n: 0 }]);
    expect(
      (await s.rt.db.query("SELECT count(*)::int AS n FROM cc_audit_log WHERE kind = 'account_erased'")).rows,
    ).toEqual([{ n: 0 }]);
  }, 60_000);
});
