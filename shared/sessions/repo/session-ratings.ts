import type { Queryable } from '../../db/pool';

export interface RatingRow {
  session_id: string;
  customer_id: string;
  stars: number;
  comment: string | null;
  created_at: Date;
}

/** session_ratings: every column, in one list. */
const ALL = ['session_id', 'customer_id', 'stars', 'comment', 'created_at'].join(', ');

/** Undefined when the session was already rated (the primary key settles parallel attempts). */
export async function insertRating(q: Queryable, r: Omit<RatingRow, 'created_at'>, now: Date) {
  const { rows } = await q.query<RatingRow>(
    `INSERT INTO session_ratings (session_id, customer_id, stars, comment, created_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (session_id) DO NOTHING RETURNING ${ALL}`,
    [r.session_id, r.customer_id, r.stars, r.comment, now],
  );
  return rows[0];
}

export async function ratingOf(q: Queryable, sessionId: string): Promise<RatingRow | undefined> {
  const { rows } = await q.query<RatingRow>(`SELECT ${ALL} FROM session_ratings WHERE session_id = $1`, [sessionId]);
  return rows[0];
}
