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

describe('Firestore access ends with the account (SPEC §13: the epoch)', () => {
  const participants = () => ['c_1', 'm_2'];
  const samples = [
    'config/public',
    'customers/1/pairing/current',
    'mitras/2/offers/r1',
    'sessions/s1',
    'sessions/s1/messages/m',
  ];
  const owner = (path: string) => (path.startsWith('mitras/') ? 'm_2' : 'c_1');

  it('the model refuses every document to a token whose epoch is not the stored one', () => {
    for (const path of samples) {
      const uid = owner(path);
      expect(mayRead(path, uid, participants, { token: 0, stored: undefined }), path).toBe(true);
      expect(mayRead(path, uid, participants, { token: 3, stored: 3 }), path).toBe(true);
      expect(mayRead(path, uid, participants, { token: 2, stored: 3 }), path).toBe(false);
      expect(mayRead(path, uid, participants, { token: 0, stored: 1 }), path).toBe(false);
      expect(mayRead(path, uid, participants, { token: undefined, stored: undefined }), path).toBe(false);
    }
  });

  it('the rendered rules say the same: every read needs the current epoch, read from users/{uid} (0 when absent)', () => {
    const rules = renderFirestoreRules();
    const allows = rules.split('\n').filter((l) => l.includes('allow read:'));
    expect(allows.length).toBeGreaterThan(1);
    for (const line of allows.filter((l) => !l.includes('if false'))) expect(line).toContain('&& epochCurrent()');
    expect(rules).toContain('let user = /databases/$(database)/documents/users/$(request.auth.uid);');
    expect(rules).toContain('return request.auth.token.epoch == (exists(user) ? get(user).data.epoch : 0);');
    // users/{uid} itself: no app reads it (only the catch-all matches it).
    expect(mayRead('users/c_1', 'c_1', participants)).toBe(false);
  });
});
