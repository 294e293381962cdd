import type { CreateInvoice, Invoice, InvoiceStatus, PaymentProvider } from '../../ports/payment-provider';

export interface XenditInvoiceJson {
  id: string;
  external_id: string;
  status: InvoiceStatus;
  amount: number;
  currency: string;
  invoice_url: string;
  expiry_date: string;
}

export interface XenditRequest {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
}

type Fetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; signal: AbortSignal },
) => Promise<{ status: number; json(): Promise<unknown> }>;

/**
 * How long one Xendit call may take, answer body included. Past it the call is abandoned and the caller
 * fails (the invoice task answers 503 and is retried under the same idempotency key, so a call that did
 * reach Xendit never makes a second invoice); without it a silent Xendit would hold the task and its
 * instance until Cloud Tasks gave up.
 */
export const XENDIT_TIMEOUT_MS = 10_000;

export function buildCreateInvoiceRequest(baseUrl: string, secretKey: string, input: CreateInvoice): XenditRequest {
  return {
    url: new URL('/v2/invoices', baseUrl).toString(),
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${secretKey}:`).toString('base64')}`,
      'content-type': 'application/json',
      // Xendit dedupes on this header: retrying the same external id never creates a second invoice.
      'x-idempotency-key': input.externalId,
    },
    body: JSON.stringify({
      external_id: input.externalId,
      amount: input.amountIdr,
      currency: 'IDR',
      description: input.description,
      invoice_duration: input.durationSeconds,
      ...(input.successRedirectUrl ? { success_redirect_url: input.successRedirectUrl } : {}),
      ...(input.failureRedirectUrl ? { failure_redirect_url: input.failureRedirectUrl } : {}),
    }),
  };
}

export function toInvoice(j: XenditInvoiceJson): Invoice {
  return {
    id: j.id,
    externalId: j.external_id,
    status: j.status,
    amount: j.amount,
    currency: j.currency,
    invoiceUrl: j.invoice_url,
    expiresAt: new Date(j.expiry_date),
  };
}

/** Xendit did not answer within the timeout: what it did with the request is unknown. */
export class XenditTimeout extends Error {
  constructor(readonly timeoutMs: number) {
    super(`Xendit did not answer within ${timeoutMs} ms`);
  }
}

export class XenditError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`Xendit answered ${status}`);
  }
}

/** Xendit's invoice API over fetch (the fake Xendit serves the same contract locally). */
export class XenditProvider implements PaymentProvider {
  constructor(
    private readonly baseUrl: string,
    private readonly secretKey: string,
    private readonly fetchImpl: Fetch = fetch as unknown as Fetch,
    private readonly timeoutMs = XENDIT_TIMEOUT_MS,
  ) {}

  private async send(req: XenditRequest): Promise<Invoice> {
    const signal = AbortSignal.timeout(this.timeoutMs);
    let res, body;
    try {
      res = await this.fetchImpl(req.url, { method: req.method, headers: req.headers, body: req.body, signal });
      body = await res.json();
    } catch (err) {
      if (signal.aborted) throw new XenditTimeout(this.timeoutMs);
      throw err;
    }
    if (res.status < 200 || res.status >= 300) throw new XenditError(res.status, body);
    return toInvoice(body as XenditInvoiceJson);
  }

  createInvoice(input: CreateInvoice): Promise<Invoice> {
    return this.send(buildCreateInvoiceRequest(this.baseUrl, this.secretKey, input));
  }

  getInvoice(id: string): Promise<Invoice> {
    return this.send({
      url: new URL(`/v2/invoices/${encodeURIComponent(id)}`, this.baseUrl).toString(),
      method: 'GET',
      headers: { authorization: `Basic ${Buffer.from(`${this.secretKey}:`).toString('base64')}` },
    });
  }
}
