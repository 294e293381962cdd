import { parsePhoneNumberFromString, type MetadataJson } from 'libphonenumber-js/core';
import { AppError } from '../errors';
// Indonesia's entry of libphonenumber-js's metadata alone (600 bytes, not the whole world's 83 KB parsed on
// every cold start): only Indonesian numbers are accepted. test/unit/phone.test.ts checks it against the package.
import metadata from './phone-metadata-id.json';

/** Indonesian numbers in any common form (08…, 62…, +62…, with spaces or dashes) → E.164. */
export function normaliseIndonesianPhone(input: string): string {
  const compact = input.replace(/[\s().-]/g, '');
  const withPlus = /^62\d/.test(compact) ? `+${compact}` : compact;
  const parsed = /^\+?\d{6,16}$/.test(withPlus)
    ? parsePhoneNumberFromString(withPlus, 'ID', metadata as MetadataJson)
    : undefined;
  if (!parsed || !parsed.isValid() || parsed.country !== 'ID') {
    throw new AppError('PHONE_INVALID', 'Nomor telepon tidak valid (gunakan nomor Indonesia)');
  }
  return parsed.number;
}
