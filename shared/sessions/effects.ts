import type { Queryable } from '../db/pool';
import { outbox, type OutboxEntry } from '../outbox/outbox';
import type { PushContent } from '../ports/push';
import { deviceTokensOf } from '../users/device-tokens';
import { latestExtensionOf } from './extensions-repo';
import {
  mitraSessionDocPath,
  SESSION_PATHS,
  sessionDocPath,
  SYNC_WINDOW_MS,
  taskNames,
  EXTENSION_WINDOW_SECONDS,
} from './paths';
import { findFullSession, findSessionNames } from './repo';
import type { SessionRow, Side } from './types';
import { mitraSessionDoc, sessionCounters, sessionDoc } from './views';

/**
 * The side effects of a session change, as outbox entries written in the change's transaction.
 * Docs are rebuilt whole from Postgres (absolute values, never increments: decision 2) and merged,
 * so the payment fields another feature merges into `sessions/{id}` survive.
 */
export async function sessionDocEntries(q: Queryable, sessionId: string): Promise<OutboxEntry[]> {
  const s = (await findFullSession(q, sessionId))!;
  const ext = (await latestExtensionOf(q, sessionId)) ?? null;
  return [
    { item: outbox.setDoc(sessionDocPath(s.id), sessionDoc(s, s, { extension: ext })) },
    { item: outbox.setDoc(mitraSessionDocPath(s.mitra_id, s.id), mitraSessionDoc(s, ext)) },
  ];
}

/** Only the counters (last_seq, unread, receipts): what the coalesced sync task writes. */
export async function counterDocEntry(q: Queryable, sessionId: string): Promise<OutboxEntry | undefined> {
  const s = await findFullSession(q, sessionId);
  return s && { item: outbox.setDoc(sessionDocPath(s.id), sessionCounters(s)) };
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
    item: outbox.push({ ...content, userId, token: t.fcm_token }),
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

const body = (s: SessionRow) => ({ session_id: s.id, version: s.version });

export const timers = {
  expire: (s: SessionRow): OutboxEntry => ({
    item: outbox.task(taskNames.expire(s.id, s.version), SESSION_PATHS.expire, body(s), s.ends_at!),
  }),
  extensionWindow: (s: SessionRow, now: Date): OutboxEntry => ({
    item: outbox.task(
      taskNames.extensionWindow(s.id, s.version),
      SESSION_PATHS.extensionWindow,
      body(s),
      new Date(now.getTime() + EXTENSION_WINDOW_SECONDS * 1000),
    ),
  }),
  closingGrace: (s: SessionRow, now: Date, graceSeconds: number): OutboxEntry => ({
    item: outbox.task(
      taskNames.closingGrace(s.id, s.version),
      SESSION_PATHS.closingGrace,
      body(s),
      new Date(now.getTime() + graceSeconds * 1000),
    ),
  }),
  extensionTimeout: (extensionId: string, respondBy: Date): OutboxEntry => ({
    item: outbox.task(
      taskNames.extensionTimeout(extensionId),
      SESSION_PATHS.extensionTimeout,
      { extension_id: extensionId },
      respondBy,
    ),
  }),
  /**
   * The coalesced counter write: one task per session per SYNC_WINDOW_MS bucket, due at the bucket's
   * end (trailing edge: it reads whatever the bucket's last message or receipt left). The dedupe key
   * keeps it to one outbox row per bucket however many messages the bucket holds.
   */
  sync: (sessionId: string, now: Date): OutboxEntry => {
    const bucket = Math.floor(now.getTime() / SYNC_WINDOW_MS);
    const name = taskNames.sync(sessionId, bucket);
    return {
      item: outbox.task(name, SESSION_PATHS.sync, { session_id: sessionId }, new Date((bucket + 1) * SYNC_WINDOW_MS)),
      dedupeKey: name,
    };
  },
};
