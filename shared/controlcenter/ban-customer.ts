import { commitWithEffects } from '../outbox';
import { endFirestoreAccess, revokeUserSessions } from '../auth';
import { endSessionsOfUser } from '../sessions';
import { AppError } from '../errors';
import { setCustomerBan } from '../users';
import type { ControlCenterDeps } from './deps';
import { ccCustomer } from './list-customers';
import type { PiiAccess } from './masking';
import { insertAudit } from './repo/cc-audit-log';

type Deps = Pick<ControlCenterDeps, 'db' | 'clock' | 'tokens' | 'config' | 'relay' | 'onMitraFreed'>;

/**
 * Bans a customer: the flag, every auth session revoked in the same transaction (refresh → 403
 * ACCOUNT_BANNED at once; access tokens refused within REVOCATION_MAX_LAG_SECONDS, on this instance at
 * once) and an audit row. Banning again only updates the reason.
 */
export async function banCustomer(deps: Deps, actorId: string, customerId: string, reason: string, pii: PiiAccess) {
  const now = deps.clock.now();
  const { row, revoked } = await commitWithEffects(deps, async (c) => {
    const row = await setCustomerBan(c, customerId, { reason }, now);
    if (!row) throw new AppError('NOT_FOUND', 'Customer tidak ditemukan');
    const revoked = await revokeUserSessions(c, 'customer', customerId, 'customer_banned', now);
    await endFirestoreAccess(c, 'customer', customerId);
    // A live chat ends with the ban: active/expired → closing, unpaid → cancelled (SPEC §9).
    const ended = await endSessionsOfUser(c, deps, 'customer', customerId, 'customer_banned', now);
    await insertAudit(
      c,
      {
        kind: 'customer_banned',
        actorId,
        targetType: 'customer',
        targetId: customerId,
        details: { reason, sessions_revoked: revoked.length, chat_sessions_ended: ended },
      },
      now,
    );
    return { row, revoked };
  });
  for (const id of revoked) deps.tokens.revocations.markRevoked(id);
  return ccCustomer(deps, row, pii.customers);
}

/** Lifts a ban; the customer signs in again (their old sessions stay revoked). */
export async function unbanCustomer(deps: Deps, actorId: string, customerId: string, pii: PiiAccess) {
  const now = deps.clock.now();
  const row = await commitWithEffects(deps, async (c) => {
    const row = await setCustomerBan(c, customerId, null, now);
    if (!row) throw new AppError('NOT_FOUND', 'Customer tidak ditemukan');
    await insertAudit(c, { kind: 'customer_unbanned', actorId, targetType: 'customer', targetId: customerId }, now);
    return row;
  });
  return ccCustomer(deps, row, pii.customers);
}
