import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { AppError } from '../errors';

/** Indonesian numbers in any common form (08…, 62…, +62…, with spaces or dashes) → E.164. */
export function normaliseIndonesianPhone(input: string): string {
  const compact = input.replace(/[\s().-]/g, '');
  const withPlus = /^62\d/.test(compact) ? `+${compact}` : compact;
  const parsed = /^\+?\d{6,16}$/.test(withPlus) ? parsePhoneNumberFromString(withPlus, 'ID') : undefined;
  if (!parsed || !parsed.isValid() || parsed.country !== 'ID') {
    throw new AppError('PHONE_INVALID', 'Nomor telepon tidak valid (gunakan nomor Indonesia)');
  }
  return parsed.number;
}
