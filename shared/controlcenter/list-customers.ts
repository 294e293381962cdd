import { decodeCursor, pageFrom, TimeIdCursor } from '../pagination';
import { flaggedUserIds, pendingReportCounts } from '../sessions';
import { type CustomerRow, listCustomers } from '../users';
import type { ControlCenterDeps } from './deps';
import { ccCustomerView } from './views';

export type CustomerStatus = 'active' | 'banned' | 'flagged';

/** Search by name, phone or email; status `active` / `banned` / `flagged` (3+ pending reports). */
export async function listCustomersForCc(
  deps: Pick<ControlCenterDeps, 'db'>,
  input: { q?: string; status?: CustomerStatus; limit: number; cursor?: string },
  fullPii: boolean,
) {
  const before = decodeCursor(input.cursor, TimeIdCursor);
  const ids = input.status === 'flagged' ? await flaggedUserIds(deps.db, 'customer') : undefined;
  const banned = input.status === 'active' ? false : input.status === 'banned' ? true : undefined;
  const rows = await listCustomers(deps.db, { q: input.q, banned, ids }, { limit: input.limit + 1, before });
  return withFlags(deps, rows, input.limit, fullPii);
}

async function withFlags(deps: Pick<ControlCenterDeps, 'db'>, rows: CustomerRow[], limit: number, fullPii: boolean) {
  const pending = await pendingReportCounts(
    deps.db,
    'customer',
    rows.map((r) => r.id),
  );
  return pageFrom(
    rows,
    limit,
    (c) => ccCustomerView(c, pending.get(c.id) ?? 0, fullPii),
    (c) => [c.created_at.toISOString(), c.id],
  );
}

export async function ccCustomer(deps: Pick<ControlCenterDeps, 'db'>, c: CustomerRow, fullPii: boolean) {
  return (await withFlags(deps, [c], 1, fullPii)).items[0]!;
}
