import { normaliseIndonesianPhone } from '../auth';
import { tx } from '../db/tx';
import { AppError } from '../errors';
import { findMitra, findOrCreateMitraByPhone } from '../users';
import type { ControlCenterDeps } from './deps';
import { ccMitra } from './list-mitras';
import type { PiiAccess } from './masking';
import { insertAudit } from './repo/cc-audit-log';

/**
 * Pre-registers a mitra's phone (inactive unless told otherwise), so an operator can vet and activate
 * before the first OTP sign-in. A phone that already has a mitra is 409 PHONE_TAKEN.
 */
export async function registerMitra(
  deps: Pick<ControlCenterDeps, 'db' | 'clock'>,
  actorId: string,
  input: { phone: string; display_name?: string; is_active?: boolean },
  pii: PiiAccess,
) {
  const phone = normaliseIndonesianPhone(input.phone);
  const now = deps.clock.now();
  const id = await tx(deps.db, async (c) => {
    const { mitra, created } = await findOrCreateMitraByPhone(c, phone, now, {
      display_name: input.display_name,
      is_active: input.is_active ?? false,
    });
    if (!created) throw new AppError('PHONE_TAKEN', undefined, { mitra_id: mitra.id });
    await insertAudit(
      c,
      {
        kind: 'mitra_registered',
        actorId,
        targetType: 'mitra',
        targetId: mitra.id,
        details: { is_active: mitra.is_active, display_name: mitra.display_name },
      },
      now,
    );
    return mitra.id;
  });
  return ccMitra(deps, (await findMitra(deps.db, id))!, pii.mitras);
}
