import type { ConfigReader } from '../config';
import type { OutboxEntry, Tx } from '../outbox';
import { pushEntries, sessionDocEntries, timers } from './effects';
import { cancelOpenExtensions } from './repo/session-extensions';
import { findSession, updateSession, type SessionChange } from './repo/chat-sessions';
import type { ClosingReason, SessionRow, SessionStatus, Side } from './types';

/**
 * The session state machine, declared once: every status change is a row of this table, and
 * `moveSession` is the only code that applies one. Applying a row: lock the session, check `from`, the
 * version a timer was set for and the guard, one conditional UPDATE (which bumps the version, so every
 * timer of the old version goes stale), then both session documents, the row's timer and its pushes —
 * all in the caller's transaction.
 *
 *   pending_payment ─activate→ active ─expire→ expired ─extend→ active
 *   pending_payment ─cancel→ cancelled          active | expired ─close→ closing ─complete→ completed
 */
interface Rule<A> {
  from: readonly SessionStatus[];
  to: SessionStatus;
  /** Beyond `from`: false leaves the session as it is (a timer delivered early). */
  guard?: (s: SessionRow, now: Date) => boolean;
  set: (s: SessionRow, now: Date, args: A) => SessionChange;
  /** Writes of this feature's other tables that go with the move (before its documents are built). */
  alongside?: (t: Tx, s: SessionRow, now: Date) => Promise<unknown>;
  timer?: (s: SessionRow, now: Date, cfg: { closing_grace_seconds: number }) => OutboxEntry;
  /** Who is told by push, with what; the dedupe key makes a replayed trigger push once. */
  push?: { to: readonly Side[]; data: (s: SessionRow, args: A) => Record<string, string>; key: string };
  /** The mitra's place is free again (SPEC §6: a freed mitra is offered waiting requests). */
  freesMitra?: boolean;
}

const rule = <A = object>(r: Rule<A>) => r;
const BOTH = ['customer', 'mitra'] as const;
const minutes = (n: number) => n * 60_000;

export const TRANSITIONS = {
  /** Payment settled: the tier's minutes start now. */
  activate: rule({
    from: ['pending_payment'],
    to: 'active',
    set: (s, now) => ({ started_at: now, ends_at: new Date(now.getTime() + minutes(s.duration_minutes)) }),
    timer: (s) => timers.expire(s),
    push: { to: BOTH, data: (s) => ({ type: 'session_active', session_id: s.id }), key: 'active' },
  }),
  /** At ends_at: input locked, "time is up", the extension window opens. */
  expire: rule({
    from: ['active'],
    to: 'expired',
    guard: (s, now) => s.ends_at !== null && s.ends_at <= now,
    set: (_s, now) => ({ expired_at: now }),
    timer: (s, now) => timers.extensionWindow(s, now),
    push: { to: BOTH, data: (s) => ({ type: 'session_expired', session_id: s.id }), key: 'expired' },
  }),
  /** An extension's payment settled: ends_at moves from the later of the old end and now (paying costs no minutes). */
  extend: rule<{ extensionId: string; minutes: number }>({
    from: ['expired'],
    to: 'active',
    guard: (s) => s.ends_at !== null,
    set: (s, now, a) => ({
      ends_at: new Date(Math.max(s.ends_at!.getTime(), now.getTime()) + minutes(a.minutes)),
      expired_at: null,
    }),
    timer: (s) => timers.expire(s),
    push: {
      to: BOTH,
      data: (s, a) => ({ type: 'extension_applied', session_id: s.id, extension_id: a.extensionId }),
      key: 'ext-applied',
    },
  }),
  /** Ended (time up, early end, extension refused or lapsed, an operator): goodbyes, then completed. */
  close: rule<{ reason: ClosingReason }>({
    from: ['active', 'expired'],
    to: 'closing',
    set: (_s, now, a) => ({ closing_at: now, closing_reason: a.reason }),
    alongside: (t, s, now) => cancelOpenExtensions(t, s.id, now),
    timer: (s, now, cfg) => timers.closingGrace(s, now, cfg.closing_grace_seconds),
    push: {
      to: BOTH,
      data: (s, a) => ({ type: 'session_closing', session_id: s.id, reason: a.reason }),
      key: 'closing',
    },
    freesMitra: true,
  }),
  /** Both goodbyes, or the closing grace ran out. */
  complete: rule({
    from: ['closing'],
    to: 'completed',
    set: (_s, now) => ({ completed_at: now }),
  }),
  /** Never paid (invoice expired, abandoned, an operator): nothing was used. */
  cancel: rule<{ reason: string }>({
    from: ['pending_payment'],
    to: 'cancelled',
    set: (_s, now, a) => ({ cancelled_at: now, cancel_reason: a.reason }),
    push: {
      to: BOTH,
      data: (s, a) => ({ type: 'session_cancelled', session_id: s.id, reason: a.reason }),
      key: 'cancelled',
    },
    freesMitra: true,
  }),
};

export type TransitionName = keyof typeof TRANSITIONS;
type ArgsOf<N extends TransitionName> = (typeof TRANSITIONS)[N] extends Rule<infer A> ? A : never;

export interface TransitionDeps {
  config: ConfigReader;
  /** Told, in the same transaction, when a transition frees a mitra's place. */
  onMitraFreed?: (t: Tx, mitraId: string, now: Date) => Promise<void>;
}

/**
 * Applies one row of the table; undefined when the session is not where the row starts (moved on,
 * another version, a guard says not yet), which every caller treats as "nothing to do".
 */
export async function moveSession<N extends TransitionName>(
  t: Tx,
  deps: TransitionDeps,
  sessionId: string,
  name: N,
  args: ArgsOf<N> & { now: Date; version?: number },
): Promise<SessionRow | undefined> {
  const r = TRANSITIONS[name] as Rule<ArgsOf<N>>;
  const { now, version } = args;
  const seen = await findSession(t, sessionId, true);
  if (!seen || !r.from.includes(seen.status)) return undefined;
  if (version !== undefined && seen.version !== version) return undefined;
  if (r.guard && !r.guard(seen, now)) return undefined;
  const s = await updateSession(
    t,
    sessionId,
    { from: [seen.status], version: seen.version },
    { status: r.to, ...r.set(seen, now, args) },
    now,
  );
  if (!s) return undefined;
  await r.alongside?.(t, s, now);
  const pushes = r.push
    ? await Promise.all(
        r.push.to.map((side) =>
          pushEntries(t, side, s[`${side}_id`], r.push!.data(s, args), `${r.push!.key}:${s.id}:v${s.version}`),
        ),
      )
    : [];
  await t.enqueue([
    ...(await sessionDocEntries(t, s.id)),
    ...(r.timer ? [r.timer(s, now, await deps.config.get())] : []),
    ...pushes.flat(),
  ]);
  if (r.freesMitra) await deps.onMitraFreed?.(t, s.mitra_id, now);
  return s;
}
