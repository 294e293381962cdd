import { describe, expect, it } from 'vitest';
import { bearer, ccLogin } from '../../helpers/auth';
import { json } from '../../helpers/http';
import { createTestStack, useTestStack, type TestStack } from '../../helpers/runtime';

// SPEC §4 and §13: the 5th consecutive wrong password locks an operator out for 15 minutes, and
// failures are counted atomically, so parallel guesses cannot get more tries than that.
const stack = useTestStack();

async function operator(s: TestStack, password = 'Passw0rd!') {
  const admin = (await json(ccLogin(s))).access_token;
  const email = `op-${Date.now()}-${Math.random().toString(36).slice(2)}@halobestie.local`;
  const res = await s.request('/internal/control-center-users', {
    method: 'POST',
    json: { email, password, display_name: 'Operator', role: 'operator' },
    headers: bearer(admin),
  });
  expect(res.status).toBe(201);
  return { email, password };
}

const statuses = (answers: Response[]) => answers.map((r) => r.status).sort();

describe('operator lockout under parallel guesses', () => {
  it('20 wrong passwords at once: exactly 5 are checked (401), 15 find the account locked (423), and then so does the right one', async () => {
    const s = stack();
    const u = await operator(s);
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => ccLogin(s, u.email, `Wrong${i}xx`)));
    expect(statuses(answers)).toEqual([...Array(5).fill(401), ...Array(15).fill(423)]);
    const locked = await ccLogin(s, u.email, u.password);
    expect(locked.status).toBe(423);
    expect((await json(locked)).error.details.locked_until).toBeDefined();
    await s.rt.local!.advanceClock(15 * 60 + 1);
    expect((await ccLogin(s, u.email, u.password)).status).toBe(200);
  });

  it('two instances over one database share the count', async () => {
    const s = stack();
    const other = await createTestStack({ databaseUrl: s.rt.env.DATABASE_URL });
    try {
      const u = await operator(s);
      const answers = await Promise.all(
        Array.from({ length: 12 }, (_, i) => ccLogin(i % 2 ? s : other, u.email, `Wrong${i}xx`)),
      );
      expect(statuses(answers)).toEqual([...Array(5).fill(401), ...Array(7).fill(423)]);
    } finally {
      await other.close();
    }
  });
});
