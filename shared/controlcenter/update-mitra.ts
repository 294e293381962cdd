import { commitWithEffects } from '../outbox';
import { endFirestoreAccess, revokeUserSessions } from '../auth';
import { AppError } from '../errors';
import { withdrawOpenOffers } from '../pairing';
import { endSessionsOfUser } from '../sessions';
import { findMitra, updateMitraByOperator } from '../users';
import type { ControlCenterDeps } from './deps';
import { ccMitra } from './list-mitras';
import type { PiiAccess } from './masking';
import { insertAudit } from './repo/cc-audit-log';

/**
 * An operator's edit of a mitra. Deactivation is one transaction: the mitra row is locked first (the
 * order accept takes, so an accept in flight either wins before or sees the mitra inactive), set
 * inactive and offline, every auth session revoked (refresh → ACCOUNT_INACTIVE at once, access tokens
 * refused within REVOCATION_MAX_LAG_SECONDS, on this instance at once) and every open offer withdrawn.
 * Activation only flips the flag: the next OTP sign-in succeeds.
 */
export async function updateMitra(
  deps: Pick<ControlCenterDeps, 'db' | 'clock' | 'tokens' | 'relay' | 'config' | 'onMitraFreed'>,
  actorId: string,
  mitraId: string,
  patch: { display_name?: string; is_active?: boolean; sensitive_ok?: boolean },
  pii: PiiAccess,
) {
  const now = deps.clock.now();
  const { revoked } = await commitWithEffects(deps, async (c) => {
    const before = await findMitra(c, mitraId, true);
    if (!before || before.erased_at) throw new AppError('NOT_FOUND', 'Mitra tidak ditemukan');
    await updateMitraByOperator(c, mitraId, patch, now);
    const deactivated = patch.is_active === false;
    const revoked = deactivated ? await revokeUserSessions(c, 'mitra', mitraId, 'mitra_deactivated', now) : [];
    if (deactivated) await endFirestoreAccess(c, 'mitra', mitraId);
    const withdrawn = deactivated ? await withdrawOpenOffers(c, mitraId, now) : [];
    // Their live chats end too: the customer is told in the session doc, nobody waits on a mitra who cannot answer.
    if (deactivated) await endSessionsOfUser(c, deps, 'mitra', mitraId, 'mitra_deactivated', now);
    await insertAudit(
      c,
      {
        kind: 'mitra_updated',
        actorId,
        targetType: 'mitra',
        targetId: mitraId,
        details: {
          before: { display_name: before.display_name, is_active: before.is_active, sensitive_ok: before.sensitive_ok },
          after: patch,
          sessions_revoked: revoked.length,
          offers_withdrawn: withdrawn.length,
        },
      },
      now,
    );
    return { revoked, withdrawn };
  });
  for (const id of revoked) deps.tokens.revocations.markRevoked(id);
  return ccMitra(deps, (await findMitra(deps.db, mitraId))!, pii.mitras);
}
