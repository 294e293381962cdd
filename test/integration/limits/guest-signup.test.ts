import { describe, expect, it } from 'vitest';
import { json } from '../../helpers/http';
import { createTestStack, useTestStack, type TestStack } from '../../helpers/runtime';
import { uniqueClientIp } from '../../helpers/auth';

// SPEC §13: guest sign-up is public, so it is limited per client address (20 an hour; IPv6 by its /64)
// and per device (X-Device-Id, 3 a day); every refusal is 429 RATE_LIMITED with Retry-After.
const stack = useTestStack();

const signUp = (s: TestStack, clientIp: string, headers: Record<string, string> = {}) =>
  s.request('/api/shared/auth/anonymous', { method: 'POST', json: {}, clientIp, headers });
const guests = async (s: TestStack) => Number((await s.rt.db.query('SELECT count(*) FROM customers')).rows[0].count);

async function expectRateLimited(res: Response, seconds: { min: number; max: number }) {
  expect(res.status).toBe(429);
  const body = await json(res);
  expect(body.error.code).toBe('RATE_LIMITED');
  expect(body.error.details.limit).toBe('guest_signup');
  const wait = body.error.details.retry_after_seconds;
  expect(res.headers.get('retry-after')).toBe(String(wait));
  expect(wait).toBeGreaterThanOrEqual(seconds.min);
  expect(wait).toBeLessThanOrEqual(seconds.max);
}

describe('guest sign-up limits', () => {
  it('1,000 sign-ups from one address: 20 guests, every other answer 429 with Retry-After', async () => {
    const s = stack();
    const statuses: Response[] = [];
    for (let wave = 0; wave < 10; wave++)
      statuses.push(...(await Promise.all(Array.from({ length: 100 }, () => signUp(s, '203.0.113.50')))));
    const created = statuses.filter((r) => r.status === 201);
    const refused = statuses.filter((r) => r.status !== 201);
    expect(created).toHaveLength(20);
    expect(refused).toHaveLength(980);
    // The next token comes 3600 / 20 = 180 s after the last one was taken.
    for (const r of refused.slice(0, 20)) await expectRateLimited(r, { min: 1, max: 180 });
    expect(await guests(s)).toBe(20);
    // Another address is not held back, and the clock brings this one back.
    expect((await signUp(s, '203.0.113.51')).status).toBe(201);
    await s.rt.local!.advanceClock(181);
    expect((await signUp(s, '203.0.113.50')).status).toBe(201);
    await expectRateLimited(await signUp(s, '203.0.113.50'), { min: 1, max: 180 });
  });

  it('keys an IPv6 client by its /64: rotating addresses inside it buys nothing', async () => {
    const s = stack();
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => signUp(s, `2001:db8:1:2:${(i + 1).toString(16)}::${i + 7}`)),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(20);
    await expectRateLimited(await signUp(s, '2001:db8:1:2:ffff:ffff:ffff:ffff'), { min: 1, max: 180 });
    expect((await signUp(s, '2001:db8:1:3::1')).status).toBe(201);
  });

  it('holds 3 a day per device (X-Device-Id), whatever address it signs up from', async () => {
    const s = stack();
    const device = { 'x-device-id': 'android-5f2c9e01' };
    for (let i = 0; i < 3; i++) expect((await signUp(s, uniqueClientIp(), device)).status).toBe(201);
    // 86400 / 3 = 28800 s until the device's next sign-up.
    await expectRateLimited(await signUp(s, uniqueClientIp(), device), { min: 28_000, max: 28_800 });
    expect((await signUp(s, uniqueClientIp(), { 'x-device-id': 'android-other' })).status).toBe(201);
    // A malformed device id is a 400 (documented header), not a way around the limit.
    expect((await signUp(s, uniqueClientIp(), { 'x-device-id': 'has space' })).status).toBe(400);
  });

  it('treats an unknown client address as one shared key, not as no limit', async () => {
    const s = stack();
    // Straight to the function, as a request that bypassed the load balancer: no X-Forwarded-For.
    const direct = () =>
      Promise.resolve(s.apps.auth.fetch(new Request('http://auth/api/shared/auth/anonymous', { method: 'POST' })));
    const answers = await Promise.all(Array.from({ length: 25 }, direct));
    expect(answers.filter((r) => r.status === 201)).toHaveLength(20);
    expect(answers.filter((r) => r.status === 429)).toHaveLength(5);
  });

  it('two instances over one database share the limit', async () => {
    const s = stack();
    const other = await createTestStack({ databaseUrl: s.rt.env.DATABASE_URL });
    try {
      const both = await Promise.all(Array.from({ length: 40 }, (_, i) => signUp(i % 2 ? s : other, '198.51.100.77')));
      expect(both.filter((r) => r.status === 201)).toHaveLength(20);
    } finally {
      await other.close();
    }
  });
});
