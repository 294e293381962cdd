import { decodeCursor, pageFrom, TimeIdCursor } from '../pagination';
import { flaggedUserIds, liveSessionCounts, pendingReportCounts } from '../sessions';
import { type MitraRow, listMitras } from '../users';
import type { ControlCenterDeps } from './deps';
import { ccMitraView } from './views';

export interface ListMitrasInput {
  q?: string;
  online?: boolean;
  active?: boolean;
  flagged?: boolean;
  limit: number;
  cursor?: string;
}

/** Search (name, phone) and filters combine; `flagged` narrows to the users with 3+ pending reports. */
export async function listMitrasForCc(deps: Pick<ControlCenterDeps, 'db'>, input: ListMitrasInput, fullPii: boolean) {
  const before = decodeCursor(input.cursor, TimeIdCursor);
  const flagged = input.flagged === undefined ? undefined : await flaggedUserIds(deps.db, 'mitra');
  let rows: MitraRow[];
  if (input.flagged === false) {
    // "not flagged" cannot be an id list; fetch and drop, the flagged set is tiny.
    rows = (await listMitras(deps.db, { ...input }, { limit: input.limit + 1 + flagged!.length, before })).filter(
      (m) => !flagged!.includes(m.id),
    );
    rows = rows.slice(0, input.limit + 1);
  } else {
    rows = await listMitras(deps.db, { ...input, ids: flagged }, { limit: input.limit + 1, before });
  }
  return withExtras(deps, rows, input.limit, fullPii);
}

async function withExtras(deps: Pick<ControlCenterDeps, 'db'>, rows: MitraRow[], limit: number, fullPii: boolean) {
  const ids = rows.map((r) => r.id);
  const [live, pending] = await Promise.all([
    liveSessionCounts(deps.db, ids),
    pendingReportCounts(deps.db, 'mitra', ids),
  ]);
  return pageFrom(
    rows,
    limit,
    (m) => ccMitraView(m, { liveSessions: live.get(m.id) ?? 0, pendingReports: pending.get(m.id) ?? 0 }, fullPii),
    (m) => [m.created_at.toISOString(), m.id],
  );
}

/** One mitra as the list shows it (the answer of register and update). */
export async function ccMitra(deps: Pick<ControlCenterDeps, 'db'>, m: MitraRow, fullPii: boolean) {
  return (await withExtras(deps, [m], 1, fullPii)).items[0]!;
}
