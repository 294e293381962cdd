import { AppError } from '../errors';
import { customerProfile, findCustomer, findMitra, mitraProfile, updateDisplayName } from '../users';
import type { AuthDeps } from './deps';

export async function customerMe(deps: Pick<AuthDeps, 'db'>, customerId: string) {
  const customer = await findCustomer(deps.db, customerId);
  if (!customer) throw new AppError('NOT_FOUND', 'Customer tidak ditemukan');
  return customerProfile(customer);
}

export async function updateCustomerProfile(
  deps: Pick<AuthDeps, 'db' | 'clock'>,
  customerId: string,
  input: { displayName: string },
) {
  const customer = await updateDisplayName(deps.db, customerId, input.displayName, deps.clock.now());
  if (!customer) throw new AppError('NOT_FOUND', 'Customer tidak ditemukan');
  return customerProfile(customer);
}

export async function mitraMe(deps: Pick<AuthDeps, 'db'>, mitraId: string) {
  const mitra = await findMitra(deps.db, mitraId);
  if (!mitra) throw new AppError('NOT_FOUND', 'Mitra tidak ditemukan');
  return mitraProfile(mitra);
}
