import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createGuest, normalise, otpCode, otpSignIn, requestOtp, uniquePhone } from '../../helpers/auth';
import { json } from '../../helpers/http';
import { createTestStack, type TestStack } from '../../helpers/runtime';

let s: TestStack;
beforeAll(async () => {
  s = await createTestStack();
});
afterAll(() => s.close());

const verify = (kind: 'client' | 'mitra', body: Record<string, string>, headers: Record<string, string> = {}) =>
  s.request(`/api/${kind}/auth/otp/verify`, { method: 'POST', json: body, headers });

describe('OTP request', () => {
  it('normalises 08…, 62… and +62… to the same E.164 number; invalid numbers are 422 PHONE_INVALID', async () => {
    const local = uniquePhone();
    const e164 = normalise(local);
    const forms = [local, e164.slice(1), e164];
    for (const [i, form] of forms.entries()) {
      if (i > 0) await s.rt.local!.advanceClock(61);
      const res = await requestOtp(s, 'client', form);
      expect(res.status).toBe(200);
      const body = await json(res);
      expect(body).toMatchObject({ otp_request_id: expect.any(String), resend_after_seconds: 60 });
      const { rows } = await s.rt.db.query('SELECT phone FROM otp_requests WHERE id = $1', [body.otp_request_id]);
      expect(rows[0].phone).toBe(e164);
    }
    for (const bad of ['12345', '+14155552671', 'abc', '08']) {
      const res = await requestOtp(s, 'client', bad);
      expect(res.status).toBe(422);
      expect((await json(res)).error.code).toBe('PHONE_INVALID');
    }
    expect((await s.request('/api/client/auth/otp/request', { method: 'POST', json: {} })).status).toBe(400);
  });

  it('cooldown → 429 OTP_COOLDOWN with Retry-After; the 4th in an hour → 429 OTP_RATE_LIMIT_PHONE', async () => {
    const phone = uniquePhone();
    expect((await requestOtp(s, 'client', phone)).status).toBe(200);
    const cool = await requestOtp(s, 'client', phone);
    expect(cool.status).toBe(429);
    const body = await json(cool);
    expect(body.error.code).toBe('OTP_COOLDOWN');
    expect(Number(cool.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(body.error.details.retry_after_seconds).toBe(Number(cool.headers.get('retry-after')));
    for (let i = 0; i < 2; i++) {
      await s.rt.local!.advanceClock(61);
      expect((await requestOtp(s, 'client', phone)).status).toBe(200);
    }
    await s.rt.local!.advanceClock(61);
    const fourth = await requestOtp(s, 'client', phone);
    expect(fourth.status).toBe(429);
    expect((await json(fourth)).error.code).toBe('OTP_RATE_LIMIT_PHONE');
    await s.rt.local!.advanceClock(3600);
    expect((await requestOtp(s, 'client', phone)).status).toBe(200);
  });

  it('the 11th request in an hour from one IP → 429 OTP_RATE_LIMIT_IP, also under parallel requests', async () => {
    const ip = '192.0.2.77';
    const results = await Promise.all(Array.from({ length: 14 }, () => requestOtp(s, 'client', uniquePhone(), ip)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((x) => x === 200)).toHaveLength(10);
    const limited = results.filter((r) => r.status === 429);
    expect(limited).toHaveLength(4);
    expect((await json(limited[0]!)).error.code).toBe('OTP_RATE_LIMIT_IP');
    expect((await requestOtp(s, 'client', uniquePhone(), '192.0.2.78')).status).toBe(200);
  });
});

describe('OTP verify', () => {
  async function fresh(kind: 'client' | 'mitra' = 'client') {
    const { otp_request_id } = await json(
      requestOtp(s, kind, uniquePhone(), `198.51.100.${Math.floor(Math.random() * 250)}`),
    );
    return { id: otp_request_id as string, code: await otpCode(s, otp_request_id) };
  }
  const wrong = (code: string) => (code === '000000' ? '111111' : '000000');

  it('wrong code → 401 CODE_MISMATCH with attempts_left; after 5 wrong → 429 OTP_ATTEMPTS_EXCEEDED even with the right code', async () => {
    const { id, code } = await fresh();
    for (let left = 4; left >= 0; left--) {
      const res = await verify('client', { otp_request_id: id, code: wrong(code) });
      expect(res.status).toBe(401);
      expect((await json(res)).error).toMatchObject({ code: 'CODE_MISMATCH', details: { attempts_left: left } });
    }
    const res = await verify('client', { otp_request_id: id, code });
    expect(res.status).toBe(429);
    expect((await json(res)).error.code).toBe('OTP_ATTEMPTS_EXCEEDED');
  });

  it('past 5 minutes → 410 OTP_EXPIRED; a used code → 409 OTP_USED; unknown id → 404', async () => {
    const a = await fresh();
    await s.rt.local!.advanceClock(301);
    expect((await json(verify('client', { otp_request_id: a.id, code: a.code }))).error.code).toBe('OTP_EXPIRED');
    const b = await fresh();
    expect((await verify('client', { otp_request_id: b.id, code: b.code })).status).toBe(200);
    const again = await verify('client', { otp_request_id: b.id, code: b.code });
    expect(again.status).toBe(409);
    expect((await json(again)).error.code).toBe('OTP_USED');
    expect(
      (await verify('client', { otp_request_id: '00000000-0000-4000-8000-000000000000', code: '123456' })).status,
    ).toBe(404);
    expect((await verify('client', { otp_request_id: 'nope', code: '123456' })).status).toBe(400);
  });

  it('a mitra OTP on the client path and a client OTP on the mitra path → 400 WRONG_FLOW', async () => {
    const m = await fresh('mitra');
    const r1 = await verify('client', { otp_request_id: m.id, code: m.code });
    expect(r1.status).toBe(400);
    expect((await json(r1)).error.code).toBe('WRONG_FLOW');
    const c = await fresh('client');
    expect((await json(verify('mitra', { otp_request_id: c.id, code: c.code }))).error.code).toBe('WRONG_FLOW');
  });

  it('parallel verifies of one correct code: one 200, the rest 409 OTP_USED', async () => {
    const { id, code } = await fresh();
    const results = await Promise.all(Array.from({ length: 5 }, () => verify('client', { otp_request_id: id, code })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
  });
});

describe('customer phone sign-in and guest upgrade', () => {
  it('creates a customer on first sign-in and signs the same one in after', async () => {
    const phone = uniquePhone();
    const first = await otpSignIn(s, 'client', phone);
    expect(first.status).toBe(200);
    expect(first.body.profile).toMatchObject({ phone: normalise(phone), is_guest: false });
    await s.rt.local!.advanceClock(61);
    const second = await otpSignIn(s, 'client', phone);
    expect(second.body.profile.id).toBe(first.body.profile.id);
  });

  it('upgrades the caller’s own guest: same id and display_name, phone added', async () => {
    const guest = await createGuest(s, 'Dewi');
    const up = await otpSignIn(s, 'client', uniquePhone(), {
      anonymous_customer_id: guest.profile.id,
      token: guest.access_token,
    });
    expect(up.status).toBe(200);
    expect(up.body.profile).toMatchObject({ id: guest.profile.id, display_name: 'Dewi', is_guest: false });
    const me = await json(s.request('/api/client/auth/me', { headers: bearer(guest.access_token) }));
    expect(me.phone).toBe(up.body.profile.phone);
  });

  it('refuses to upgrade someone else’s guest (403) and a phone owned by another customer (409 IDENTITY_CONFLICT, guest untouched)', async () => {
    const victim = await createGuest(s);
    const attacker = await createGuest(s);
    const stolen = await otpSignIn(s, 'client', uniquePhone(), {
      anonymous_customer_id: victim.profile.id,
      token: attacker.access_token,
    });
    expect(stolen.status).toBe(403);
    const noToken = await otpSignIn(s, 'client', uniquePhone(), { anonymous_customer_id: victim.profile.id });
    expect(noToken.status).toBe(403);

    const owner = uniquePhone();
    expect((await otpSignIn(s, 'client', owner)).status).toBe(200);
    await s.rt.local!.advanceClock(61);
    const guest = await createGuest(s, 'Sari');
    const conflict = await otpSignIn(s, 'client', owner, {
      anonymous_customer_id: guest.profile.id,
      token: guest.access_token,
    });
    expect(conflict.status).toBe(409);
    expect(conflict.body.error.code).toBe('IDENTITY_CONFLICT');
    const row = (await s.rt.db.query('SELECT display_name, phone FROM customers WHERE id = $1', [guest.profile.id]))
      .rows[0];
    expect(row).toEqual({ display_name: 'Sari', phone: null });
  });
});

describe('mitra sign-in', () => {
  it('an unknown phone creates an inactive mitra → 403 ACCOUNT_INACTIVE; once activated the next OTP signs in', async () => {
    const phone = uniquePhone();
    const first = await otpSignIn(s, 'mitra', phone);
    expect(first.status).toBe(403);
    expect(first.body.error.code).toBe('ACCOUNT_INACTIVE');
    const { rows } = await s.rt.db.query('SELECT is_active FROM mitras WHERE phone = $1', [normalise(phone)]);
    expect(rows).toEqual([{ is_active: false }]);
    await s.rt.db.query('UPDATE mitras SET is_active = true WHERE phone = $1', [normalise(phone)]);
    await s.rt.local!.advanceClock(61);
    const second = await otpSignIn(s, 'mitra', phone);
    expect(second.status).toBe(200);
    expect(second.body.profile).toMatchObject({ phone: normalise(phone), is_active: true });
    const me = await json(s.request('/api/mitra/auth/me', { headers: bearer(second.body.access_token) }));
    expect(me.id).toBe(second.body.profile.id);
  });

  it('a deactivated mitra cannot refresh (403 ACCOUNT_INACTIVE)', async () => {
    const phone = uniquePhone();
    await otpSignIn(s, 'mitra', phone);
    await s.rt.db.query('UPDATE mitras SET is_active = true WHERE phone = $1', [normalise(phone)]);
    await s.rt.local!.advanceClock(61);
    const signed = await otpSignIn(s, 'mitra', phone);
    await s.rt.db.query('UPDATE mitras SET is_active = false WHERE phone = $1', [normalise(phone)]);
    const res = await s.request('/api/shared/auth/refresh', {
      method: 'POST',
      json: { refresh_token: signed.body.refresh_token },
    });
    expect(res.status).toBe(403);
    expect((await json(res)).error.code).toBe('ACCOUNT_INACTIVE');
  });
});
