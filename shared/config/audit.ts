import { BigIdCursor, decodeCursor, pageFrom } from '../pagination';
import type { ConfigDeps } from './deps';
import { configAuditRows } from './repo/app-config-audit';
import { configAuditEntry } from './views';

/** Newest first; the cursor is opaque (a bad or out-of-range one is a 400, never a 500). */
export async function configAudit(deps: Pick<ConfigDeps, 'db'>, limit: number, cursor?: string) {
  const beforeId = decodeCursor(cursor, BigIdCursor);
  const rows = await configAuditRows(deps.db, limit, beforeId);
  return pageFrom(rows, limit, configAuditEntry, (r) => Number(r.id));
}
