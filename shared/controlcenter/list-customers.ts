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
) {
  const before = decodeCursor(input.cursor, TimeIdCursor);
  const ids = input.status === 'flagged' ? await flaggedUserIds(deps.db, 'customer') : undefined;
  const banned = input.status === 'active' ? false : input.status === 'banned' ? true : undefined;
  const rows = await listCustomers(deps.db, { q: input.q, banned, ids }, { limit: input.limit + 1, before });
  return withFlags(deps, rows, input.limit);
}

async function withFlags(deps: Pick<ControlCenterDeps, 'db'>, rows: CustomerRow[], limit: number) {
  const pending = await pendingReportCounts(
    deps.db,
    'customer',
    rows.map((r) => r.id),
  );
  return pageFrom(
    rows,
    limit,
    (c) => ccCustomerView(c, pending.get(c.id) ?? 0),
    (c) => [c.created_at.toISOString(), c.id],
  );
}

export async function ccCustomer(deps: Pick<ControlCenterDeps, 'db'>, c: CustomerRow) {
  return (await withFlags(deps, [c], 1)).items[0]!;
}
