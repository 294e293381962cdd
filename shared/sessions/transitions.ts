import type { ConfigReader } from '../config';
import type { OutboxEntry, Tx } from '../outbox';
import type { PushContent } from '../ports/push';
import { buildPush } from '../push';
import { bothSidesPush, sessionDocEntries, timers } from './effects';
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
  /** What each side is told by push (SPEC §12); the dedupe key makes a replayed trigger push once. */
  push?: { key: string; build: (s: SessionRow, to: Side, otherName: string, args: A) => PushContent };
  /** The mitra's place is free again (SPEC §6: a freed mitra is offered waiting requests). */
  freesMitra?: boolean;
}

const rule = <A = object>(r: Rule<A>) => r;
/** Who is alerted that the session closes: not the side whose own act closed it (nor the customer of a
 * rejected extension: `extension_answered` told them); the other side only syncs. */
const ALERTED_ON_CLOSE: Record<ClosingReason, readonly Side[]> = {
  time_up: ['customer', 'mitra'],
  extension_timeout: ['customer', 'mitra'],
  extension_lapsed: ['customer', 'mitra'],
  extension_rejected: [],
  ended_by_customer: ['mitra'],
  ended_by_mitra: ['customer'],
  customer_banned: ['mitra'],
  mitra_deactivated: ['customer'],
  // The other side: the deleted side's devices were forgotten with its access, so nothing reaches it.
  account_deleted: ['customer', 'mitra'],
};
const updated = (s: SessionRow) => buildPush('session_updated', { session_id: s.id, status: s.status });
const minutes = (n: number) => n * 60_000;

export const TRANSITIONS = {
  /** Payment settled: the tier's minutes start now. */
  activate: rule({
    from: ['pending_payment'],
    to: 'active',
    set: (s, now) => ({ started_at: now, ends_at: new Date(now.getTime() + minutes(s.duration_minutes)) }),
    timer: (s) => timers.expire(s),
    push: {
      key: 'active',
      build: (s, to, other) =>
        to === 'customer'
          ? buildPush('payment_confirmed', { session_id: s.id, mitra_name: other })
          : buildPush('session_started', { session_id: s.id, customer_name: other }),
    },
  }),
  /** At ends_at: input locked, "time is up", the extension window opens. */
  expire: rule({
    from: ['active'],
    to: 'expired',
    guard: (s, now) => s.ends_at !== null && s.ends_at <= now,
    set: (_s, now) => ({ expired_at: now }),
    timer: (s, now) => timers.extensionWindow(s, now),
    push: {
      key: 'expired',
      build: (s, to, other) => buildPush('time_up', { session_id: s.id, to, other_name: other }),
    },
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
      key: 'ext-applied',
      build: (s, _to, _other, a) => buildPush('extension_applied', { session_id: s.id, extension_id: a.extensionId }),
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
      key: 'closing',
      build: (s, to, other, a) =>
        ALERTED_ON_CLOSE[a.reason].includes(to)
          ? buildPush('session_closing', { session_id: s.id, reason: a.reason, other_name: other })
          : updated(s),
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
      key: 'cancelled',
      build: (s, to, other, a) =>
        to === 'customer'
          ? buildPush('session_cancelled', { session_id: s.id, reason: a.reason, mitra_name: other })
          : updated(s),
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
  const push = r.push;
  const pushes = push
    ? await bothSidesPush(t, s, (to, other) => push.build(s, to, other, args), `${push.key}:${s.id}:v${s.version}`)
    : [];
  await t.enqueue([
    ...(await sessionDocEntries(t, s.id)),
    ...(r.timer ? [r.timer(s, now, await deps.config.get())] : []),
    ...pushes,
  ]);
  if (r.freesMitra) await deps.onMitraFreed?.(t, s.mitra_id, now);
  return s;
}
