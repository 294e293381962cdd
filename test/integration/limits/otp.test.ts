import { describe, expect, it } from 'vitest';
import { OPEN_GATE } from '../../../shared/auth';
import { OTP_BUDGET_EXHAUSTED, requestOtp as requestOtpUseCase } from '../../../shared/auth/request-otp';
import { StubOtpProvider } from '../../../shared/adapters/local/stub-otp-provider';
import { configReader } from '../../../shared/config';
import { createLogger } from '../../../shared/logger';
import { requestOtp, uniqueClientIp, uniquePhone } from '../../helpers/auth';
import { json } from '../../helpers/http';
import { setConfig } from '../../helpers/sessions';
import { createTestStack, useTestStack } from '../../helpers/runtime';

// SPEC §4 and §13: 3 codes an hour per phone across both apps, 10 an hour per address (IPv6 by its /64,
// an unknown address one shared key), and an hourly SMS budget for the whole service.
const stack = useTestStack();

async function expectCode(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  const body = await json(res);
  expect(body.error.code).toBe(code);
  return body;
}

describe('OTP abuse limits', () => {
  it('a phone gets 3 codes an hour across the customer and mitra apps together, not 3 each', async () => {
    const s = stack();
    const phone = uniquePhone();
    expect((await requestOtp(s, 'client', phone, uniqueClientIp())).status).toBe(200);
    // The resend cool-down holds across the apps too.
    await expectCode(await requestOtp(s, 'mitra', phone, uniqueClientIp()), 429, 'OTP_COOLDOWN');
    await s.rt.local!.advanceClock(61);
    expect((await requestOtp(s, 'mitra', phone, uniqueClientIp())).status).toBe(200);
    await s.rt.local!.advanceClock(61);
    expect((await requestOtp(s, 'client', phone, uniqueClientIp())).status).toBe(200);
    await s.rt.local!.advanceClock(61);
    for (const kind of ['client', 'mitra'] as const)
      await expectCode(await requestOtp(s, kind, phone, uniqueClientIp()), 429, 'OTP_RATE_LIMIT_PHONE');
  });

  it('keys an IPv6 client by its /64: new addresses inside it do not reset the count', async () => {
    const s = stack();
    for (let i = 1; i <= 10; i++)
      expect((await requestOtp(s, 'client', uniquePhone(), `2001:db8:77:1::${i.toString(16)}`)).status).toBe(200);
    await expectCode(await requestOtp(s, 'client', uniquePhone(), '2001:db8:77:1:ffff::1'), 429, 'OTP_RATE_LIMIT_IP');
    expect((await requestOtp(s, 'client', uniquePhone(), '2001:db8:77:2::1')).status).toBe(200);
  });

  it('an unknown client address is one shared key: the 11th code an hour without one is refused', async () => {
    const s = stack();
    // Straight to the function, with no X-Forwarded-For: as if the load balancer had been bypassed.
    const direct = () =>
      Promise.resolve(
        s.apps.auth.fetch(
          new Request('http://auth/api/client/auth/otp/request', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ phone: uniquePhone() }),
          }),
        ),
      );
    const answers = await Promise.all(Array.from({ length: 12 }, direct));
    expect(answers.map((r) => r.status).sort()).toEqual([...Array(10).fill(200), 429, 429]);
  });

  it('two instances over one database share the per-address count', async () => {
    const s = stack();
    const other = await createTestStack({ databaseUrl: s.rt.env.DATABASE_URL });
    try {
      const answers = await Promise.all(
        Array.from({ length: 16 }, (_, i) => requestOtp(i % 2 ? s : other, 'client', uniquePhone(), '192.0.2.99')),
      );
      expect(answers.filter((r) => r.status === 200)).toHaveLength(10);
    } finally {
      await other.close();
    }
  });

  it('past the hourly SMS budget every request is 503 OTP_UNAVAILABLE with Retry-After, and the alert line is logged', async () => {
    const s = stack();
    await setConfig(s, 'limits', {
      ...(await configReader(s.rt).get()).limits,
      otp: { hourly_budget: 5 },
    });
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => requestOtp(s, 'client', uniquePhone(), uniqueClientIp())),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 503, 503, 503]);
    const refused = answers.find((r) => r.status === 503)!;
    const body = await expectCode(refused, 503, 'OTP_UNAVAILABLE');
    expect(refused.headers.get('retry-after')).toBe(String(body.error.details.retry_after_seconds));
    expect(body.error.details.retry_after_seconds).toBeGreaterThan(3500);

    // The line the log-based metric counts (terraform/monitoring.tf), as the use case writes it.
    const lines: string[] = [];
    const logger = createLogger('info', {}, (line) => lines.push(line));
    const deps = {
      db: s.rt.db,
      clock: s.rt.clock,
      config: configReader(s.rt),
      otpProvider: new StubOtpProvider(s.rt.db, logger),
      appCheck: OPEN_GATE,
      logger,
    };
    await expect(
      requestOtpUseCase(deps, { userType: 'mitra', phone: uniquePhone(), ip: uniqueClientIp() }),
    ).rejects.toMatchObject({ code: 'OTP_UNAVAILABLE' });
    const alert = lines.map((l) => JSON.parse(l)).find((l) => l.message === OTP_BUDGET_EXHAUSTED);
    expect(alert).toMatchObject({ severity: 'ERROR', budget: 5, sent_last_hour: 5 });
    // An hour later the budget is free again.
    await s.rt.local!.advanceClock(3601);
    expect((await requestOtp(s, 'client', uniquePhone(), uniqueClientIp())).status).toBe(200);
  });
});
