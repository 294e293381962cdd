import type { Queryable } from '../db/pool';
import { type PaymentFields, paymentsOfSessions } from '../payments';
import { decodeCursor, pageFrom, TimeIdCursor } from '../pagination';
import type { SessionsDeps } from './deps';
import { latestExtensions, type ExtensionRow } from './repo/session-extensions';
import { currentSessionsOf, sessionsPageOf } from './repo/chat-sessions';
import type { SessionRow, Side, WithNames } from './types';
import { customerSessionView, mitraSessionView, type SensitivityConfig } from './views';

export type ViewOf<S extends Side> = S extends 'customer'
  ? ReturnType<typeof customerSessionView>
  : ReturnType<typeof mitraSessionView>;

/** The caller's side of a session: customers get the view without sensitivity, mitras the full one. */
export function viewFor<S extends Side>(side: S, cfg: SensitivityConfig) {
  return (s: WithNames<SessionRow>, ext?: ExtensionRow, payment?: PaymentFields) =>
    (side === 'customer' ? customerSessionView(s, ext, payment) : mitraSessionView(s, cfg, ext)) as ViewOf<S>;
}

/** Only customers pay: their views carry the latest payment of each session. */
export async function paymentsFor(q: Queryable, side: Side, ids: string[]): Promise<Map<string, PaymentFields>> {
  return side === 'customer' ? paymentsOfSessions(q, ids) : new Map();
}

/** History, newest first, keyset on (created_at, id). */
export async function listSessions<S extends Side>(
  deps: SessionsDeps,
  side: S,
  userId: string,
  query: { limit: number; cursor?: string },
) {
  const after = decodeCursor(query.cursor, TimeIdCursor);
  const rows = await sessionsPageOf(deps.db, side, userId, { limit: query.limit + 1, after });
  const ids = rows.map((r) => r.id);
  const [exts, payments] = await Promise.all([latestExtensions(deps.db, ids), paymentsFor(deps.db, side, ids)]);
  const view = viewFor(side, await deps.config.get());
  return pageFrom(
    rows,
    query.limit,
    (r) => view(r, exts.get(r.id), payments.get(r.id)),
    (r) => [r.created_at.toISOString(), r.id],
  );
}

/** pending_payment, active, expired or closing: what the apps resume into. */
export async function currentSessions<S extends Side>(deps: SessionsDeps, side: S, userId: string) {
  const rows = await currentSessionsOf(deps.db, side, userId);
  const ids = rows.map((r) => r.id);
  const [exts, payments] = await Promise.all([latestExtensions(deps.db, ids), paymentsFor(deps.db, side, ids)]);
  const view = viewFor(side, await deps.config.get());
  return rows.map((r) => view(r, exts.get(r.id), payments.get(r.id)));
}
