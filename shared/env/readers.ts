/**
 * How each variable of the spec (shared/env/index.ts) is read. One rule for all: a variable that is unset or
 * blank takes its default (or is missing, if it has none). Read by hand rather than by a zod schema: the
 * schema cost ~4 ms of every cold start to build and run once (docs/boot.md).
 */
export class Invalid extends Error {}
const invalid = (message: string): never => {
  throw new Invalid(message);
};
export type Raw = string | undefined;
export type Reader<T> = (raw: Raw) => T;

const blank = (raw: Raw): raw is undefined => raw === undefined || raw.trim() === '';

/** Unset → undefined: the value is optional. */
export const optional: Reader<string | undefined> = (raw) => (blank(raw) ? undefined : raw);

/** Unset → the default; with no default, the variable is required. */
export const text =
  (def?: string): Reader<string> =>
  (raw) =>
    blank(raw) ? (def ?? invalid('required')) : raw;

export const oneOf =
  <const V extends readonly string[]>(values: V, def: V[number]): Reader<V[number]> =>
  (raw) =>
    blank(raw)
      ? def
      : (values.find((v) => v === raw.trim()) ?? invalid(`expected one of ${values.join(' | ')}, got "${raw}"`));

const booleanWord = oneOf(['true', 'false', '1', '0'], 'false');
export const bool =
  (def: boolean): Reader<boolean> =>
  (raw) =>
    blank(raw) ? def : ['true', '1'].includes(booleanWord(raw));

/** Unset → undefined, so the caller can choose a default from other variables; otherwise a boolean word. */
export const optionalBool: Reader<boolean | undefined> = (raw) => (blank(raw) ? undefined : bool(false)(raw));

/** A whole number in decimal digits, at least `min`. */
export const int =
  (def: number, min = 0): Reader<number> =>
  (raw) => {
    if (blank(raw)) return def;
    if (!/^\d+$/.test(raw.trim())) return invalid(`expected a whole number, got "${raw}"`);
    const n = Number(raw.trim());
    return Number.isSafeInteger(n) && n >= min ? n : invalid(`expected a whole number ≥ ${min}, got ${raw.trim()}`);
  };

/** Anything WHATWG's URL parser takes, trimmed. */
export const url =
  (def?: string): Reader<string> =>
  (raw) => {
    const value = text(def)(raw).trim();
    return URL.canParse(value) ? value : invalid(`expected a URL, got "${value}"`);
  };

/** Unset → undefined; otherwise a URL. */
export const optionalUrl: Reader<string | undefined> = (raw) => (blank(raw) ? undefined : url()(raw));

export const matching =
  (pattern: RegExp, message: string): Reader<string | undefined> =>
  (raw) => {
    const value = optional(raw);
    return value === undefined || pattern.test(value) ? value : invalid(message);
  };
