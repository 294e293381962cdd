import { AppError } from '../errors';
import { decodeCursor, pageFrom, TimeIdCursor } from '../pagination';
import { listSessionsForAdmin, type SessionFilter } from '../sessions';
import { namesOf } from '../users';
import type { ControlCenterDeps } from './deps';
import { sessionSummaryView } from './views';

/** Newest first; status, topic_sensitivity, created_at in [from, to) and the participants combine. */
export async function listSessionsForCc(
  deps: Pick<ControlCenterDeps, 'db'>,
  input: Omit<SessionFilter, 'from' | 'to'> & { from?: string; to?: string; limit: number; cursor?: string },
) {
  const before = decodeCursor(input.cursor, TimeIdCursor);
  const from = input.from ? new Date(input.from) : undefined;
  const to = input.to ? new Date(input.to) : undefined;
  if (from && to && from >= to) throw AppError.invalid('from', 'from must be before to');
  const rows = await listSessionsForAdmin(deps.db, { ...input, from, to }, { limit: input.limit + 1, before });
  const names = await namesOf(deps.db, {
    customers: rows.map((r) => r.customer_id),
    mitras: rows.map((r) => r.mitra_id),
  });
  return pageFrom(
    rows,
    input.limit,
    (s) => sessionSummaryView(s, names),
    (s) => [s.created_at.toISOString(), s.id],
  );
}
