import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { OutboxRelay } from '../../../shared/outbox/relay';
import { sessionsDeps, type SessionsDeps } from '../../../shared/sessions/deps';
import { capacityUsed } from '../../../shared/sessions';
import {
  closingGraceEnded,
  expireSession,
  extensionTimedOut,
  extensionWindowClosed,
  paymentHoldEnded,
} from '../../../shared/sessions/timers';
import { json } from '../../helpers/http';
import { whileHeld } from '../../helpers/locks';
import { accept, chatRequest, customerWithDevice, onlineMitra, pushes } from '../../helpers/pairing';
import { useTestStack, type TestStack } from '../../helpers/runtime';
import { act, activeFreeTrialSession, row, type TestSession } from '../../helpers/sessions';

// The timers as use cases: what each answers (changed anything or not), when it wakes the outbox relay,
// the exact instant it becomes due, and how it behaves next to a concurrent transaction on the session.
const stack = useTestStack();
let s: TestStack;
beforeEach(() => {
  s = stack();
});

/** The sessions deps as an instance whose clock reads `at`, counting how often the relay is woken. */
function timerDeps(at?: Date) {
  let kicks = 0;
  const base = sessionsDeps(s.rt);
  const deps: SessionsDeps = {
    ...base,
    clock: at ? { now: () => at } : base.clock,
    relay: { kick: () => void kicks++ } as unknown as OutboxRelay,
  };
  return { deps, kicks: () => kicks };
}

/** [what the timer answered, how often it woke the relay]. */
async function run(at: Date | undefined, timer: (deps: SessionsDeps) => Promise<boolean>) {
  const { deps, kicks } = timerDeps(at);
  return [await timer(deps), kicks()];
}

const ask = async (t: TestSession) => json(act(s, t.customer, t.sessionId, 'extensions', { tier_id: 'tier_30' }));

async function expiredSession() {
  const t = await activeFreeTrialSession(s);
  await s.rt.local!.advanceClock(10 * 60);
  expect(await row(s, t.sessionId)).toMatchObject({ status: 'expired', version: 2 });
  return t;
}

const extensionStatus = async (id: string) =>
  (await s.rt.db.query('SELECT status FROM session_extensions WHERE id = $1', [id])).rows[0].status;

describe('the expiry timer', () => {
  it('early, for another version, for no session, or again: false and nothing woken; at ends_at to the millisecond it expires', async () => {
    const t = await activeFreeTrialSession(s);
    const { ends_at } = await row(s, t.sessionId);
    const expire = (at: Date, id: string, version: number) => run(at, (d) => expireSession(d, id, version));
    expect(await expire(new Date(ends_at.getTime() - 1), t.sessionId, 1)).toEqual([false, 0]);
    expect(await expire(ends_at, t.sessionId, 2)).toEqual([false, 0]);
    expect(await expire(ends_at, randomUUID(), 1)).toEqual([false, 0]);
    expect((await row(s, t.sessionId)).status).toBe('active');
    expect(await expire(ends_at, t.sessionId, 1)).toEqual([true, 1]);
    expect(await row(s, t.sessionId)).toMatchObject({ status: 'expired', version: 2 });
    expect(await expire(ends_at, t.sessionId, 1)).toEqual([false, 0]);
    expect(await expire(ends_at, t.sessionId, 2)).toEqual([false, 0]);
  });

  it('an active session without an end (ends_at null, which the schema allows) never expires', async () => {
    const t = await activeFreeTrialSession(s);
    await s.rt.db.query('UPDATE chat_sessions SET ends_at = NULL WHERE id = $1', [t.sessionId]);
    const later = new Date(s.rt.clock.now().getTime() + 365 * 86_400_000);
    expect(await run(later, (d) => expireSession(d, t.sessionId, 1))).toEqual([false, 0]);
    expect(await row(s, t.sessionId)).toMatchObject({ status: 'active', version: 1 });
  });

  it('tells both participants of every session that expires (each push is its own)', async () => {
    const a = await activeFreeTrialSession(s);
    const b = await activeFreeTrialSession(s);
    await s.rt.local!.advanceClock(10 * 60);
    for (const t of [a, b])
      for (const w of [t.customer, t.mitra])
        expect((await pushes(s, w.id)).filter((p) => p.data.type === 'time_up').map((p) => p.data.session_id)).toEqual([
          t.sessionId,
        ]);
  });
});

