import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS, defaultConfig } from '../../shared/config';
import { normalise } from '../../shared/safety/normalise';
import { screenText } from '../../shared/safety/screen';

const rules = defaultConfig().safety_rules;

describe('the normaliser (SPEC §15: case, repeated letters, digits for letters, spacing tricks)', () => {
  it.each([
    ['BUNUH DIRIII!!!', 'bunuh diri'],
    ['p3ng3n m4t1', 'pengen mati'],
    ['b u n u h d i r i', 'bunuhdiri'],
    ['bunuh.diri', 'bunuh diri'],
    ['bun*h  diri', 'bunh diri'],
    ['ｂｕｎｕｈ ｄｉｒｉ', 'bunuh diri'],
    ['mátì', 'mati'],
    ['bu\u200bnuh diri', 'bunuh diri'],
    ['jam 08.30', 'jam 08 30'],
  ])('words form of %j is %j', (text, words) => {
    expect(normalise(text).words).toBe(words);
  });

  it.each([
    ['0812 3456 7890', '081234567890'],
    ['0812-3456-7890', '081234567890'],
    ['0812 . 3456 . 7890', '081234567890'],
    ['+62 812-3456-7890', '+6281234567890'],
    ['62 812 3456 7890', '6281234567890'],
    ['0 8 1 2 3 4 5 6 7 8 9 0', '081234567890'],
    // A time, a date and a price keep their separators: no phone rule sees a number in them.
    ['jam 08.30', 'jam 08.30'],
    ['08-12-2024 08.30', '08-12-2024 08.30'],
    ['jam 10.00 - 12.00', 'jam 10.00 - 12.00'],
    ['Rp 150.000', 'rp 150000'],
    ['Budi.Santoso@Gmail.com', 'budi.santoso@gmail.com'],
  ])('text form of %j is %j', (text, form) => {
    expect(normalise(text).text).toBe(form);
  });
});

describe('the safety rules as config (settings section safety)', () => {
  it('the shipped defaults are valid config: every rule compiles, ids are unique, words-form rules write letters once', () => {
    expect(CONFIG_KEYS.safety_rules.schema.safeParse(rules).success).toBe(true);
    expect(CONFIG_KEYS.crisis_resources.schema.safeParse(defaultConfig().crisis_resources).success).toBe(true);
  });

  it('refuses a pattern that does not compile, a doubled letter in a words-form pattern, and a duplicate id', () => {
    const rule = { id: 'x.y', category: 'self_harm', form: 'words', pattern: 'mati' };
    const parse = (r: object[]) => CONFIG_KEYS.safety_rules.schema.safeParse(r).success;
    expect(parse([rule])).toBe(true);
    expect(parse([{ ...rule, pattern: '(mati' }])).toBe(false);
    expect(parse([{ ...rule, pattern: 'bunuh diri sendiri lagii' }])).toBe(false);
    expect(parse([{ ...rule, form: 'text', pattern: 'https?://' }])).toBe(true);
    expect(parse([{ ...rule, pattern: String.raw`\bbunuh` }])).toBe(true); // an escape, not a doubled letter
    expect(parse([rule, rule])).toBe(false);
  });

  it('names at most one rule per category, the first that matches', () => {
    expect(screenText('aku pengen bunuh diri, wa aku 081234567890', rules)).toEqual([
      { category: 'self_harm', rule_id: 'self_harm.bunuh_diri' },
      { category: 'contact_info', rule_id: 'contact_info.phone_id' },
    ]);
    expect(screenText('halo kak', rules)).toEqual([]);
  });

  it('screens the longest message quickly, whatever it holds (no rule backtracks out of bounds)', () => {
    const samples = [
      'a'.repeat(4000),
      'aku '.repeat(1000),
      '0 8 '.repeat(1000),
      'mau '.repeat(1000),
      '@a.'.repeat(1333),
    ];
    for (const text of samples) {
      const t0 = performance.now();
      screenText(text, rules);
      expect([text.slice(0, 8), performance.now() - t0 < 250]).toEqual([text.slice(0, 8), true]);
    }
  });
});
