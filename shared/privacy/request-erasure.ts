import { endAccountAccess } from '../auth';
import { recordAudit } from '../controlcenter';
import { AppError } from '../errors';
import { commitWithEffects } from '../outbox';
import { deleteDeviceTokensOf, eraseCustomerRow, eraseMitraRow, findCustomer, findMitra } from '../users';
import type { PrivacyDeps } from './deps';
import { eraseStepTask } from './paths';
import { erasureOf, insertErasure, type ErasureSide } from './repo/erasures';
import { FIRST_STEP } from './steps';

export type ErasureRequester = { kind: 'self' } | { kind: 'operator'; actorId: string };

/**
 * Deletes an account (SPEC §14). What identifies the person goes at once, in this transaction: the
 * profile's personal fields (the row stays as a stub whose id is all that is left), every device, every
 * auth session (refresh fails now, access tokens within REVOCATION_MAX_LAG_SECONDS, on this instance
 * now), the OTP requests of the phone, Firestore access (the epoch, SPEC §13). The rest — the live
 * session and open request, message bodies, goodbyes, feedback texts, the user's Firestore documents,
 * the outbox's copies — follows step by step through tasks (steps.ts), each step one transaction.
 * Repeating answers the first request's `erased_at` and changes nothing.
 */
export async function requestErasure(
  deps: PrivacyDeps,
  side: ErasureSide,
  userId: string,
  by: ErasureRequester,
): Promise<{ erased_at: string }> {
  const now = deps.clock.now();
  const { erasedAt, revoked } = await commitWithEffects(deps, async (t) => {
    // The user's row first: a chat request (customer) or an accept (mitra) takes the same lock, so one
    // in flight either commits before, and the steps find it, or sees the account gone.
    const user = side === 'customer' ? await findCustomer(t, userId, true) : await findMitra(t, userId, true);
    if (!user) throw new AppError('NOT_FOUND', side === 'customer' ? 'Customer tidak ditemukan' : 'Mitra tidak ditemukan');
    const before = await erasureOf(t, side, userId);
    const audit = async (first: boolean) => {
      if (by.kind === 'operator')
        await recordAudit(
          t,
          { kind: 'account_erased', actorId: by.actorId, targetType: side, targetId: userId, details: { first } },
          now,
        );
    };
    if (before) {
      await audit(false);
      return { erasedAt: before.erased_at, revoked: [] };
    }
    const erasure = await insertErasure(
      t,
      {
        side,
        userId,
        requestedBy: by.kind,
        actorId: by.kind === 'operator' ? by.actorId : null,
        step: FIRST_STEP,
      },
      now,
    );
    if (side === 'customer') await eraseCustomerRow(t, userId, now);
    else await eraseMitraRow(t, userId, now);
    await deleteDeviceTokensOf(t, side, userId);
    const revoked = await endAccountAccess(t, side, userId, user.phone, now);
    await audit(true);
    await t.enqueue([eraseStepTask(erasure.id, FIRST_STEP, 0, now)]);
    return { erasedAt: erasure.erased_at, revoked };
  });
  for (const id of revoked) deps.tokens.revocations.markRevoked(id);
  return { erased_at: erasedAt.toISOString() };
}
