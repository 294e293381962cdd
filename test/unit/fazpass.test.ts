import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  buildFazpassSendRequest,
  FazpassError,
  FazpassOtpProvider,
  fazpassFromEnv,
  fazpassPhone,
} from '../../shared/adapters/gcp/fazpass';
import { parseEnv } from '../../shared/env';
import { generateSigningKeyPem } from '../../scripts/local/dev-keys';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}
type Reply = { status: number; body: string; delayMs?: number };

// A Fazpass stand-in on 127.0.0.1: records each request, answers from a script.
let server: Server;
let baseUrl: string;
let seen: Seen[] = [];
let replies: Reply[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      const reply = replies.shift() ?? { status: 500, body: '{}' };
      const send = () => res.writeHead(reply.status, { 'content-type': 'application/json' }).end(reply.body);
      if (reply.delayMs) setTimeout(send, reply.delayMs).unref();
      else send();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});
beforeEach(() => {
  seen = [];
  replies = [];
});

const ok = (id = 'fp-123') =>
  ({ status: 200, body: JSON.stringify({ status: true, message: 'OTP sent', data: { id, otp: '123456' } }) }) as Reply;
const provider = (timeoutMs = 1000) =>
  new FazpassOtpProvider({ baseUrl, merchantKey: 'mk-secret', gatewayKey: 'gw-key', timeoutMs, retryDelayMs: 1 });
const message = { otpRequestId: '7d1f0000-0000-4000-8000-000000000000', phone: '+6281234567890', code: '042917' };

describe('Fazpass OTP provider', () => {
  it('sends exactly POST /v1/otp/send with the bearer merchant key and {phone, otp, gateway_key}', async () => {
    replies = [ok('fp-123')];
    await expect(provider().send(message)).resolves.toEqual({ providerRef: 'fp-123' });
    expect(seen).toHaveLength(1);
    const [req] = seen;
    expect(req).toMatchObject({ method: 'POST', url: '/v1/otp/send' });
    expect(req!.headers.authorization).toBe('Bearer mk-secret');
    expect(req!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(req!.body)).toEqual({ phone: '6281234567890', otp: '042917', gateway_key: 'gw-key' });
  });

  it('builds the request against the public API by default', () => {
    const req = buildFazpassSendRequest({ merchantKey: 'm', gatewayKey: 'g' }, '+62 812-3456-7890', '000001');
    expect(req.url).toBe('https://api.fazpass.com/v1/otp/send');
    expect(JSON.parse(req.body)).toEqual({ phone: '6281234567890', otp: '000001', gateway_key: 'g' });
    expect(fazpassPhone('+6281234567890')).toBe('6281234567890');
    expect(() => fazpassPhone('+62')).toThrow(FazpassError);
  });

  // Fazpass documents no idempotency key for /v1/otp/send: a request that may have reached it is never
  // sent again (a second send would be a second SMS for one code).
  it('never sends again after a 5xx: Fazpass may have sent the SMS; the failure says so', async () => {
    replies = [{ status: 502, body: 'bad gateway' }, ok('fp-2')];
    const err = await provider()
      .send(message)
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'FazpassError', httpStatus: 502, retryable: false, maybeSent: true });
    expect(seen).toHaveLength(1);
  });

  it('never sends again after a timeout: the one request is all Fazpass ever sees', async () => {
    replies = [{ ...ok('late'), delayMs: 400 }, ok('fp-3')];
    const started = Date.now();
    const err = await provider(80)
      .send(message)
      .catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(350);
    expect(err).toMatchObject({ message: 'no answer within 80 ms', maybeSent: true });
    await new Promise((r) => setTimeout(r, 450)); // the late answer arrives; still one request
    expect(seen).toHaveLength(1);
  });

  it('treats status:false as a failed send, without retrying', async () => {
    replies = [{ status: 200, body: JSON.stringify({ status: false, message: 'Insufficient balance', data: null }) }];
    await expect(provider().send(message)).rejects.toThrow(/refused the send: Insufficient balance/);
    expect(seen).toHaveLength(1);
  });

  it('treats a 4xx as a failed send, without retrying', async () => {
    replies = [{ status: 401, body: JSON.stringify({ status: false, message: 'Unauthorized' }) }];
    const err = await provider()
      .send(message)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FazpassError);
    expect((err as FazpassError).httpStatus).toBe(401);
    expect(seen).toHaveLength(1);
  });

  it('refuses a 2xx whose body is not JSON or lacks data.id', async () => {
    replies = [{ status: 200, body: '<html>' }];
    await expect(provider().send(message)).rejects.toThrow(/not JSON/);
    replies = [{ status: 200, body: JSON.stringify({ status: true, message: 'ok', data: {} }) }];
    await expect(provider().send(message)).rejects.toThrow(/data\.id/);
  });

  it('retries once when the connection never opened (refused, no DNS): nothing reached Fazpass', async () => {
    const calls: string[] = [];
    const refused = Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
    });
    const p = new FazpassOtpProvider({ merchantKey: 'm', gatewayKey: 'g', retryDelayMs: 1 }, async (url) => {
      calls.push(url);
      throw refused;
    });
    await expect(p.send(message)).rejects.toMatchObject({ message: 'request failed: ECONNREFUSED', maybeSent: false });
    expect(calls).toEqual(['https://api.fazpass.com/v1/otp/send', 'https://api.fazpass.com/v1/otp/send']);
  });

  it('a connection cut after the request went out is not retried and may have sent', async () => {
    const calls: string[] = [];
    const reset = Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
    });
    const p = new FazpassOtpProvider({ merchantKey: 'm', gatewayKey: 'g', retryDelayMs: 1 }, async (url) => {
      calls.push(url);
      throw reset;
    });
    await expect(p.send(message)).rejects.toMatchObject({ maybeSent: true, retryable: false });
    expect(calls).toHaveLength(1);
  });

  it('against a real closed port: one retry, then a failure that says nothing was sent', async () => {
    // A port that was just free: nothing listens there, so the connection is refused.
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
    const closed = new FazpassOtpProvider({
      baseUrl: `http://127.0.0.1:${port}`,
      merchantKey: 'm',
      gatewayKey: 'g',
      retryDelayMs: 1,
    });
    await expect(closed.send(message)).rejects.toMatchObject({
      message: 'request failed: ECONNREFUSED',
      retryable: true,
      maybeSent: false,
    });
  });
});

