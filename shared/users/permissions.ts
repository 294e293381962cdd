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
] as const;

export type Permission = (typeof PERMISSIONS)[number];
