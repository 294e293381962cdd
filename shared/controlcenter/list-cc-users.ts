import type { Clock } from '../clock';
import type { Db } from '../db/pool';
import { decodeCursor, pageFrom, TimeIdCursor } from '../pagination';
import { listCcUsers } from '../users';
import { ccUserListView } from './views';

/** Control-center users, newest first; search by email or name, filter by role. */
export async function listCcUsersForCc(
  deps: { db: Db; clock: Clock },
  input: { q?: string; role?: string; limit: number; cursor?: string },
) {
  const before = decodeCursor(input.cursor, TimeIdCursor);
  const rows = await listCcUsers(deps.db, input, { limit: input.limit + 1, before });
  const now = deps.clock.now();
  return pageFrom(
    rows,
    input.limit,
    (u) => ccUserListView(u, now),
    (u) => [u.created_at.toISOString(), u.id],
  );
}
