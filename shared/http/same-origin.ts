import type { MiddlewareHandler } from 'hono';
import { AppError } from '../errors';

/**
 * The control center's cookie routes (login, refresh, logout) act on the refresh cookie the browser
 * attaches, so a page on another site must not be able to make the operator's browser post to them
 * (sign the operator out, or in as someone else). The control center is served from the API's own
 * host, and every browser sends Origin on a POST, so: an Origin naming another host, or Fetch Metadata
 * saying cross-site, is a 403. A caller that is not a browser sends neither and is not a CSRF vector.
 */
export const sameOriginOnly: MiddlewareHandler = async (c, next) => {
  const origin = c.req.header('origin');
  const host = c.req.header('host') ?? new URL(c.req.url).host;
  let foreign = c.req.header('sec-fetch-site') === 'cross-site';
  if (origin !== undefined) {
    try {
      // "null" (a sandboxed or file: page) is foreign too: URL refuses it.
      foreign ||= new URL(origin).host !== host;
    } catch {
      foreign = true;
    }
  }
  if (foreign) throw new AppError('FORBIDDEN', 'Cross-site request refused');
  await next();
};
