import type { Queryable } from '../db/pool';
import { ratingOf } from './repo/session-ratings';
import { extensionsOf } from './repo/session-extensions';
import { sensitivityTimeline } from './repo/session-sensitivity-log';

/** What hangs off a session, for the control center's detail page: each an indexed lookup by session id. */
export async function sessionParts(q: Queryable, sessionId: string) {
  const [extensions, rating, timeline] = await Promise.all([
    extensionsOf(q, sessionId),
    ratingOf(q, sessionId),
    sensitivityTimeline(q, sessionId),
  ]);
  return { extensions, rating, timeline };
}
