import { z } from 'zod';
import { AppError } from './errors';

/** SPEC §3 lists: `{items, next_cursor}`. */
export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

/** Cursors are opaque to clients: base64url JSON of the last row's sort key. */
export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** A cursor that is not one we issued (or out of range for its schema) is a 400, never a 500. */
export function decodeCursor<T extends z.ZodType>(cursor: string | undefined, schema: T): z.infer<T> | undefined {
  if (cursor === undefined) return undefined;
  try {
    if (!/^[A-Za-z0-9_-]{1,512}$/.test(cursor)) throw new Error('not base64url');
    return schema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw AppError.invalid('cursor', 'The cursor is malformed or expired');
  }
}

/** Builds a page from limit + 1 fetched rows: the extra row only proves there is a next page. */
export function pageFrom<R, T>(rows: R[], limit: number, view: (r: R) => T, keyOf: (r: R) => unknown): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items: items.map(view), next_cursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}

/** Common cursor keys: a timestamp + id pair (newest first), or a sequence number. */
export const TimeIdCursor = z.tuple([z.string().datetime({ offset: true }), z.string().uuid()]);
export const SeqCursor = z.number().int().min(0).max(2_147_483_647);
export const BigIdCursor = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
