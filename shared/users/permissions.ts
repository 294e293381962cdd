import type { Queryable } from '../db/pool';
import { allRolePermissions } from './repo/role-permissions';

/** Every control-center permission a route can require; roles grant them (table role_permissions). */
export const PERMISSIONS = [
  'control_center_users:read',
  'control_center_users:create',
  'control_center_users:update',
  'settings:read',
  'settings:update',
  'dashboard:read',
  'mitras:read',
  'mitras:update',
  'customers:read',
  'customers:update',
  'sessions:read',
  'sessions:transcript',
  'reports:read',
  'reports:update',
  'mitra_activity:read',
  'audit:read',
  'privacy:erase',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

/** Role → permissions, cached per instance (roles change rarely; a role change revokes sessions). */
export class RolePermissions {
  private cache?: { at: number; map: Map<string, string[]> };
  constructor(
    private readonly db: Queryable,
    private readonly ttlMs = 30_000,
  ) {}

  async of(roleId: string): Promise<string[]> {
    if (!this.cache || Date.now() - this.cache.at > this.ttlMs) {
      const map = new Map<string, string[]>();
      for (const r of await allRolePermissions(this.db))
        map.set(r.role_id, [...(map.get(r.role_id) ?? []), r.permission]);
      this.cache = { at: Date.now(), map };
    }
    return this.cache.map.get(roleId) ?? [];
  }
}
