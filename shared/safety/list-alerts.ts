import { decodeCursor, pageFrom, TimeIdCursor } from '../pagination';
import type { Queryable } from '../db/pool';
import { listAlerts, type AlertFilter } from './repo/safety-alerts';
import { safetyAlertView } from './views';

/** Newest first; status, category and session combine. */
export async function listSafetyAlerts(
  deps: { db: Queryable },
  input: AlertFilter & { limit: number; cursor?: string },
) {
  const before = decodeCursor(input.cursor, TimeIdCursor);
  const rows = await listAlerts(deps.db, input, { limit: input.limit + 1, before });
  return pageFrom(rows, input.limit, safetyAlertView, (a) => [a.created_at.toISOString(), a.id]);
}
