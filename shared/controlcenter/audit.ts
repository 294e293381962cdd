import { BigIdCursor, decodeCursor, pageFrom } from '../pagination';
import { ccUsersByIds } from '../users';
import type { ControlCenterDeps } from './deps';
import type { AuditKind } from './audit-kinds';
import { auditRows } from './repo/cc-audit-log';
import { auditEntryView } from './views';

/** The operators' trail, newest first; kind, actor and target filters combine. */
export async function listAudit(
  deps: Pick<ControlCenterDeps, 'db'>,
  input: { kind?: AuditKind; actor_id?: string; target_id?: string; limit: number; cursor?: string },
) {
  const beforeId = decodeCursor(input.cursor, BigIdCursor);
  const rows = await auditRows(
    deps.db,
    { kind: input.kind, actorId: input.actor_id, targetId: input.target_id },
    { limit: input.limit + 1, beforeId },
  );
  const actors = await ccUsersByIds(
    deps.db,
    rows.flatMap((r) => (r.actor_id ? [r.actor_id] : [])),
  );
  return pageFrom(
    rows,
    input.limit,
    (r) => auditEntryView(r, actors),
    (r) => r.id,
  );
}
