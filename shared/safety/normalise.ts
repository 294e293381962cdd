/**
 * The two forms a message is screened in (SPEC §15). People who write around a filter change case,
 * stretch letters ("matiii"), write digits for letters ("m4t1"), and space or dot words apart
 * ("b u n u h d i r i", "bunuh.diri"); contact details hide in spaced or dotted digits
 * ("0812 3456 7890"). One form per kind of rule:
 *
 * - `words`: lower case, accents and invisible characters gone, digits inside words read as letters,
 *   punctuation as spaces, every run of one letter collapsed to one, spelled-out letters joined. Phrase
 *   rules (self-harm, "chat aku di wa") match here, written in the same collapsed form.
 * - `text`: lower case, accents and invisible characters gone, punctuation kept, letters as written;
 *   digit groups that read as one number (a phone written in blocks) joined, while a date, a time or a
 *   price keeps its separators. Structural rules (phone numbers, e-mail, links, @handles) match here.
 */

export interface NormalisedText {
  words: string;
  text: string;
}

const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '6': 'g',
  '7': 't',
  '8': 'b',
  '9': 'g',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'i',
};

/** NFKC folds full-width and stylised letters; NFD then drops the accents; format characters go. */
function base(text: string): string {
  return text
    .normalize('NFKC')
    .normalize('NFD')
    .replace(/[\p{Mn}\p{Cf}]/gu, '')
    .toLowerCase();
}

/** A token with a letter in it reads its digits and look-alike symbols as letters; a number stays a number. */
const readAsLetters = (token: string) =>
  /[a-z]/.test(token) ? token.replace(/[0-9@$!|]/g, (ch) => LEET[ch] ?? ch) : token.replace(/[^0-9]/g, '');

const collapseRepeats = (s: string) => s.replace(/([a-z])\1+/g, '$1');

/** Three or more one-letter tokens in a row are one word spelled out: "b u n u h" → "bunuh". */
function joinSpelledOut(tokens: string[]): string[] {
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length >= 3) out.push(run.join(''));
    else out.push(...run);
    run = [];
  };
  for (const t of tokens) {
    if (/^[a-z]$/.test(t)) run.push(t);
    else {
      flush();
      out.push(t);
    }
  }
  flush();
  return out;
}

export function wordsForm(text: string): string {
  const tokens = base(text)
    // A masked letter ("bun*h") closes up rather than splitting the word.
    .replace(/(?<=[a-z0-9])\*+(?=[a-z0-9])/g, '')
    .split(/[^a-z0-9@$!|]+/)
    .filter(Boolean)
    .map((t) => collapseRepeats(readAsLetters(t)))
    .filter(Boolean);
  return collapseRepeats(joinSpelledOut(tokens).join(' '));
}

/**
 * Digit groups separated by single spaces, dots or dashes: "0812 3456 7890", "+62 812-3456-7890",
 * "(021) 555 1234", "0 8 1 2 …". A run is joined into one number when it reads as one: it opens with a
 * country code or a group of three or more digits and every later group has two or more, or every group
 * is a single digit (spelled out). "08.30", "08-12-2024" and "12.08 08.30" open with two digits and
 * keep their separators, so no phone rule sees a number in them.
 */
const SEPARATOR = / ?[.-] ?| /;
const DIGIT_RUN = /(?:\(\+?\d+\)|\+?\d+)(?:(?: ?[.-] ?| )(?:\(\d+\)|\d+))+/g;

function joinNumberRun(run: string): string {
  const groups = run.split(SEPARATOR);
  const digits = groups.map((g) => g.replace(/[()+]/g, ''));
  const countryCode = digits[0] === '62' && (/[+(]/.test(groups[0]!) || digits[1]!.startsWith('8'));
  const opensLong = countryCode || digits[0]!.length >= 3;
  const blocks = opensLong && digits.slice(1).every((g) => g.length >= 2);
  const spelled = digits.length >= 8 && digits.every((g) => g.length === 1);
  if (!blocks && !spelled) return run;
  return (groups[0]!.includes('+') ? '+' : '') + digits.join('');
}

export function textForm(text: string): string {
  return base(text).replace(/\s+/g, ' ').trim().replace(DIGIT_RUN, joinNumberRun);
}

export function normalise(text: string): NormalisedText {
  return { words: wordsForm(text), text: textForm(text) };
}
