import { describe, expect, it } from 'vitest';
import { bearer, ccLogin, createGuest, otpSignIn, uniqueClientIp, uniquePhone } from '../helpers/auth';
import { ccUser } from '../helpers/control-center';
import { json } from '../helpers/http';
import { customerWithDevice, onlineMitra, settle } from '../helpers/pairing';
import { useTestStack, type RequestOptions } from '../helpers/runtime';

// A customer, a mitra and an operator walk the API the way the apps do, success and error paths alike.
// The test stack checks every answer against the merged OpenAPI document (status documented for the
// operation, body matching its schema, error code listed), so finishing the walk means 0 undocumented
// statuses and 0 mismatches. Every answer also carries X-Request-Id, equal to error.request_id on errors.
const stack = useTestStack({ perFile: true });

describe('a customer, a mitra and an operator through the whole API', () => {
  it('every answer, success and error, matches the document', async () => {
    const s = stack();
    let calls = 0;
    const call = async (path: string, init: RequestOptions = {}, expected?: number) => {
      const res = await s.request(path, init);
      calls++;
      const requestId = res.headers.get('x-request-id');
      expect(requestId, path).toMatch(/^[A-Za-z0-9._-]{8,}$/);
      if (res.status >= 400) expect((await res.clone().json()).error.request_id).toBe(requestId);
      if (expected !== undefined)
        expect([init.method ?? 'GET', path, res.status]).toEqual([init.method ?? 'GET', path, expected]);
      return res;
    };
    const as = (token: string, init: RequestOptions = {}): RequestOptions => ({
      ...init,
      headers: { ...bearer(token), ...(init.headers as Record<string, string>) },
    });

    // ---- the customer, before a session ----
    const guest = await createGuest(s, 'Rani');
    let ct = guest.access_token as string;
    await call('/api/client/auth/me', as(ct), 200);
    await call('/api/client/auth/profile', as(ct, { method: 'PATCH', json: { display_name: ' Rani  ' } }), 200);
    await call('/api/client/auth/profile', as(ct, { method: 'PATCH', json: { display_name: '' } }), 400);
    await call('/api/client/auth/otp/request', { method: 'POST', json: { phone: '12' } }, 422);
    await call('/api/shared/config', {}, 200);
    await call('/api/client/availability', as(ct), 200);
    await call('/api/client/availability', {}, 401);
    await call('/api/shared/auth/firebase-token', as(ct, { method: 'POST' }), 200);
    await call(
      '/api/shared/device-token',
      as(ct, { method: 'PUT', json: { fcm_token: `fcm-walk-${guest.profile.id}`, device_id: 'd1', platform: 'ios' } }),
      204,
    );
    await call('/api/client/chat/request', as(ct, { method: 'POST', json: { topic_sensitivity: 'regular' } }), 400);

    // ---- the mitra ----
    const m = await onlineMitra(s, { name: 'Bestie Walk' });
    await call('/api/mitra/auth/me', as(m.token), 200);
    await call('/api/mitra/status', as(m.token), 200);
    await call('/api/mitra/status/heartbeat', as(m.token, { method: 'POST' }), 204);
    await call('/api/client/chat/request', as(m.token, { method: 'POST', json: {} }), 403);
    await call('/api/mitra/requests/00000000-0000-4000-8000-000000000000/accept', as(m.token, { method: 'POST' }), 404);

    // ---- pairing ----
    const device = { 'x-device-id': `walk-${guest.profile.id}` };
    // A guest's free trial is refused (SPEC §13: a verified phone first); the guest verifies hers.
    await call(
      '/api/client/chat/request',
      as(ct, { method: 'POST', json: { topic_sensitivity: 'sensitive', free_trial: true }, headers: device }),
      409,
    );
    const upgraded = await otpSignIn(s, 'client', uniquePhone(), {
      anonymous_customer_id: guest.profile.id,
      token: ct,
      ip: uniqueClientIp(),
    });
    expect(upgraded.status).toBe(200);
    ct = upgraded.body.access_token as string;
    const created = await call(
      '/api/client/chat/request',
      as(ct, { method: 'POST', json: { topic_sensitivity: 'sensitive', free_trial: true }, headers: device }),
      201,
    );
    const { request_id } = await json(created);
    await call(
      '/api/client/chat/request',
      as(ct, { method: 'POST', json: { topic_sensitivity: 'regular', free_trial: true }, headers: device }),
      409,
    );
    await settle(s);
    await call('/api/mitra/requests/pending', as(m.token), 200);
    const won = await json(
      await call(`/api/mitra/requests/${request_id}/accept`, as(m.token, { method: 'POST' }), 200),
    );
    const id = won.session_id as string;

    // ---- the session ----
    await call('/api/client/sessions/active', as(ct), 200);
    await call('/api/mitra/sessions/active', as(m.token), 200);
    await call(`/api/client/sessions/${id}`, as(ct), 200);
    await call(`/api/mitra/sessions/${id}`, as(m.token), 200);
    for (const [who, token] of [
      ['client', ct],
      ['mitra', m.token],
    ] as const) {
      await call(
        `/api/${who}/sessions/${id}/messages`,
        as(token, { method: 'POST', json: { client_message_id: `${who}-1`, body: 'halo\nkamu' } }),
        201,
      );
      await call(
        `/api/${who}/sessions/${id}/messages`,
        as(token, { method: 'POST', json: { client_message_id: `${who}-2`, body: '   ' } }),
        400,
      );
      await call(`/api/${who}/sessions/${id}/typing`, as(token, { method: 'POST', json: { is_typing: true } }), 204);
      await call(`/api/${who}/sessions/${id}/messages?limit=10`, as(token), 200);
      await call(
        `/api/${who}/sessions/${id}/messages/receipts`,
        as(token, { method: 'POST', json: { up_to_seq: 2, status: 'read' } }),
        200,
      );
    }
    await call(`/api/client/sessions/${id}/messages?cursor=%%%`, as(ct), 400);
    await call(
      `/api/mitra/sessions/${id}/topic-sensitivity`,
      as(m.token, { method: 'PATCH', json: { topic_sensitivity: 'regular' } }),
      200,
    );
    await call(
      `/api/mitra/sessions/${id}/topic-sensitivity`,
      as(ct, { method: 'PATCH', json: { topic_sensitivity: 'regular' } }),
      403,
    );
    const stranger = await customerWithDevice(s);
    await call(
      `/api/client/sessions/${id}/messages`,
      as(stranger.token, { method: 'POST', json: { client_message_id: 'x', body: 'hi' } }),
    );
    await call(`/api/client/sessions/${id}/goodbye`, as(ct, { method: 'POST', json: {} }), 409);

    // time is up → the extension window → closing → goodbyes → completed
    await s.rt.local!.advanceClock(11 * 60);
    await call(
      `/api/client/sessions/${id}/messages`,
      as(ct, { method: 'POST', json: { client_message_id: 'late', body: 'masih?' } }),
      409,
    );
    await call(`/api/client/sessions/${id}/extensions`, as(ct, { method: 'POST', json: { tier_id: 'nope' } }));
    await call(`/api/client/sessions/${id}/end`, as(ct, { method: 'POST', json: {} }));
    await s.rt.local!.advanceClock(15 * 60); // the extension window and the closing grace pass
    await call(`/api/client/sessions/${id}/goodbye`, as(ct, { method: 'POST', json: { message: 'makasih' } }));
    await call(
      `/api/client/sessions/${id}/rating`,
      as(ct, { method: 'POST', json: { stars: 5, comment: 'baik' } }),
      201,
    );
    await call(`/api/client/sessions/${id}/rating`, as(ct, { method: 'POST', json: { stars: 4 } }), 409);
    await call(`/api/client/sessions/${id}/rating`, as(ct, { method: 'POST', json: { stars: 9 } }), 400);
    await call('/api/mitra/reports', as(m.token, { method: 'POST', json: { session_id: id, reason: 'spam' } }), 201);
    await call(
      '/api/client/reports',
      as(ct, { method: 'POST', json: { session_id: id, reason: 'kasar', description: 'x' } }),
      201,
    );
    await call('/api/client/sessions?limit=5', as(ct), 200);
    await call('/api/mitra/sessions', as(m.token), 200);

    // ---- the operator ----
    await call(
      '/internal/auth/login',
      { method: 'POST', json: { email: 'admin@halobestie.local', password: 'wrong' } },
      401,
    );
    const admin = (await json(ccLogin(s))).access_token as string;
    const viewer = await ccUser(s, 'viewer');
    await call('/internal/auth/me', as(admin), 200);
    await call('/internal/dashboard', as(admin), 200);
    await call('/internal/mitras/search', as(admin, { method: 'POST', json: { q: 'Walk' } }), 200);
    await call('/internal/mitras', as(viewer.token, { method: 'POST', json: { phone: '081234567890' } }), 403);
    await call(`/internal/mitra-activity?from=2026-01-01T00:00:00Z&to=2026-12-31T00:00:00Z`, as(admin), 200);
    await call(
      `/internal/mitra-activity/${m.id}/log?from=2026-01-01T00:00:00Z&to=2026-12-31T00:00:00Z`,
      as(admin),
      200,
    );
    await call('/internal/sessions?status=completed&topic_sensitivity=regular', as(admin), 200);
    await call(`/internal/sessions/${id}`, as(admin), 200);
    await call(`/internal/sessions/${id}/transcript`, as(admin), 200);
    await call(`/internal/sessions/${id}/transcript`, as(viewer.token), 403);
    await call('/internal/audit?kind=transcript_access', as(admin), 200);
    await call('/internal/customers/search', as(admin, { method: 'POST', json: { q: 'Rani' } }), 200);
    const reports = await json(await call('/internal/reports?status=pending', as(admin), 200));
    await call(
      `/internal/reports/${reports.items[0].id}`,
      as(admin, { method: 'PATCH', json: { status: 'reviewed', note: 'ok' } }),
      200,
    );
    await call('/internal/config', as(admin), 200);
    await call('/internal/config/audit?cursor=9223372036854775808', as(admin), 400);
    await call('/internal/control-center-users', as(admin), 200);
    await call('/internal/dashboard', as(ct), 403);
    await call('/internal/dashboard', {}, 401);

    console.log(`walk: ${calls} calls over ${s.contract.seen.size} operations`);
    expect(calls).toBeGreaterThan(60);
    // The walk reached most of the API the three actors use.
    expect(s.contract.seen.size).toBeGreaterThan(55);
  }, 120_000);
});
