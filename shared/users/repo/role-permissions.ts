import type { Queryable } from '../../db/pool';

export interface RolePermissionRow {
  role_id: string;
  permission: string;
}

/** role_permissions: every column, in one list (seeded by the migrations, read whole). */
const COLUMNS = ['role_id', 'permission'] as const satisfies readonly (keyof RolePermissionRow)[];

/** Every role's permissions, by permission name. */
export async function allRolePermissions(q: Queryable): Promise<RolePermissionRow[]> {
  const { rows } = await q.query<RolePermissionRow>(
    `SELECT ${COLUMNS.join(', ')} FROM role_permissions ORDER BY permission`,
  );
  return rows;
}
