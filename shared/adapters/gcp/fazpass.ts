import type { Env } from '../../env';
import type { OtpProvider, OtpSendFailure } from '../../ports/otp-provider';

export const FAZPASS_DEFAULT_BASE_URL = 'https://api.fazpass.com';

export interface FazpassConfig {
  baseUrl?: string;
  merchantKey: string;
  gatewayKey: string;
  /** Per attempt; the whole send is bounded by about twice this (one retry). */
  timeoutMs?: number;
  /** Pause before the single retry after a connection that never opened. */
  retryDelayMs?: number;
}

/** What the adapter needs from fetch (tests inject one; production uses the global). */
export type FazpassFetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string; signal: AbortSignal },
) => Promise<{ status: number; text(): Promise<string> }>;

export interface FazpassRequest {
  url: string;
  method: 'POST';
  headers: Record<string, string>;
  body: string;
}

interface FazpassAnswer {
  status?: unknown;
  message?: unknown;
  data?: { id?: unknown } | null;
}

/**
 * A send Fazpass did not accept; the auth service turns any throw into 503 OTP_SEND_FAILED. `retryable`:
 * the request never reached Fazpass (no connection), so sending it again cannot send a second SMS.
 * `maybeSent`: it did reach Fazpass and we do not know what Fazpass did (a timeout, a 5xx).
 */
export class FazpassError extends Error implements OtpSendFailure {
  constructor(
    message: string,
    readonly httpStatus?: number,
    readonly retryable = false,
    readonly maybeSent = false,
  ) {
    super(message);
    this.name = 'FazpassError';
  }
}

/** Failures of the connection itself, before a byte of the request could reach Fazpass. */
const NEVER_CONNECTED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function causeCode(err: unknown): string | undefined {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 5; e = e.cause as typeof e, i++)
    if (typeof e.code === 'string') return e.code;
  return undefined;
}

/** Fazpass wants the number as digits with the country code and no "+": 62812… */
export function fazpassPhone(e164: string): string {
  const digits = e164.replace(/\D/g, '');
  if (digits.length < 8) throw new FazpassError(`not a phone number: ${digits.length} digits`);
  return digits;
}

export function buildFazpassSendRequest(config: FazpassConfig, phone: string, code: string): FazpassRequest {
  return {
    url: new URL('/v1/otp/send', config.baseUrl ?? FAZPASS_DEFAULT_BASE_URL).toString(),
    method: 'POST',
    headers: {
      authorization: `Bearer ${config.merchantKey}`,
      'content-type': 'application/json',
      accept: 'application/json',
    },
    body: JSON.stringify({ phone: fazpassPhone(phone), otp: code, gateway_key: config.gatewayKey }),
  };
}

/**
 * Delivers the code we generated through Fazpass (we keep generation, limits, attempts and hashing;
 * Fazpass only sends). `status: false` or a non-2xx answer is a failed send.
 *
 * Fazpass's send API (POST /v1/otp/send: bearer merchant key; phone, otp, gateway_key) documents no
 * idempotency key, so a request that may have reached it is never sent again: after a timeout or a 5xx
 * Fazpass may already have handed the SMS to the carrier, and a retry would be a second SMS for the
 * same code. Only a connection that never opened (refused, no DNS answer, connect timeout) is retried,
 * once: the user is waiting on the request.
 */
export class FazpassOtpProvider implements OtpProvider {
  readonly name = 'fazpass';
  private readonly timeoutMs: number;
  private readonly retryDelayMs: number;

  constructor(
    private readonly config: FazpassConfig,
    private readonly fetchImpl: FazpassFetch = fetch as unknown as FazpassFetch,
  ) {
    if (!config.merchantKey || !config.gatewayKey) throw new FazpassError('merchant key and gateway key are required');
    this.timeoutMs = config.timeoutMs ?? 5000;
    this.retryDelayMs = config.retryDelayMs ?? 200;
  }

  async send({ phone, code }: { otpRequestId: string; phone: string; code: string }): Promise<{ providerRef: string }> {
    const request = buildFazpassSendRequest(this.config, phone, code);
    try {
      return await this.attempt(request);
    } catch (err) {
      if (!(err instanceof FazpassError) || !err.retryable) throw err;
      await new Promise((r) => setTimeout(r, this.retryDelayMs));
      return this.attempt(request);
    }
  }

  private async attempt(request: FazpassRequest): Promise<{ providerRef: string }> {
    let status: number;
    let text: string;
    try {
      const res = await this.fetchImpl(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      status = res.status;
      text = await res.text();
    } catch (err) {
      const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
      if (timedOut) throw new FazpassError(`no answer within ${this.timeoutMs} ms`, undefined, false, true);
      const code = causeCode(err);
      const neverConnected = code !== undefined && NEVER_CONNECTED.has(code);
      throw new FazpassError(`request failed: ${code ?? String(err)}`, undefined, neverConnected, !neverConnected);
    }
    if (status >= 500) throw new FazpassError(`answered ${status}`, status, false, true);
    if (status < 200 || status >= 300) throw new FazpassError(`answered ${status}: ${summary(text)}`, status);
    let answer: FazpassAnswer;
    try {
      answer = JSON.parse(text) as FazpassAnswer;
    } catch {
      throw new FazpassError(`answered ${status} with a body that is not JSON`, status);
    }
    if (answer.status !== true) throw new FazpassError(`refused the send: ${summary(answer.message)}`, status);
    const id = answer.data?.id;
    if (typeof id !== 'string' && typeof id !== 'number') throw new FazpassError('answer has no data.id', status);
    return { providerRef: String(id) };
  }
}

/** Provider messages go into errors (and so logs): keep them short, never the request. */
function summary(message: unknown): string {
  return String(typeof message === 'string' ? message : JSON.stringify(message ?? null)).slice(0, 200);
}

/** The runtime's choice when OTP_PROVIDER=fazpass (the env schema already demands both keys then). */
export function fazpassFromEnv(
  env: Pick<Env, 'FAZPASS_BASE_URL' | 'FAZPASS_MERCHANT_KEY' | 'FAZPASS_GATEWAY_KEY' | 'FAZPASS_TIMEOUT_MS'>,
  fetchImpl?: FazpassFetch,
): FazpassOtpProvider {
  return new FazpassOtpProvider(
    {
      baseUrl: env.FAZPASS_BASE_URL,
      merchantKey: env.FAZPASS_MERCHANT_KEY ?? '',
      gatewayKey: env.FAZPASS_GATEWAY_KEY ?? '',
      timeoutMs: env.FAZPASS_TIMEOUT_MS,
    },
    fetchImpl,
  );
}
