import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mayRead, renderFirestoreRules } from '../../shared/realtime/access';

describe('Firestore access table', () => {
  it('terraform/firestore.rules is exactly what the table renders', () => {
    expect(readFileSync('terraform/firestore.rules', 'utf8')).toBe(renderFirestoreRules());
  });

  it('a customer reads only their own pairing docs, a mitra only their own offers', () => {
    expect(mayRead('customers/42/pairing/current', 'c_42')).toBe(true);
    expect(mayRead('customers/42/pairing/current', 'c_43')).toBe(false);
    expect(mayRead('customers/42/pairing/current', 'm_42')).toBe(false);
    expect(mayRead('mitras/7/offers/r1', 'm_7')).toBe(true);
    expect(mayRead('mitras/7/offers/r1', 'c_7')).toBe(false);
  });

  it('session docs are read by participants only; config/public by anyone signed in; nothing else', () => {
    const participants = (id: string) => (id === 's1' ? ['c_1', 'm_2'] : []);
    expect(mayRead('sessions/s1/messages/m', 'c_1', participants)).toBe(true);
    expect(mayRead('sessions/s1', 'm_2', participants)).toBe(true);
    expect(mayRead('sessions/s1/messages/m', 'c_9', participants)).toBe(false);
    expect(mayRead('config/public', 'c_1')).toBe(true);
    expect(mayRead('config/public', undefined)).toBe(false);
    expect(mayRead('secrets/x', 'c_1')).toBe(false);
  });
});
