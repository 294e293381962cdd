import fc from 'fast-check';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import full from 'libphonenumber-js/metadata.min.json';
import { describe, expect, it } from 'vitest';
import idOnly from '../../shared/auth/phone-metadata-id.json';
import { normaliseIndonesianPhone } from '../../shared/auth/phone';

/** What normaliseIndonesianPhone did with the whole world's metadata (the package's default). */
function withFullMetadata(input: string): string {
  const compact = input.replace(/[\s().-]/g, '');
  const withPlus = /^62\d/.test(compact) ? `+${compact}` : compact;
  const parsed = /^\+?\d{6,16}$/.test(withPlus) ? parsePhoneNumberFromString(withPlus, 'ID') : undefined;
  if (!parsed || !parsed.isValid() || parsed.country !== 'ID') throw new Error('PHONE_INVALID');
  return parsed.number;
}
const outcome = (f: (s: string) => string, s: string) => {
  try {
    return f(s);
  } catch {
    return 'PHONE_INVALID';
  }
};

describe('Indonesian phone metadata', () => {
  it('is Indonesia’s entry of the installed libphonenumber-js metadata, exactly (regenerate it after an upgrade)', () => {
    expect(idOnly).toEqual({
      version: full.version,
      country_calling_codes: { '62': ['ID'] },
      countries: { ID: full.countries.ID },
      nonGeographic: {},
    });
  });

  it('accepts and normalises exactly what the whole metadata did', () => {
    const digits = (min: number, max: number) =>
      fc.array(fc.constantFrom(...'0123456789'), { minLength: min, maxLength: max }).map((d) => d.join(''));
    const prefix = fc.constantFrom(
      '',
      '0',
      '08',
      '+62',
      '62',
      '+628',
      '0062',
      '+1',
      '+44',
      '+65',
      '+60',
      '+',
      '(021) ',
    );
    const separated = fc
      .tuple(prefix, digits(0, 14), fc.constantFrom('', ' ', '-', '.'))
      .map(([p, d, sep]) => p + d.replace(/(\d{3})(?=\d)/g, `$1${sep}`));
    let valid = 0;
    fc.assert(
      fc.property(fc.oneof(separated, fc.string({ maxLength: 16 })), (input) => {
        const expected = outcome(withFullMetadata, input);
        expect(outcome(normaliseIndonesianPhone, input)).toBe(expected);
        if (expected !== 'PHONE_INVALID') valid++;
      }),
      { numRuns: 3000 },
    );
    expect(valid).toBeGreaterThan(150);
  });
});
