import { describe, expect, it } from 'vitest';
import { listen } from '../../shared/http/boot';

describe('function boot', () => {
  it('listens with plain node:http and keeps connections longer than Google’s front end', async () => {
    const server = await listen((_req, res) => res.end('ok'), 0, '127.0.0.1');
    try {
      const { port } = server.address() as { port: number };
      expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('ok');
      expect(server.keepAliveTimeout).toBeGreaterThan(600_000);
      expect(server.headersTimeout).toBeGreaterThan(server.keepAliveTimeout);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});
