import type { Queryable } from '../../db/pool';

export type ErasureSide = 'customer' | 'mitra';

export interface ErasureRow {
  id: string;
  user_type: ErasureSide;
  user_id: string;
  requested_by: 'self' | 'operator';
  actor_id: string | null;
  erased_at: Date;
  step: string;
  batch: number;
  position: string | null;
  outbox_until: string | null;
  completed_at: Date | null;
  updated_at: Date;
}

/** erasures: every column, in one list. */
const COLUMNS = [
  'id',
  'user_type',
  'user_id',
  'requested_by',
  'actor_id',
  'erased_at',
  'step',
  'batch',
  'position',
  'outbox_until',
  'completed_at',
  'updated_at',
] as const satisfies readonly (keyof ErasureRow)[];
const ALL = COLUMNS.join(', ');

/** The user's erasure, if one was ever requested. */
export async function erasureOf(q: Queryable, side: ErasureSide, userId: string): Promise<ErasureRow | undefined> {
  const { rows } = await q.query<ErasureRow>(`SELECT ${ALL} FROM erasures WHERE user_type = $1 AND user_id = $2`, [
    side,
    userId,
  ]);
  return rows[0];
}

/** The erasures of any of these users (a session's two participants). */
export async function erasuresOf(q: Queryable, users: Array<{ side: ErasureSide; id: string }>): Promise<ErasureRow[]> {
  const { rows } = await q.query<ErasureRow>(
    `SELECT ${ALL} FROM erasures e
     WHERE EXISTS (SELECT 1 FROM jsonb_to_recordset($1::jsonb) AS u(side text, id uuid)
                   WHERE u.side = e.user_type AND u.id = e.user_id)`,
    [JSON.stringify(users)],
  );
  return rows;
}

/** One per user (the unique key settles a race between two requests; the caller holds the user's row lock). */
export async function insertErasure(
  q: Queryable,
  e: { side: ErasureSide; userId: string; requestedBy: 'self' | 'operator'; actorId: string | null; step: string },
  now: Date,
): Promise<ErasureRow> {
  const { rows } = await q.query<ErasureRow>(
    `INSERT INTO erasures (user_type, user_id, requested_by, actor_id, erased_at, step, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $5) RETURNING ${ALL}`,
    [e.side, e.userId, e.requestedBy, e.actorId, now, e.step],
  );
  return rows[0]!;
}

/** Locked: one step at a time acts on an erasure, and a late one finds it moved on. */
export async function lockErasure(q: Queryable, id: string): Promise<ErasureRow | undefined> {
  const { rows } = await q.query<ErasureRow>(`SELECT ${ALL} FROM erasures WHERE id = $1 FOR UPDATE`, [id]);
  return rows[0];
}

/** The next step (or the next batch of this one) that may act; `completed` once the last step ran. */
export async function advanceErasure(
  q: Queryable,
  id: string,
  next: { step: string; batch: number; position: string | null; outboxUntil: string | null; completed: boolean },
  now: Date,
): Promise<void> {
  await q.query(
    `UPDATE erasures SET step = $2, batch = $3, position = $4, outbox_until = $5,
       completed_at = CASE WHEN $6 THEN $7::timestamptz END, updated_at = $7
     WHERE id = $1`,
    [id, next.step, next.batch, next.position, next.outboxUntil, next.completed, now],
  );
}
