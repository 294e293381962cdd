import { randomInt } from 'node:crypto';
import type { CcUserRow } from './repo/control-center-users';
import type { CustomerRow } from './repo/customers';
import type { MitraRow } from './repo/mitras';

/** What the apps and the control center show of a user's own account. */

export const isGuest = (c: Pick<CustomerRow, 'phone' | 'google_sub' | 'apple_sub'>) =>
  !c.phone && !c.google_sub && !c.apple_sub;

export function generatedDisplayName(): string {
  return `Bestie ${randomInt(1000, 10000)}`;
}

export function customerProfile(c: CustomerRow) {
  return {
    id: c.id,
    display_name: c.display_name,
    phone: c.phone,
    email: c.email,
    is_guest: isGuest(c),
    linked: { phone: !!c.phone, google: !!c.google_sub, apple: !!c.apple_sub },
    created_at: c.created_at.toISOString(),
  };
}

export function mitraProfile(m: MitraRow) {
  return {
    id: m.id,
    display_name: m.display_name,
    // A signed-in mitra always has one: only a deleted account (which signs in no more) has none.
    phone: m.phone ?? '',
    is_active: m.is_active,
    is_online: m.is_online,
    created_at: m.created_at.toISOString(),
  };
}

export function ccUserProfile(u: CcUserRow) {
  return {
    id: u.id,
    email: u.email,
    display_name: u.display_name,
    role: u.role_id,
    created_at: u.created_at.toISOString(),
  };
}