describe('Fazpass env', () => {
  const base = {
    CLOUD_SQL_INSTANCE: 'p:asia-southeast2:halobestie',
    DATABASE_IAM_USER: 'fn-auth@p.iam',
    AUTH_SIGNING_KEY: generateSigningKeyPem(),
    RUNTIME: 'gcp',
    FUNCTION_URLS: '{"auth":"https://auth-1.asia-southeast2.run.app"}',
    TASKS_INVOKER_SERVICE_ACCOUNT: 'tasks-invoker@p.iam.gserviceaccount.com',
    OIDC_ALLOWED_SERVICE_ACCOUNTS: 'tasks-invoker@p.iam.gserviceaccount.com',
    IAP_AUDIENCE: '/projects/1/global/backendServices/2',
  };

  it('parses NODE_ENV=production OTP_PROVIDER=fazpass with the keys, and the provider is built from it', () => {
    const env = parseEnv(
      {
        ...base,
        NODE_ENV: 'production',
        OTP_PROVIDER: 'fazpass',
        FAZPASS_MERCHANT_KEY: 'mk',
        FAZPASS_GATEWAY_KEY: 'gk',
      },
      'auth',
    );
    expect(env).toMatchObject({ OTP_PROVIDER: 'fazpass', FAZPASS_BASE_URL: 'https://api.fazpass.com' });
    const p = fazpassFromEnv(env);
    expect(p.name).toBe('fazpass');
  });

  it('refuses to start with OTP_PROVIDER=fazpass and a key missing, naming it', () => {
    expect(() => parseEnv({ ...base, OTP_PROVIDER: 'fazpass', FAZPASS_MERCHANT_KEY: 'mk' }, 'auth')).toThrow(
      /FAZPASS_GATEWAY_KEY: required when OTP_PROVIDER=fazpass/,
    );
    expect(() => parseEnv({ ...base, OTP_PROVIDER: 'fazpass', FAZPASS_GATEWAY_KEY: 'gk' }, 'auth')).toThrow(
      /FAZPASS_MERCHANT_KEY: required when OTP_PROVIDER=fazpass/,
    );
    expect(() => parseEnv({ ...base, OTP_PROVIDER: 'sms-magic' }, 'auth')).toThrow(/OTP_PROVIDER/);
  });
});
