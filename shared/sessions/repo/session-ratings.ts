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

/** A deleted customer's ratings stay (the mitra's record) without the words they wrote. */
export async function eraseRatingComments(q: Queryable, customerId: string): Promise<number> {
  const res = await q.query(
    'UPDATE session_ratings SET comment = NULL WHERE customer_id = $1 AND comment IS NOT NULL',
    [customerId],
  );
  return res.rowCount ?? 0;
}

/** The ratings a customer gave, or a mitra received (without the customer's comment), oldest first (the export). */
export async function ratingsOf(q: Queryable, side: 'customer' | 'mitra', userId: string): Promise<RatingRow[]> {
  const { rows } = await q.query<RatingRow>(
    `SELECT ${ALL.split(', ')
      .map((c) => `r.${c}`)
      .join(', ')}
     FROM session_ratings r JOIN chat_sessions s ON s.id = r.session_id
     WHERE s.${side}_id = $1 ORDER BY r.created_at, r.session_id`,
    [userId],
  );
  return rows;
}