describe('the extension timeout', () => {
  it('early, for no extension, or again: false and nothing woken; at respond_by to the millisecond it closes the session', async () => {
    const t = await expiredSession();
    const ext = await ask(t);
    const respondBy = new Date(ext.respond_by);
    const timeout = (at: Date, id: string) => run(at, (d) => extensionTimedOut(d, id));
    expect(await timeout(new Date(respondBy.getTime() - 1), ext.id)).toEqual([false, 0]);
    expect(await timeout(respondBy, randomUUID())).toEqual([false, 0]);
    expect(await extensionStatus(ext.id)).toBe('requested');
    expect(await timeout(respondBy, ext.id)).toEqual([true, 1]);
    expect(await extensionStatus(ext.id)).toBe('timed_out');
    expect(await row(s, t.sessionId)).toMatchObject({ status: 'closing', closing_reason: 'extension_timeout' });
    expect(await timeout(respondBy, ext.id)).toEqual([false, 0]);
  });

  it('racing the mitra’s answer (session row, then the extension): it waits for the session row and leaves the answer alone', async () => {
    const t = await expiredSession();
    const ext = await ask(t);
    const { deps, kicks } = timerDeps(new Date(ext.respond_by));
    const out = await whileHeld(
      s,
      async (c) => void (await c.query('SELECT 1 FROM chat_sessions WHERE id = $1 FOR NO KEY UPDATE', [t.sessionId])),
      () => extensionTimedOut(deps, ext.id),
      async (c) =>
        void (await c.query("UPDATE session_extensions SET status = 'accepted', responded_at = now() WHERE id = $1", [
          ext.id,
        ])),
    );
    expect(out).toEqual({ result: false });
    expect(kicks()).toBe(0);
    expect(await extensionStatus(ext.id)).toBe('accepted');
    expect((await row(s, t.sessionId)).status).toBe('expired');
  });

  it('a late timeout of an extension already answered returns at once: it does not queue behind the session row', async () => {
    const t = await expiredSession();
    const ext = await ask(t);
    await s.rt.db.query("UPDATE session_extensions SET status = 'accepted', responded_at = now() WHERE id = $1", [
      ext.id,
    ]);
    const { deps, kicks } = timerDeps(new Date(ext.respond_by));
    let answered = false;
    let answeredBeforeRelease: boolean | undefined;
    const out = await whileHeld(
      s,
      async (c) => void (await c.query('SELECT 1 FROM chat_sessions WHERE id = $1 FOR NO KEY UPDATE', [t.sessionId])),
      async () => {
        const r = await extensionTimedOut(deps, ext.id);
        answered = true;
        return r;
      },
      async () => void (answeredBeforeRelease = answered),
    );
    expect(out).toEqual({ result: false });
    expect(answeredBeforeRelease).toBe(true);
    expect(kicks()).toBe(0);
    expect(await extensionStatus(ext.id)).toBe('accepted');
  });
});

