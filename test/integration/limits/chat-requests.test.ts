import { describe, expect, it } from 'vitest';
import { bearer } from '../../helpers/auth';
import { json } from '../../helpers/http';
import { chatRequest, customerWithDevice, type TestCustomer } from '../../helpers/pairing';
import { createTestStack, useTestStack, type TestStack } from '../../helpers/runtime';

// SPEC §13: chat requests are limited per customer (10 an hour) and per device (X-Device-Id, 20 a day).
// A request the service refuses for another reason (ALREADY_ACTIVE, …) costs no token.
const stack = useTestStack();

const ask = (s: TestStack, c: TestCustomer, deviceId = c.deviceId) =>
  chatRequest(s, c.token, undefined, { 'x-device-id': deviceId });
const cancel = (s: TestStack, c: TestCustomer, requestId: string) =>
  s.request(`/api/client/chat/request/${requestId}/cancel`, { method: 'POST', headers: bearer(c.token) });

/** Asks and cancels at once, `n` times; answers the last refusal if any. */
async function askAndCancel(s: TestStack, c: TestCustomer, n: number, deviceId?: string) {
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) {
    const res = await ask(s, c, deviceId);
    statuses.push(res.status);
    if (res.status === 201) expect((await cancel(s, c, (await json(res)).request_id)).status).toBe(200);
    else return { statuses, refused: res };
  }
  return { statuses, refused: undefined };
}

describe('chat request limits', () => {
  it('10 an hour per customer: the 11th is 429 with Retry-After; refused requests cost nothing', async () => {
    const s = stack();
    const c = await customerWithDevice(s);
    // Ten refusals for an open request first: they take no token.
    const open = await ask(s, c);
    expect(open.status).toBe(201);
    for (let i = 0; i < 10; i++) expect((await ask(s, c)).status).toBe(409);
    await cancel(s, c, (await json(open)).request_id);
    const { statuses, refused } = await askAndCancel(s, c, 11);
    expect(statuses).toEqual([...Array(9).fill(201), 429]);
    const body = await json(refused!);
    expect(body.error).toMatchObject({ code: 'RATE_LIMITED', details: { limit: 'chat_request' } });
    expect(refused!.headers.get('retry-after')).toBe(String(body.error.details.retry_after_seconds));
    expect(body.error.details.retry_after_seconds).toBeGreaterThan(300);
    expect(body.error.details.retry_after_seconds).toBeLessThanOrEqual(360);
    // 3600 / 10 = 360 s brings one token back.
    await s.rt.local!.advanceClock(360);
    expect((await ask(s, c)).status).toBe(201);
  });

  it('20 a day per device, across the customers that share it', async () => {
    const s = stack();
    const device = 'ios-a1b2c3';
    let refused: Response | undefined;
    let created = 0;
    for (let i = 0; i < 7 && !refused; i++) {
      const c = await customerWithDevice(s);
      const round = await askAndCancel(s, c, 3, device);
      created += round.statuses.filter((x) => x === 201).length;
      refused = round.refused;
    }
    expect(created).toBe(20);
    expect(refused!.status).toBe(429);
    expect((await json(refused!)).error.details.retry_after_seconds).toBeGreaterThan(4000); // 86400 / 20 = 4320 s
    // Another device is not held back.
    expect((await ask(s, await customerWithDevice(s), 'ios-other')).status).toBe(201);
  });

  it('two instances over one database share the per-customer limit', async () => {
    const s = stack();
    const other = await createTestStack({ databaseUrl: s.rt.env.DATABASE_URL });
    try {
      const c = await customerWithDevice(s);
      let created = 0;
      for (let i = 0; i < 14; i++) {
        const on = i % 2 ? s : other;
        const res = await ask(on, c);
        if (res.status !== 201) {
          expect(res.status).toBe(429);
          continue;
        }
        created++;
        expect((await cancel(on, c, (await json(res)).request_id)).status).toBe(200);
      }
      expect(created).toBe(10);
    } finally {
      await other.close();
    }
  });
});
