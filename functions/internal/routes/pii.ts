import { piiAccess, type PiiAccess } from '../../../shared/controlcenter';
import type { AuthGuards } from '../../../shared/http/types';

/** What the calling operator may see in full (SPEC §14), from their role's permissions (cached per instance). */
export async function piiOf(c: { var: { guards: AuthGuards; principal: { role?: string } } }): Promise<PiiAccess> {
  const role = c.var.principal.role;
  return piiAccess(role ? await c.var.guards.permissions.of(role) : []);
}
