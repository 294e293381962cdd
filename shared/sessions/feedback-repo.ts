import type { Queryable } from '../db/pool';
import type { Side } from './types';

export interface RatingRow {
  session_id: string;
  customer_id: string;
  stars: number;
  comment: string | null;
  created_at: Date;
}

export interface ReportRow {
  id: string;
  session_id: string;
  reporter_type: Side;
  reported_type: Side;
  reason: string;
  description: string | null;
  status: string;
  created_at: Date;
}

/** Undefined when the session was already rated (the primary key settles parallel attempts). */
export async function insertRating(q: Queryable, r: Omit<RatingRow, 'created_at'>, now: Date) {
  const { rows } = await q.query<RatingRow>(
    `INSERT INTO session_ratings (session_id, customer_id, stars, comment, created_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (session_id) DO NOTHING RETURNING session_id, customer_id, stars, comment, created_at`,
    [r.session_id, r.customer_id, r.stars, r.comment, now],
  );
  return rows[0];
}

/** Undefined when this reporter already reported this session (one per session per reporter). */
export async function insertReport(
  q: Queryable,
  r: {
    session_id: string;
    reporter: Side;
    reporter_id: string;
    reported_id: string;
    reason: string;
    description: string | null;
  },
  now: Date,
) {
  const reported: Side = r.reporter === 'customer' ? 'mitra' : 'customer';
  const { rows } = await q.query<ReportRow>(
    `INSERT INTO reports (session_id, reporter_type, reporter_id, reported_type, reported_id, reason, description, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (session_id, reporter_type, reporter_id) DO NOTHING
     RETURNING id, session_id, reporter_type, reported_type, reason, description, status, created_at`,
    [r.session_id, r.reporter, r.reporter_id, reported, r.reported_id, r.reason, r.description, now],
  );
  return rows[0];
}
