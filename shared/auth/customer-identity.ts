import type { PoolClient } from 'pg';
import { AppError } from '../errors';
import {
  createCustomer,
  type CustomerRow,
  findCustomer,
  findCustomerBy,
  generatedDisplayName,
  type IdentityField,
  linkIdentity,
  lockIdentity,
} from '../users';
import type { Principal } from './access-tokens';
import { FailAfterCommit } from './keep-writes';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/g;

/** A provider's claims are signed but not ours to trust as stored text (SPEC §3 text rule). */
const cleanName = (name: string | undefined) => name?.replace(CONTROL, '').normalize('NFC').trim().slice(0, 50);
const cleanEmail = (email: string | null | undefined) => (email && !CONTROL.test(email) ? email.slice(0, 254) : null);

const identityConflict = () => new AppError('IDENTITY_CONFLICT', 'Akun ini sudah terhubung dengan pengguna lain');

/**
 * Finds or creates the customer for an identity. With `guestId` (the caller's own guest) the guest row
 * gains the identity and keeps its id and display name. An identity owned by someone else is
 * IDENTITY_CONFLICT, thrown so the transaction rolls back: the OTP stays usable, the guest untouched.
 */
export async function resolveCustomer(
  c: PoolClient,
  identity: { field: IdentityField; value: string; email?: string | null; name?: string },
  guestId: string | undefined,
  caller: Principal | undefined,
  now: Date,
): Promise<CustomerRow> {
  const { field, value } = identity;
  await lockIdentity(c, field, value);
  const existing = await findCustomerBy(c, field, value);
  if (guestId) {
    if (!caller || caller.userType !== 'customer' || caller.userId !== guestId) {
      throw new AppError('FORBIDDEN', 'anonymous_customer_id harus akun tamu yang sedang masuk');
    }
    const guest = await findCustomer(c, guestId, true);
    // A deleted guest's token may outlive the deletion on another instance for the revocation lag.
    if (!guest || guest.erased_at) throw new AppError('NOT_FOUND', 'Akun tamu tidak ditemukan');
    if (existing && existing.id !== guest.id) throw identityConflict();
    if (existing) return existing;
    if (guest[field] && guest[field] !== value) throw identityConflict();
    return linkIdentity(c, guest.id, field, value, cleanEmail(identity.email), now);
  }
  if (existing) return existing;
  return createCustomer(
    c,
    {
      display_name: cleanName(identity.name) || generatedDisplayName(),
      [field]: value,
      email: cleanEmail(identity.email),
    },
    now,
  );
}

/** A banned customer's sign-in fails, but what it consumed (the OTP) stays consumed. */
export function assertNotBanned(customer: CustomerRow): void {
  if (customer.is_banned) throw new FailAfterCommit(new AppError('ACCOUNT_BANNED'));
}
