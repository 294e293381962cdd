import type { MiddlewareHandler } from 'hono';
import { AppError } from '../errors';

/**
 * SPEC §3's one text rule for every input, webhooks included: a NUL or other control character (C0
 * except newline and tab, DEL, C1) or a lone UTF-16 surrogate (JSON's "\ud800" escape: not a character,
 * and Postgres refuses it in text and jsonb) is a 400 before anything is stored, never a 500 from
 * Postgres. Names add their own stricter schema on top.
 */
// With the u flag a surrogate pair is one code point, so \p{Cs} matches only a lone surrogate.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]|\p{Cs}/u;
const forbidden = (s: string) => FORBIDDEN.test(s);

function findControl(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return forbidden(value) ? path || '(body)' : undefined;
  if (depth > 32) return path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findControl(value[i], `${path}${path ? '.' : ''}${i}`, depth + 1);
      if (hit) return hit;
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const key = `${path}${path ? '.' : ''}${k}`;
      if (forbidden(k)) return key;
      const hit = findControl(v, key, depth + 1);
      if (hit) return hit;
    }
  }
  return undefined;
}

const controlError = (where: string) =>
  new AppError('BAD_REQUEST', 'Teks berisi karakter yang tidak diizinkan', {
    issues: [
      { path: where, message: 'contains a NUL, a control character or a lone surrogate', code: 'invalid_string' },
    ],
  });

export const rejectControlCharacters: MiddlewareHandler = async (c, next) => {
  const path = c.req.path;
  if (path.includes('%')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      throw new AppError('BAD_REQUEST', 'Alamat (path) tidak valid');
    }
    if (forbidden(decoded)) throw controlError('path');
  }
  if (c.req.url.includes('?')) {
    for (const [k, v] of new URL(c.req.url).searchParams) {
      if (forbidden(k) || forbidden(v)) throw controlError(`query.${k}`);
    }
  }
  if (c.req.header('content-type')?.includes('json') && c.req.header('content-length') !== '0') {
    // Parsed once: Hono caches it for the route's validator. Invalid JSON is left to the validator's 400.
    const body: unknown = await c.req.json().catch(() => undefined);
    const hit = findControl(body, '');
    if (hit) throw controlError(hit);
  }
  await next();
};
