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
  init: { method: string; headers: Record<string, string>; body?: string },
) => Promise<{ status: number; json(): Promise<unknown> }>;

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
  ) {}

  private async send(req: XenditRequest): Promise<Invoice> {
    const res = await this.fetchImpl(req.url, { method: req.method, headers: req.headers, body: req.body });
    const body = await res.json();
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
