import { request as httpRequest } from 'node:http';
import { serve, type ServerType } from '@hono/node-server';
import { decodeJwt } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { createLocalGateway } from '../../scripts/local/apps';
import { useTestStack } from '../helpers/runtime';

// The gateway over a real socket, where it rewrites X-Forwarded-For on Node's parsed headers (as the
// load balancer does on the wire) instead of on a Fetch Request.
const stack = useTestStack({ perFile: true });
let server: ServerType | undefined;
afterAll(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

async function gatewayPort(): Promise<number> {
  const s = stack();
  server ??= await new Promise<ServerType>((resolve) => {
    const srv = serve({ fetch: createLocalGateway(s.rt, s.apps).fetch, port: 0, hostname: '127.0.0.1' }, () =>
      resolve(srv),
    );
  });
  return (server.address() as { port: number }).port;
}

/** The caller's own address: not the gateway's (127.0.0.1), so the two cannot be confused. */
const CLIENT = '127.0.0.2';

/** POST /api/shared/auth/anonymous with raw header lines (duplicates allowed), over its own socket. */
function anonymous(port: number, rawHeaders: string[]): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/shared/auth/anonymous',
        agent: false,
        localAddress: CLIENT,
      },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      },
    );
    req.on('error', reject);
    // setHeader with an array sends one line per value.
    const lines = new Map<string, string[]>();
    for (let i = 0; i < rawHeaders.length; i += 2) {
      const name = rawHeaders[i]!.toLowerCase();
      lines.set(name, [...(lines.get(name) ?? []), rawHeaders[i + 1]!]);
    }
    for (const [name, values] of lines) req.setHeader(name, values);
    req.setHeader('content-type', 'application/json');
    req.end('{}');
  });
}

async function recordedIp(body: string): Promise<unknown> {
  const sessionId = decodeJwt((JSON.parse(body) as { access_token: string }).access_token).session_id;
  const row = (await stack().rt.db.query('SELECT device_info FROM auth_sessions WHERE id = $1', [sessionId])).rows[0];
  return (row as { device_info: { ip?: string } }).device_info.ip;
}

describe('the gateway on a socket', () => {
  it('records the socket address as the client, whatever X-Forwarded-For the caller sent', async () => {
    const port = await gatewayPort();
    const spoofed = await anonymous(port, ['X-Forwarded-For', '10.9.9.9']);
    expect(spoofed.status).toBe(201);
    expect(await recordedIp(spoofed.body)).toBe(CLIENT);
  });

  it('treats repeated X-Forwarded-For lines as one list and still appends the socket address last', async () => {
    const port = await gatewayPort();
    const twice = await anonymous(port, ['X-Forwarded-For', '10.9.9.9', 'X-Forwarded-For', '10.8.8.8']);
    expect(twice.status).toBe(201);
    expect(await recordedIp(twice.body)).toBe(CLIENT);
  });

  it('answers a request without the header the same way', async () => {
    const port = await gatewayPort();
    const plain = await anonymous(port, ['User-Agent', 'HaloBestie/1.0 (Android)']);
    expect(plain.status).toBe(201);
    expect(await recordedIp(plain.body)).toBe(CLIENT);
  });
});

describe('the gateway in front of the functions', () => {
  it('answers the envelope when a function fails outside its own error handler, without calling it twice', async () => {
    const s = stack();
    let calls = 0;
    const failing = {
      fetch: () => {
        calls++;
        return Promise.reject(new Error('the function broke'));
      },
    };
    const gateway = createLocalGateway(s.rt, { ...s.apps, pairing: failing });
    const res = await gateway.fetch(new Request('http://127.0.0.1/api/client/availability'));
    expect(res.status).toBe(500);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('INTERNAL');
    expect(calls).toBe(1);
  });

  it('keeps its own routes and answers unknown paths with the 404 envelope', async () => {
    const s = stack();
    const gateway = createLocalGateway(s.rt, s.apps);
    expect((await gateway.fetch(new Request('http://127.0.0.1/healthz'))).status).toBe(200);
    expect((await gateway.fetch(new Request('http://127.0.0.1/openapi.json'))).status).toBe(200);
    const unknown = await gateway.fetch(new Request('http://127.0.0.1/nowhere'));
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });
});
