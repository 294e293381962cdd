import { AppError } from '../errors';
import { commitWithEffects } from '../outbox';
import { findReport, OPEN_REPORT_STATUSES, setReportReview } from '../sessions';
import type { ControlCenterDeps } from './deps';
import { ccReport } from './list-reports';
import { insertAudit } from './repo/cc-audit-log';

/**
 * `actioned` and `dismissed` close a report; `reviewed` is a note on the way (it may still be closed).
 * Closing one tells `onReportClosed` in the same transaction (a deleted user's transcript held for it).
 */
export async function reviewReport(
  deps: Pick<ControlCenterDeps, 'db' | 'clock' | 'relay' | 'onReportClosed'>,
  actorId: string,
  reportId: string,
  input: { status: 'reviewed' | 'actioned' | 'dismissed'; note?: string },
) {
  const now = deps.clock.now();
  const row = await commitWithEffects(deps, async (c) => {
    const before = await findReport(c, reportId, true);
    if (!before) throw new AppError('NOT_FOUND', 'Laporan tidak ditemukan');
    if (!OPEN_REPORT_STATUSES.includes(before.status))
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
    if (!OPEN_REPORT_STATUSES.includes(after.status)) await deps.onReportClosed?.(c, after, now);
    return after;
  });
  return ccReport(deps, row);
}
