import type { Queryable } from '../db/pool';
import { customerNames } from './repo/customers.admin';
import { mitraNames } from './repo/mitras.admin';

/** Display names of the people a page mentions, in one round trip per kind. */
export async function namesOf(
  q: Queryable,
  ids: { customers: string[]; mitras: string[] },
): Promise<{ customers: Map<string, string>; mitras: Map<string, string> }> {
  const [customers, mitras] = await Promise.all([customerNames(q, ids.customers), mitraNames(q, ids.mitras)]);
  return { customers, mitras };
}
