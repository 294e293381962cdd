import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from '../../test/generated/api';

/** Every HTTP answer the scenario got, for the load report (5xx must stay 0). */
export class HttpTally {
  requests = 0;
  serverErrors: string[] = [];
  byStatus = new Map<number, number>();
  record(method: string, url: string, status: number) {
    this.requests++;
    this.byStatus.set(status, (this.byStatus.get(status) ?? 0) + 1);
    if (status >= 500) this.serverErrors.push(`${method} ${new URL(url).pathname} → ${status}`);
  }
}

/** The current access token of one app; refreshed in place, so the client always sends the newest. */
export interface TokenHolder {
  access?: string;
  refresh?: string;
}

/**
 * The stack as the apps see it: a client typed from the committed OpenAPI document (the same as
 * test/helpers/api-client.ts), plus the app's current bearer token and a tally of every answer.
 */
export function apiClient(baseUrl: string, tally: HttpTally, tokens?: TokenHolder) {
  const client = createClient<paths>({ baseUrl });
  const mw: Middleware = {
    onRequest({ request }) {
      if (tokens?.access) request.headers.set('authorization', `Bearer ${tokens.access}`);
      return request;
    },
    onResponse({ request, response }) {
      tally.record(request.method, request.url, response.status);
      return response;
    },
  };
  client.use(mw);
  return client;
}

export type ApiClient = ReturnType<typeof apiClient>;

/** Unwraps an openapi-fetch answer: the data on 2xx, else an error naming the call, status and body. */
export async function ok<T>(
  what: string,
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<NonNullable<T>> {
  const r = await call;
  if (!r.response.ok) {
    throw new Error(`${what}: HTTP ${r.response.status} ${JSON.stringify(r.error ?? '').slice(0, 400)}`);
  }
  return r.data as NonNullable<T>;
}

/** A plain call for what the document does not describe (the fake Xendit's controls). */
export async function rawJson(tally: HttpTally, what: string, url: string, init?: RequestInit): Promise<unknown> {
  const res = await fetch(url, init);
  tally.record(init?.method ?? 'GET', url, res.status);
  const text = await res.text();
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status} ${text.slice(0, 400)}`);
  return text ? JSON.parse(text) : undefined;
}
