import type { Queryable } from '../../db/pool';

/** roles: seeded by the migrations (super_admin, operator, viewer); the code only checks an id. */

export async function roleExists(q: Queryable, roleId: string): Promise<boolean> {
  return ((await q.query('SELECT 1 FROM roles WHERE id = $1', [roleId])).rowCount ?? 0) > 0;
}
