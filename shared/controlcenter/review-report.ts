import { tx } from '../db/tx';
import { AppError } from '../errors';
import { findReport, type ReportStatus, setReportReview } from '../sessions';
import type { ControlCenterDeps } from './deps';
import { ccReport } from './list-reports';
import { insertAudit } from './repo/cc-audit-log';

/** `actioned` and `dismissed` close a report; `reviewed` is a note on the way (it may still be closed). */
const OPEN: ReportStatus[] = ['pending', 'reviewed'];

export async function reviewReport(
  deps: Pick<ControlCenterDeps, 'db' | 'clock'>,
  actorId: string,
  reportId: string,
  input: { status: 'reviewed' | 'actioned' | 'dismissed'; note?: string },
) {
  const now = deps.clock.now();
  const row = await tx(deps.db, async (c) => {
    const before = await findReport(c, reportId, true);
    if (!before) throw new AppError('NOT_FOUND', 'Laporan tidak ditemukan');
    if (!OPEN.includes(before.status))
      throw new AppError('REPORT_ALREADY_RESOLVED', undefined, { status: before.status });
    const after = await setReportReview(
      c,
      reportId,
      { status: input.status, note: input.note ?? null, reviewerId: actorId },
      now,
    );
    await insertAudit(
      c,
      {
        kind: 'report_reviewed',
        actorId,
        targetType: 'report',
        targetId: reportId,
        details: { from_status: before.status, to_status: input.status, note: input.note ?? null },
      },
      now,
    );
    return after;
  });
  return ccReport(deps, row);
}
