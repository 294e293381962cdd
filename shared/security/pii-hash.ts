import { createHmac } from 'node:crypto';

/**
 * A keyed hash of a personal value that must outlive its account (SPEC §13: "once per phone number
 * ever"): HMAC-SHA256 under PII_HASH_KEY, so the kept bytes name no number without the key, and a
 * leaked table cannot be reversed by hashing every Indonesian mobile number. `kind` separates the
 * domains, so a phone number and a device id never hash alike.
 */
export function piiHash(key: string, kind: 'phone' | 'device', value: string): Buffer {
  return createHmac('sha256', key).update(`${kind}\u0000${value}`).digest();
}
