import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { pushPoster } from '../../scripts/local/push-poster';

describe('the local dispatcher poster', () => {
  it('POSTs the path, headers and body as given, returns the status, and keeps one connection for a sequence', async () => {
    const seen: Array<{ url?: string; method?: string; auth?: string; body: string }> = [];
    let connections = 0;
    const server = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push({ url: req.url, method: req.method, auth: req.headers.authorization, body });
        res.statusCode = seen.length === 1 ? 204 : 503;
        res.end();
      });
    });
    server.on('connection', () => connections++);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const poster = pushPoster(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    try {
      const headers = { authorization: 'Bearer oidc', 'content-type': 'application/json' };
      expect(await poster.deliver({ path: '/tasks/offer-timeout', headers, body: '{"a":1}' })).toBe(204);
      expect(await poster.deliver({ path: '/events/paired?x=1', headers, body: '{"b":"é"}' })).toBe(503);
      expect(seen).toEqual([
        { url: '/tasks/offer-timeout', method: 'POST', auth: 'Bearer oidc', body: '{"a":1}' },
        { url: '/events/paired?x=1', method: 'POST', auth: 'Bearer oidc', body: '{"b":"é"}' },
      ]);
      expect(connections).toBe(1);
    } finally {
      poster.close();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it('rejects when nothing listens, so the dispatcher retries later', async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((r) => server.close(() => r()));
    const poster = pushPoster(`http://127.0.0.1:${port}`);
    await expect(poster.deliver({ path: '/tasks/x', headers: {}, body: '' })).rejects.toThrow();
    poster.close();
  });
});
