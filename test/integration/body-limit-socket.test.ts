import { request as httpRequest, Agent } from 'node:http';
import { connect } from 'node:net';
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

/**
 * A client that writes its whole body before it reads a byte (as many do): a raw socket, paused until
 * the last byte is written, so the answer waits in its receive buffer. A server that closes with body
 * bytes unread sends a reset, and a reset throws that buffer away: the client then sees the reset, not
 * the 413.
 */
function sendWhole(port: number, path: string, bytes: number) {
  return new Promise<{ raw?: string; error?: string }>((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.pause();
    let raw = '';
    socket.on('error', (err) => resolve({ error: (err as NodeJS.ErrnoException).code ?? err.message }));
    socket.on('data', (c) => (raw += c.toString('latin1')));
    socket.on('end', () => resolve({ raw }));
    socket.write(
      `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${bytes}\r\n\r\n`,
    );
    socket.write(Buffer.alloc(bytes, 'x'), () => socket.resume());
  });
}

describe('a 2 MB body to a public route, over a real socket', () => {
  it('lets the client read its 413 (the rest of the body is drained, not reset), ten times over', async () => {
    const s = stack();
    const gateway = createLocalGateway(s.rt, s.apps);
    const srv = await new Promise<ServerType>((resolve) => {
      const x = serve({ fetch: gateway.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(x));
    });
    try {
      const port = (srv.address() as { port: number }).port;
      for (let i = 0; i < 10; i++) {
        const answer = await sendWhole(port, '/api/shared/auth/anonymous', 2 * 1024 * 1024);
        expect(answer.error).toBeUndefined();
        expect(answer.raw).toMatch(/^HTTP\/1\.1 413 /);
        expect(answer.raw).toContain('"PAYLOAD_TOO_LARGE"');
      }
      expect((await s.rt.db.query('SELECT count(*)::int AS n FROM customers')).rows[0].n).toBe(0);
    } finally {
      await new Promise<void>((r) => srv.close(() => r()));
    }
  });
});
