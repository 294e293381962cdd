import type { Queryable } from '../db/pool';
import { effect, type OutboxEntry } from '../outbox';
import type { PushContent } from '../ports/push';
import { paymentOfSession } from '../payments';
import { deviceTokensOf } from '../users';
import { latestExtensionOf } from './repo/session-extensions';
import { EXTENSION_WINDOW_SECONDS, mitraSessionDocPath, SESSION_PATHS, sessionDocPath, taskNames } from './paths';
import { findFullSession, findSessionNames } from './repo/chat-sessions';
import type { SessionRow, Side } from './types';
import { mitraSessionDoc, sessionDoc } from './views';

/**
 * Both documents of a session, rebuilt whole from Postgres (absolute values, never increments), with
 * the payment the customer has to make now: sessions is the one writer of `sessions/{id}` and
 * `mitras/{m}/sessions/{id}`.
 */
export async function sessionDocEntries(q: Queryable, sessionId: string): Promise<OutboxEntry[]> {
  const s = (await findFullSession(q, sessionId))!;
  const [ext, payment] = await Promise.all([latestExtensionOf(q, sessionId), paymentOfSession(q, sessionId)]);
  return [
    { item: effect.setDoc(sessionDocPath(s.id), sessionDoc(s, s, { extension: ext ?? null, payment })) },
    { item: effect.setDoc(mitraSessionDocPath(s.mitra_id, s.id), mitraSessionDoc(s, ext ?? null)) },
  ];
}

/**
 * The shared `sessions/{id}` doc alone, replacing what Firestore holds (not merged into it): a field that
 * went (an erased goodbye, SPEC §14) goes from the document too. The doc is complete, so nothing is lost.
 */
export async function replaceSessionDocEntry(q: Queryable, sessionId: string): Promise<OutboxEntry> {
  const s = (await findFullSession(q, sessionId))!;
  const [ext, payment] = await Promise.all([latestExtensionOf(q, sessionId), paymentOfSession(q, sessionId)]);
  return {
    item: effect.setDoc(sessionDocPath(s.id), { ...payment, ...sessionDoc(s, s, { extension: ext ?? null }) }, false),
  };
}

/** One push (built by `buildPush`) per device of the user, deduplicated per trigger. */
export async function pushEntries(
  q: Queryable,
  side: Side,
  userId: string,
  content: PushContent,
  dedupe: string,
): Promise<OutboxEntry[]> {
  return (await deviceTokensOf(q, side, [userId])).map((t) => ({
    item: effect.push({ ...content, userId, token: t.fcm_token }),
    dedupeKey: `push:${dedupe}:${side}:${t.device_id}`,
  }));
}

/** A push to each side, built per side: the catalogue's kind and text differ by who reads it. */
export async function bothSidesPush(
  q: Queryable,
  s: SessionRow,
  build: (to: Side, otherName: string) => PushContent,
  dedupe: string,
) {
  const names = await findSessionNames(q, s.id);
  return [
    ...(await pushEntries(q, 'customer', s.customer_id, build('customer', names.mitra_name), dedupe)),
    ...(await pushEntries(q, 'mitra', s.mitra_id, build('mitra', names.customer_name), dedupe)),
  ];
}

/** What a screening event carries (SPEC §15): ids only, never the text, which the screener reads from Postgres. */
export interface ScreeningEvent {
  session_id: string;
  message_id: string;
  sender_type: Side;
}
export const SCREENING_EVENT_TYPE = 'message_screening';

/**
 * Every committed message is screened after the commit, off the send path, by whoever the topic feeds: a
 * batched event, so a relay batch's messages reach the screener as one Pub/Sub message (`{ items }`).
 */
export function screeningEntry(topic: string, data: ScreeningEvent): OutboxEntry {
  return { item: effect.batchedEvent({ topic, data: { ...data }, attributes: { type: SCREENING_EVENT_TYPE } }) };
}

const body = (s: SessionRow) => ({ session_id: s.id, version: s.version });
const after = (now: Date, seconds: number) => new Date(now.getTime() + seconds * 1000);

/** The session's timers; each names the version it was set for, so a later transition makes it stale. */
export const timers = {
  expire: (s: SessionRow): OutboxEntry => ({
    item: effect.task(taskNames.expire(s.id, s.version), SESSION_PATHS.expire, body(s), s.ends_at!),
  }),
  extensionWindow: (s: SessionRow, now: Date): OutboxEntry => ({
    item: effect.task(
      taskNames.extensionWindow(s.id, s.version),
      SESSION_PATHS.extensionWindow,
      body(s),
      after(now, EXTENSION_WINDOW_SECONDS),
    ),
  }),
  closingGrace: (s: SessionRow, now: Date, graceSeconds: number): OutboxEntry => ({
    item: effect.task(
      taskNames.closingGrace(s.id, s.version),
      SESSION_PATHS.closingGrace,
      body(s),
      after(now, graceSeconds),
    ),
  }),
  /** SPEC §13: an unpaid session holds its mitra no longer than this, whatever the provider does. */
  paymentHold: (s: SessionRow, holdSeconds: number): OutboxEntry => ({
    item: effect.task(
      taskNames.paymentHold(s.id, s.version),
      SESSION_PATHS.paymentHold,
      body(s),
      after(s.created_at, holdSeconds),
    ),
  }),
  extensionTimeout: (extensionId: string, respondBy: Date): OutboxEntry => ({
    item: effect.task(
      taskNames.extensionTimeout(extensionId),
      SESSION_PATHS.extensionTimeout,
      { extension_id: extensionId },
      respondBy,
    ),
  }),
};
