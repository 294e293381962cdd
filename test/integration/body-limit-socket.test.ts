import { request as httpRequest, Agent } from 'node:http';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, describe, expect, it } from 'vitest';
import { createLocalGateway } from '../../scripts/local/apps';
import { useTestStack } from '../helpers/runtime';

// Issue 12, finding 4: a 413 answered while the oversized body is still on the wire must not leave the
// rest of that body to be parsed as the next request on a keep-alive socket.
const stack = useTestStack({ perFile: true });
let server: ServerType | undefined;
afterAll(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

function send(agent: Agent, port: number, method: string, path: string, body?: string) {
  return new Promise<{ status: number; connection: string | undefined; body: string }>((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method, path, agent, headers: body ? { 'content-type': 'application/json' } : {} },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('an oversized body over a keep-alive connection', () => {
  it('gets 413 with Connection: close, and the next request (on a fresh socket) is answered normally', async () => {
    const s = stack();
    const gateway = createLocalGateway(s.rt, s.apps);
    server = await new Promise<ServerType>((resolve) => {
      const srv = serve({ fetch: gateway.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(srv));
    });
    const port = (server.address() as { port: number }).port;
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const big = JSON.stringify({ display_name: 'x'.repeat(600 * 1024) });
      const tooLarge = await send(agent, port, 'POST', '/api/shared/auth/anonymous', big);
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.connection).toBe('close');
      expect(JSON.parse(tooLarge.body).error.code).toBe('PAYLOAD_TOO_LARGE');
      for (let i = 0; i < 3; i++) expect((await send(agent, port, 'GET', '/api/shared/config')).status).toBe(200);
    } finally {
      agent.destroy();
    }
  });
});
