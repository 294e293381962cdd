import type { Queryable } from '../../db/pool';
import type { Sensitivity } from '../types';

export interface SensitivityFlipRow {
  id: number;
  mitra_id: string;
  from_sensitivity: Sensitivity;
  to_sensitivity: Sensitivity;
  created_at: Date;
}

/** session_sensitivity_log: what a reader gets (the session id is the key it is read by). */
const ALL = ['id', 'mitra_id', 'from_sensitivity', 'to_sensitivity', 'created_at'].join(', ');

export async function insertSensitivityFlip(
  q: Queryable,
  f: { sessionId: string; mitraId: string; from: Sensitivity; to: Sensitivity },
  now: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO session_sensitivity_log (session_id, mitra_id, from_sensitivity, to_sensitivity, created_at)
     VALUES ($1, $2, $3, $4, $5)`,
    [f.sessionId, f.mitraId, f.from, f.to, now],
  );
}

/** A session's flips, oldest first. */
export async function sensitivityTimeline(q: Queryable, sessionId: string): Promise<SensitivityFlipRow[]> {
  const { rows } = await q.query<SensitivityFlipRow>(
    `SELECT ${ALL} FROM session_sensitivity_log WHERE session_id = $1 ORDER BY created_at, id`,
    [sessionId],
  );
  return rows;
}
