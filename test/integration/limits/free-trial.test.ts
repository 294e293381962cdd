import { describe, expect, it } from 'vitest';
import { bearer, createGuest, normalise, otpSignIn, uniqueClientIp, uniquePhone } from '../../helpers/auth';
import { json } from '../../helpers/http';
import {
  accept,
  customerWithDevice,
  freeTrialRequest,
  onlineMitra,
  settle,
  type TestCustomer,
} from '../../helpers/pairing';
import { setConfig } from '../../helpers/sessions';
import { useTestStack, type TestStack } from '../../helpers/runtime';

// SPEC §13: a free trial only for a phone-verified customer (free_trial.requires_phone, default true),
// once per phone number ever — a keyed hash kept past the account's deletion — and once per device.
const stack = useTestStack();

/** A guest on `deviceId` upgraded by OTP to `phone` (08… form): what a reinstalled app does. */
async function verifiedOn(s: TestStack, phone: string, deviceId: string): Promise<TestCustomer> {
  const guest = await createGuest(s);
  const upgraded = await otpSignIn(s, 'client', phone, {
    anonymous_customer_id: guest.profile.id,
    token: guest.access_token,
    ip: uniqueClientIp(),
  });
  expect(upgraded.status).toBe(200);
  return { id: guest.profile.id, token: upgraded.body.access_token, deviceId };
}

async function expectUnavailable(res: Response, reason: string) {
  expect(res.status).toBe(409);
  expect((await json(res)).error).toMatchObject({ code: 'FREE_TRIAL_UNAVAILABLE', details: { reason } });
}

/** SPEC §14's erasure as the privacy work will do it: the account's phone (and name) are gone. */
/** The customer deletes the account (SPEC §14) and the erasure runs to its end. */
async function eraseAccount(s: TestStack, c: Pick<TestCustomer, 'token' | 'id'>) {
  const del = await s.request('/api/client/account', {
    method: 'DELETE',
    json: { confirm: true },
    headers: bearer(c.token),
  });
  expect(del.status).toBe(202);
  await settle(s);
  const { rows } = await s.rt.db.query('SELECT phone FROM customers WHERE id = $1', [c.id]);
  expect(rows[0]?.phone ?? null).toBeNull();
}

describe('free trial eligibility', () => {
  it('a guest cannot take it while requires_phone is on; the app must send X-Device-Id', async () => {
    const s = stack();
    const guest = await customerWithDevice(s);
    await expectUnavailable(await freeTrialRequest(s, guest), 'phone_required');
    const verified = await customerWithDevice(s, { verified: true });
    const noDevice = await s.request('/api/client/chat/request', {
      method: 'POST',
      json: { topic_sensitivity: 'regular', free_trial: true },
      headers: bearer(verified.token),
    });
    expect(noDevice.status).toBe(400);
    expect((await json(noDevice)).error.details.issues[0].path).toBe('x-device-id');
  });

  it('once per phone number ever: refused again even after the account is deleted and made anew', async () => {
    const s = stack();
    const m = await onlineMitra(s);
    const phone = uniquePhone();
    const first = await verifiedOn(s, phone, 'device-first');
    const req = await freeTrialRequest(s, first);
    expect(req.status).toBe(201);
    expect((await accept(s, m, (await json(req)).request_id)).status).toBe(200);
    // The ledger keeps a keyed hash, not the number.
    const claims = await s.rt.db.query('SELECT phone_hash, device_hash, customer_id FROM free_trial_claims');
    expect(claims.rows).toHaveLength(1);
    expect(claims.rows[0].phone_hash).toHaveLength(32);
    expect(claims.rows[0].phone_hash.toString('latin1')).not.toContain(normalise(phone).slice(1));

    await eraseAccount(s, first);
    await s.rt.local!.advanceClock(61); // the number's OTP resend cool-down
    const again = await verifiedOn(s, phone, 'device-new-phone-same-number');
    expect(again.id).not.toBe(first.id);
    await expectUnavailable(await freeTrialRequest(s, again), 'used');
  });

  it('once per device, whichever phone number asks', async () => {
    const s = stack();
    const a = await verifiedOn(s, uniquePhone(), 'shared-tablet');
    expect((await freeTrialRequest(s, a)).status).toBe(201);
    const b = await verifiedOn(s, uniquePhone(), 'shared-tablet');
    await expectUnavailable(await freeTrialRequest(s, b), 'used');
    // Two requests racing for one device: the ledger's unique index lets exactly one through.
    const racers = await Promise.all(
      Array.from({ length: 4 }, async () => verifiedOn(s, uniquePhone(), 'raced-device')),
    );
    const answers = await Promise.all(racers.map((c) => freeTrialRequest(s, c)));
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
  });

  it('a request that ends without a session gives the trial back (cancelled, or expired unanswered)', async () => {
    const s = stack();
    const c = await verifiedOn(s, uniquePhone(), 'device-release');
    const first = await json(freeTrialRequest(s, c));
    await s.request(`/api/client/chat/request/${first.request_id}/cancel`, {
      method: 'POST',
      headers: bearer(c.token),
    });
    const second = await freeTrialRequest(s, c);
    expect(second.status).toBe(201);
    await s.rt.local!.advanceClock(121); // pairing_timeout_seconds: nobody took it
    expect(
      (await s.rt.db.query('SELECT status FROM chat_requests WHERE id = $1', [(await json(second)).request_id])).rows[0]
        .status,
    ).toBe('expired');
    expect((await s.rt.db.query('SELECT count(*)::int AS n FROM free_trial_claims')).rows[0].n).toBe(0);
    expect((await freeTrialRequest(s, c)).status).toBe(201);
  });

  it('with requires_phone off a guest may take it, still once per device', async () => {
    const s = stack();
    await setConfig(s, 'free_trial', { enabled: true, duration_minutes: 10, requires_phone: false });
    const guest = await customerWithDevice(s);
    expect((await freeTrialRequest(s, guest)).status).toBe(201);
    const sameDevice = await customerWithDevice(s);
    await expectUnavailable(await freeTrialRequest(s, { ...sameDevice, deviceId: guest.deviceId }), 'used');
  });
});
