/** How the control center's search box reads a query (every users list filters with it). */

/** `%…%` for ILIKE with the caller's wildcards taken literally. */
export const likePattern = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** What a search string may mean as a phone: its digits, a leading 0 read as Indonesia's 62 (phones are E.164). */
export function phoneDigits(q: string): string | null {
  const digits = q.replace(/\D/g, '');
  if (digits.length < 3) return null;
  return digits.startsWith('0') ? `62${digits.slice(1)}` : digits;
}
