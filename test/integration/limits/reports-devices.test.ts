import { describe, expect, it } from 'vitest';
import { bearer, createGuest } from '../../helpers/auth';
import { insertSession } from '../../helpers/control-center';
import { json } from '../../helpers/http';
import { onlineMitra } from '../../helpers/pairing';
import { createTestStack, useTestStack, type TestStack } from '../../helpers/runtime';

// SPEC §13: 10 reports a day per reporter; 20 device-token upserts an hour per user.
const stack = useTestStack();

const report = (s: TestStack, token: string, sessionId: string) =>
  s.request('/api/mitra/reports', {
    method: 'POST',
    json: { session_id: sessionId, reason: 'kasar' },
    headers: bearer(token),
  });
const putToken = (s: TestStack, token: string, i: number) =>
  s.request('/api/shared/device-token', {
    method: 'PUT',
    json: { fcm_token: `fcm-token-number-${i}`, device_id: `phone-${i % 3}`, platform: 'android' },
    headers: bearer(token),
  });

describe('report and device-token limits', () => {
  it('a reporter files 10 reports a day; the 11th is 429, and a refused duplicate costs nothing', async () => {
    const s = stack();
    const m = await onlineMitra(s, { deviceToken: false });
    const sessions = [];
    for (let i = 0; i < 12; i++) sessions.push((await insertSession(s, { mitraId: m.id })).sessionId);
    expect((await report(s, m.token, sessions[0]!)).status).toBe(201);
    for (let i = 0; i < 5; i++) expect((await report(s, m.token, sessions[0]!)).status).toBe(409); // ALREADY_REPORTED
    for (let i = 1; i < 10; i++) expect((await report(s, m.token, sessions[i]!)).status).toBe(201);
    const refused = await report(s, m.token, sessions[10]!);
    expect(refused.status).toBe(429);
    const body = await json(refused);
    expect(body.error).toMatchObject({ code: 'RATE_LIMITED', details: { limit: 'report' } });
    expect(body.error.details.retry_after_seconds).toBeGreaterThan(8000); // 86400 / 10 = 8640 s
    expect((await s.rt.db.query('SELECT count(*)::int AS n FROM reports')).rows[0].n).toBe(10);
  });

  it('20 device-token upserts an hour per user, shared by two instances', async () => {
    const s = stack();
    const other = await createTestStack({ databaseUrl: s.rt.env.DATABASE_URL });
    try {
      const guest = await createGuest(s);
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, i) => putToken(i % 2 ? s : other, guest.access_token, i)),
      );
      expect(answers.filter((r) => r.status === 204)).toHaveLength(20);
      const refused = answers.find((r) => r.status === 429)!;
      expect((await json(refused)).error.details).toMatchObject({ limit: 'device_token' });
      // Another user is not held back; DELETE is never limited.
      expect((await putToken(s, (await createGuest(s)).access_token, 99)).status).toBe(204);
      const del = await s.request('/api/shared/device-token', {
        method: 'DELETE',
        json: { device_id: 'phone-1' },
        headers: bearer(guest.access_token),
      });
      expect(del.status).toBe(204);
    } finally {
      await other.close();
    }
  });
});
