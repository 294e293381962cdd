import type { PoolClient } from 'pg';
import { enqueueMany } from '../outbox/outbox';
import { sessionDocEntries } from './effects';
import { updateSession } from './repo';
import type { SessionRow } from './types';

/** closing → completed (both goodbyes, or the grace ran out); only from closing, at the version seen. */
export async function completeSession(
  c: PoolClient,
  sessionId: string,
  version: number,
  now: Date,
): Promise<SessionRow | undefined> {
  const s = await updateSession(
    c,
    sessionId,
    { from: ['closing'], version },
    { status: 'completed', completed_at: now },
    now,
  );
  if (s) await enqueueMany(c, await sessionDocEntries(c, s.id));
  return s;
}
