import { decodeCursor, pageFrom, TimeIdCursor } from '../pagination';
import { listReports, pendingReportCounts, type ReportRow, type ReportStatus } from '../sessions';
import { namesOf } from '../users';
import type { ControlCenterDeps } from './deps';
import { reportView } from './views';

/** Newest first, by status; each row says whether the reported user is flagged (3+ pending). */
export async function listReportsForCc(
  deps: Pick<ControlCenterDeps, 'db'>,
  input: { status?: ReportStatus; session_id?: string; limit: number; cursor?: string },
) {
  const before = decodeCursor(input.cursor, TimeIdCursor);
  const rows = await listReports(deps.db, input, { limit: input.limit + 1, before });
  return withContext(deps, rows, input.limit);
}

async function withContext(deps: Pick<ControlCenterDeps, 'db'>, rows: ReportRow[], limit: number) {
  const ids = (t: 'customer' | 'mitra') => [
    ...rows.filter((r) => r.reporter_type === t).map((r) => r.reporter_id),
    ...rows.filter((r) => r.reported_type === t).map((r) => r.reported_id),
  ];
  const [names, pendingC, pendingM] = await Promise.all([
    namesOf(deps.db, { customers: ids('customer'), mitras: ids('mitra') }),
    pendingReportCounts(deps.db, 'customer', ids('customer')),
    pendingReportCounts(deps.db, 'mitra', ids('mitra')),
  ]);
  return pageFrom(
    rows,
    limit,
    (r) => reportView(r, names, (r.reported_type === 'customer' ? pendingC : pendingM).get(r.reported_id) ?? 0),
    (r) => [r.created_at.toISOString(), r.id],
  );
}

export async function ccReport(deps: Pick<ControlCenterDeps, 'db'>, r: ReportRow) {
  return (await withContext(deps, [r], 1)).items[0]!;
}
