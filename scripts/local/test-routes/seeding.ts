import type { Clock } from '../../../shared/clock';
import type { Db } from '../../../shared/db/pool';
import { normaliseIndonesianPhone } from '../../../shared/auth';
import { findOrCreateMitraByPhone, updateMitraByOperator } from '../../../shared/users';

/** Test routes only: creates (or finds) a mitra by phone, active by default; a repeat edits what it names as an operator would. */
export async function seedMitra(
  db: Db,
  clock: Clock,
  input: { phone: string; display_name?: string; is_active?: boolean },
): Promise<{ mitra_id: string; created: boolean }> {
  const phone = normaliseIndonesianPhone(input.phone);
  const now = clock.now();
  const { mitra, created } = await findOrCreateMitraByPhone(db, phone, now, {
    display_name: input.display_name,
    is_active: input.is_active ?? true,
  });
  if (!created && (input.display_name !== undefined || input.is_active !== undefined)) {
    await updateMitraByOperator(db, mitra.id, { display_name: input.display_name, is_active: input.is_active }, now);
  }
  return { mitra_id: mitra.id, created };
}
