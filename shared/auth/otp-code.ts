import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

export const OTP_TTL_SECONDS = 300;

/** Only the hash is stored, salted with the request id so equal codes never look alike. */
export const otpCodeHash = (id: string, code: string) => createHash('sha256').update(`${id}:${code}`).digest();

export const newOtpCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

export function otpCodeMatches(id: string, storedHashHex: string, code: string): boolean {
  const expected = Buffer.from(storedHashHex, 'hex');
  const given = otpCodeHash(id, code);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export const secondsBetween = (later: Date, earlier: Date) => (later.getTime() - earlier.getTime()) / 1000;
