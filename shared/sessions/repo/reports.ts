import type { Queryable } from '../../db/pool';

/** The control center's reads and review of reports (SPEC §7, §9); the sessions feature owns the table. */

/** A user with this many pending reports against them is flagged for review (SPEC §7). */
export const FLAG_THRESHOLD = 3;

export type ReportStatus = 'pending' | 'reviewed' | 'actioned' | 'dismissed';
export type Party = 'customer' | 'mitra';

export interface ReportRow {
  id: string;
  session_id: string;
  reporter_type: Party;
  reporter_id: string;
  reported_type: Party;
  reported_id: string;
  reason: string;
  description: string | null;
  status: ReportStatus;
  review_note: string | null;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  created_at: Date;
}

/** reports: every column, in one list. */
const COLUMNS = [
  'id',
  'session_id',
  'reporter_type',
  'reporter_id',
  'reported_type',
  'reported_id',
  'reason',
  'description',
  'status',
  'review_note',
  'reviewed_by',
  'reviewed_at',
  'created_at',
] as const satisfies readonly (keyof ReportRow)[];
const ALL = COLUMNS.join(', ');

/** `reviewed` is a note on the way: only `actioned` and `dismissed` close a report (decision 26). */
export const OPEN_REPORT_STATUSES: readonly ReportStatus[] = ['pending', 'reviewed'];

/**
 * SQL: the session (an expression naming its id) has a report still open. While it has, its transcript
 * is under legal hold: neither an account deletion nor the retention window empties it (SPEC §14).
 */
export const OPEN_REPORT_ON = (sessionId: string) =>
  `EXISTS (SELECT 1 FROM reports r WHERE r.session_id = ${sessionId} AND r.status IN ('pending', 'reviewed'))`;

export async function hasOpenReport(q: Queryable, sessionId: string): Promise<boolean> {
  const { rowCount } = await q.query(`SELECT 1 WHERE ${OPEN_REPORT_ON('$1::uuid')}`, [sessionId]);
  return (rowCount ?? 0) > 0;
}

/** The reporter's own words go once the report is closed (account deletion); an open one keeps them. */
export async function eraseOwnReportTexts(
  q: Queryable,
  side: Party,
  userId: string,
  sessionId?: string,
): Promise<number> {
  const res = await q.query(
    `UPDATE reports SET description = NULL
     WHERE reporter_type = $1 AND reporter_id = $2 AND ($3::uuid IS NULL OR session_id = $3)
       AND description IS NOT NULL AND status NOT IN ('pending', 'reviewed')`,
    [side, userId, sessionId ?? null],
  );
  return res.rowCount ?? 0;
}

/** Every report the user filed, oldest first (the export). */
export async function reportsFiledBy(q: Queryable, side: Party, userId: string): Promise<ReportRow[]> {
  const { rows } = await q.query<ReportRow>(
    `SELECT ${ALL} FROM reports WHERE reporter_type = $1 AND reporter_id = $2 ORDER BY created_at, id`,
    [side, userId],
  );
  return rows;
}

/** Dashboard fragment (a one-row CTE body): pending reports and users flagged by them. */
export function reportFiguresSql(): string {
  return `SELECT
      (SELECT count(*) FROM reports WHERE status = 'pending')::int AS pending_reports,
      (SELECT count(*) FROM (SELECT 1 FROM reports WHERE status = 'pending'
         GROUP BY reported_type, reported_id HAVING count(*) >= ${FLAG_THRESHOLD}) f)::int AS flagged_users`;
}

/** Pending reports against each of these users. */
export async function pendingReportCounts(q: Queryable, type: Party, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const { rows } = await q.query<{ reported_id: string; n: number }>(
    `SELECT reported_id, count(*)::int AS n FROM reports
     WHERE status = 'pending' AND reported_type = $1 AND reported_id = ANY($2::uuid[]) GROUP BY reported_id`,
    [type, ids],
  );
  return new Map(rows.map((r) => [r.reported_id, r.n]));
}

/** Every flagged user of a type (few by nature: it takes three pending reports). */
export async function flaggedUserIds(q: Queryable, type: Party): Promise<string[]> {
  const { rows } = await q.query<{ reported_id: string }>(
    `SELECT reported_id FROM reports WHERE status = 'pending' AND reported_type = $1
     GROUP BY reported_id HAVING count(*) >= ${FLAG_THRESHOLD}`,
    [type],
  );
  return rows.map((r) => r.reported_id);
}

/** Newest first, keyset on (created_at, id). */
export async function listReports(
  q: Queryable,
  f: { status?: ReportStatus; session_id?: string },
  page: { limit: number; before?: [string, string] },
): Promise<ReportRow[]> {
  const { rows } = await q.query<ReportRow>(
    `SELECT ${ALL} FROM reports
     WHERE ($1::text IS NULL OR status = $1) AND ($2::uuid IS NULL OR session_id = $2)
       AND ($3::timestamptz IS NULL OR (created_at, id) < ($3::timestamptz, $4::uuid))
     ORDER BY created_at DESC, id DESC LIMIT $5`,
    [f.status ?? null, f.session_id ?? null, page.before?.[0] ?? null, page.before?.[1] ?? null, page.limit],
  );
  return rows;
}

export async function reportsOfSession(q: Queryable, sessionId: string): Promise<ReportRow[]> {
  const { rows } = await q.query<ReportRow>(
    `SELECT ${ALL} FROM reports WHERE session_id = $1 ORDER BY created_at, id`,
    [sessionId],
  );
  return rows;
}

export async function findReport(q: Queryable, id: string, lock = false): Promise<ReportRow | undefined> {
  const { rows } = await q.query<ReportRow>(
    `SELECT ${ALL} FROM reports WHERE id = $1${lock ? ' FOR NO KEY UPDATE' : ''}`,
    [id],
  );
  return rows[0];
}

export async function setReportReview(
  q: Queryable,
  id: string,
  review: { status: Exclude<ReportStatus, 'pending'>; note: string | null; reviewerId: string },
  now: Date,
): Promise<ReportRow> {
  const { rows } = await q.query<ReportRow>(
    `UPDATE reports SET status = $2, review_note = COALESCE($3, review_note), reviewed_by = $4, reviewed_at = $5
     WHERE id = $1 RETURNING ${ALL}`,
    [id, review.status, review.note, review.reviewerId, now],
  );
  return rows[0]!;
}

/** Undefined when this reporter already reported this session (one per session per reporter). */
export async function insertReport(
  q: Queryable,
  x: {
    session_id: string;
    reporter: Party;
    reporter_id: string;
    reported_id: string;
    reason: string;
    description: string | null;
  },
  now: Date,
): Promise<ReportRow | undefined> {
  const reported: Party = x.reporter === 'customer' ? 'mitra' : 'customer';
  const { rows } = await q.query<ReportRow>(
    `INSERT INTO reports (session_id, reporter_type, reporter_id, reported_type, reported_id, reason, description, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (session_id, reporter_type, reporter_id) DO NOTHING RETURNING ${ALL}`,
    [x.session_id, x.reporter, x.reporter_id, reported, x.reported_id, x.reason, x.description, now],
  );
  return rows[0];
}
