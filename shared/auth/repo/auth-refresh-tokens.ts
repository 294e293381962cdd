import type { Queryable } from '../../db/pool';

export interface RefreshTokenRow {
  token_hash: string;
  session_id: string;
  created_at: Date;
  rotated_at: Date | null;
}

/** auth_refresh_tokens: every column, in one list (only the hash of a token is ever stored). */
export const COLUMNS = [
  'token_hash',
  'session_id',
  'created_at',
  'rotated_at',
] as const satisfies readonly (keyof RefreshTokenRow)[];
/** What a presented token says about its past: its session and when it was rotated. */
const HISTORY = ['session_id', 'rotated_at'] as const satisfies readonly (typeof COLUMNS)[number][];

export async function insertRefreshToken(q: Queryable, tokenHash: string, sessionId: string, now: Date) {
  await q.query('INSERT INTO auth_refresh_tokens (token_hash, session_id, created_at) VALUES ($1, $2, $3)', [
    tokenHash,
    sessionId,
    now,
  ]);
}

/** Exactly one caller rotates a token (conditional UPDATE); the winner gets its session id. */
export async function claimRefreshToken(q: Queryable, tokenHash: string, now: Date): Promise<string | undefined> {
  const { rows } = await q.query<{ session_id: string }>(
    'UPDATE auth_refresh_tokens SET rotated_at = $2 WHERE token_hash = $1 AND rotated_at IS NULL RETURNING session_id',
    [tokenHash, now],
  );
  return rows[0]?.session_id;
}

export async function findRefreshToken(q: Queryable, tokenHash: string) {
  const { rows } = await q.query<Pick<RefreshTokenRow, (typeof HISTORY)[number]>>(
    `SELECT ${HISTORY.join(', ')} FROM auth_refresh_tokens WHERE token_hash = $1`,
    [tokenHash],
  );
  return rows[0];
}

/** Every refresh token of the user's auth sessions (account deletion): presenting one is then 401. */
export async function deleteRefreshTokensOfUser(q: Queryable, userType: string, userId: string): Promise<number> {
  const res = await q.query(
    `DELETE FROM auth_refresh_tokens WHERE session_id IN (SELECT id FROM auth_sessions WHERE user_type = $1 AND user_id = $2)`,
    [userType, userId],
  );
  return res.rowCount ?? 0;
}