describe('the extension window', () => {
  it('for no session, another version, or with an extension asked for: false and nothing woken; otherwise closing once', async () => {
    const t = await expiredSession();
    const windowClosed = (id: string, version: number) => run(undefined, (d) => extensionWindowClosed(d, id, version));
    expect(await windowClosed(randomUUID(), 2)).toEqual([false, 0]);
    expect(await windowClosed(t.sessionId, 1)).toEqual([false, 0]);
    await ask(t);
    expect(await windowClosed(t.sessionId, 2)).toEqual([false, 0]);
    expect((await row(s, t.sessionId)).status).toBe('expired');

    const quiet = await expiredSession();
    expect(await windowClosed(quiet.sessionId, 2)).toEqual([true, 1]);
    expect(await row(s, quiet.sessionId)).toMatchObject({ status: 'closing', closing_reason: 'time_up', version: 3 });
    expect(await windowClosed(quiet.sessionId, 2)).toEqual([false, 0]);
    expect(await windowClosed(quiet.sessionId, 3)).toEqual([false, 0]);

    // Only an expired session's window closes: a live session, even at the version named, stays live.
    const live = await activeFreeTrialSession(s);
    expect(await windowClosed(live.sessionId, 1)).toEqual([false, 0]);
    expect(await row(s, live.sessionId)).toMatchObject({ status: 'active', version: 1 });
  });

  it('closing while the customer’s extension request is being stored: it waits for the session row, then sees it', async () => {
    const t = await expiredSession();
    const { deps } = timerDeps();
    const out = await whileHeld(
      s,
      async (c) => {
        await c.query('SELECT 1 FROM chat_sessions WHERE id = $1 FOR NO KEY UPDATE', [t.sessionId]);
        await c.query(
          `INSERT INTO session_extensions (session_id, tier_id, duration_minutes, price_idr, status, topic_sensitivity,
             respond_by, created_at, updated_at)
           VALUES ($1, 'tier_30', 30, 25000, 'requested', 'regular', now() + interval '60 seconds', now(), now())`,
          [t.sessionId],
        );
      },
      () => extensionWindowClosed(deps, t.sessionId, 2),
    );
    expect(out).toEqual({ result: false });
    expect((await row(s, t.sessionId)).status).toBe('expired');
  });
});

describe('the payment hold', () => {
  it('at its version an unpaid session is cancelled (payment_hold_expired) and its mitra freed; another version, a live session or again: false', async () => {
    const m = await onlineMitra(s);
    const c = await customerWithDevice(s);
    const req = await json(chatRequest(s, c.token));
    const { session_id: unpaid } = await json(accept(s, m, req.request_id));
    expect(await row(s, unpaid)).toMatchObject({ status: 'pending_payment', version: 1 });
    const hold = (id: string, version: number) => run(undefined, (d) => paymentHoldEnded(d, id, version));
    expect(await hold(unpaid, 2)).toEqual([false, 0]);
    expect(await hold(randomUUID(), 1)).toEqual([false, 0]);
    expect((await row(s, unpaid)).status).toBe('pending_payment');
    expect(await hold(unpaid, 1)).toEqual([true, 1]);
    expect(await row(s, unpaid)).toMatchObject({
      status: 'cancelled',
      cancel_reason: 'payment_hold_expired',
      version: 2,
    });
    expect(await capacityUsed(s.rt.db, m.id)).toBe(0);
    expect(await hold(unpaid, 1)).toEqual([false, 0]);
    expect(await hold(unpaid, 2)).toEqual([false, 0]);

    const live = await activeFreeTrialSession(s);
    expect(await hold(live.sessionId, 1)).toEqual([false, 0]);
    expect(await row(s, live.sessionId)).toMatchObject({ status: 'active', version: 1 });
  });
});

describe('the closing grace', () => {
  it('due while the move into closing is still committing: it waits for the session row, then completes what committed', async () => {
    const t = await expiredSession();
    const { deps } = timerDeps();
    const out = await whileHeld(
      s,
      async (c) =>
        void (await c.query(
          `UPDATE chat_sessions SET status = 'closing', version = 3, closing_at = now(), closing_reason = 'time_up'
           WHERE id = $1`,
          [t.sessionId],
        )),
      () => closingGraceEnded(deps, t.sessionId, 3),
    );
    expect(out).toEqual({ result: true });
    expect(await row(s, t.sessionId)).toMatchObject({ status: 'completed', version: 4 });
  });

  it('completes a closing session at its version once, and wakes the relay only then', async () => {
    const t = await expiredSession();
    await s.rt.local!.advanceClock(5 * 60); // the window passes: closing, version 3
    expect(await row(s, t.sessionId)).toMatchObject({ status: 'closing', version: 3 });
    const grace = (version: number) => run(undefined, (d) => closingGraceEnded(d, t.sessionId, version));
    expect(await grace(2)).toEqual([false, 0]);
    expect(await grace(3)).toEqual([true, 1]);
    expect(await row(s, t.sessionId)).toMatchObject({ status: 'completed', version: 4 });
    expect(await grace(3)).toEqual([false, 0]);
  });
});
