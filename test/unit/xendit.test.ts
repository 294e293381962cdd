import { describe, expect, it } from 'vitest';
import { callbackTokenMatches } from '../../shared/payments/receive-callback';
import {
  buildCreateInvoiceRequest,
  XENDIT_TIMEOUT_MS,
  XenditError,
  XenditProvider,
  XenditTimeout,
} from '../../shared/adapters/gcp/xendit';

describe('Xendit adapter', () => {
  it('builds the exact invoice request: Basic auth with the secret key, idempotency key = external id, IDR amount and duration', () => {
    const req = buildCreateInvoiceRequest('https://api.xendit.co', 'xnd_secret', {
      externalId: 'session:5b1c',
      amountIdr: 25000,
      description: 'Halo Bestie 30 menit',
      durationSeconds: 900,
      successRedirectUrl: 'halobestie://payment/success',
    });
    expect(req).toEqual({
      url: 'https://api.xendit.co/v2/invoices',
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from('xnd_secret:').toString('base64')}`,
        'content-type': 'application/json',
        'x-idempotency-key': 'session:5b1c',
      },
      body: JSON.stringify({
        external_id: 'session:5b1c',
        amount: 25000,
        currency: 'IDR',
        description: 'Halo Bestie 30 menit',
        invoice_duration: 900,
        success_redirect_url: 'halobestie://payment/success',
      }),
    });
  });

  it('sends exactly that request over fetch (create) and a Basic-authenticated GET (get), nothing else', async () => {
    const calls: Array<{ url: string; init: { method: string; headers: Record<string, string>; body?: string } }> = [];
    const invoice = {
      id: 'inv_9',
      external_id: 'extension:7f3e',
      status: 'PENDING',
      amount: 45000,
      currency: 'IDR',
      invoice_url: 'https://checkout.xendit.co/web/inv_9',
      expiry_date: '2026-11-22T10:15:00.000Z',
    };
    const provider = new XenditProvider('https://api.xendit.co', 'xnd_secret', async (url, init) => {
      expect(init.signal).toBeInstanceOf(AbortSignal);
      const { signal: _signal, ...rest } = init;
      calls.push({ url, init: rest });
      return { status: 200, json: async () => invoice };
    });
    await provider.createInvoice({
      externalId: 'extension:7f3e',
      amountIdr: 45000,
      description: 'Perpanjangan 60 menit',
      durationSeconds: 900,
      successRedirectUrl: 'halobestie://payment/success?session_id=s1&extension_id=7f3e',
      failureRedirectUrl: 'halobestie://payment/failed?session_id=s1&extension_id=7f3e',
    });
    await provider.getInvoice('inv_9');
    const basic = `Basic ${Buffer.from('xnd_secret:').toString('base64')}`;
    expect(calls).toEqual([
      {
        url: 'https://api.xendit.co/v2/invoices',
        init: {
          method: 'POST',
          headers: { authorization: basic, 'content-type': 'application/json', 'x-idempotency-key': 'extension:7f3e' },
          body: JSON.stringify({
            external_id: 'extension:7f3e',
            amount: 45000,
            currency: 'IDR',
            description: 'Perpanjangan 60 menit',
            invoice_duration: 900,
            success_redirect_url: 'halobestie://payment/success?session_id=s1&extension_id=7f3e',
            failure_redirect_url: 'halobestie://payment/failed?session_id=s1&extension_id=7f3e',
          }),
        },
      },
      { url: 'https://api.xendit.co/v2/invoices/inv_9', init: { method: 'GET', headers: { authorization: basic } } },
    ]);
  });

  it('maps the response and raises XenditError on non-2xx', async () => {
    const calls: Array<{ url: string; method: string }> = [];
    let status = 200;
    const provider = new XenditProvider('https://api.xendit.co', 'k', async (url, init) => {
      calls.push({ url, method: init.method });
      return {
        status,
        json: async () =>
          status === 200
            ? {
                id: 'inv_1',
                external_id: 'session:1',
                status: 'PENDING',
                amount: 25000,
                currency: 'IDR',
                invoice_url: 'https://checkout.xendit.co/web/inv_1',
                expiry_date: '2026-11-22T10:00:00.000Z',
              }
            : { error_code: 'INVALID_API_KEY' },
      };
    });
    expect(await provider.getInvoice('inv_1')).toEqual({
      id: 'inv_1',
      externalId: 'session:1',
      status: 'PENDING',
      amount: 25000,
      currency: 'IDR',
      invoiceUrl: 'https://checkout.xendit.co/web/inv_1',
      expiresAt: new Date('2026-11-22T10:00:00.000Z'),
    });
    expect(calls[0]).toEqual({ url: 'https://api.xendit.co/v2/invoices/inv_1', method: 'GET' });
    status = 401;
    await expect(
      provider.createInvoice({ externalId: 'x', amountIdr: 1, description: '', durationSeconds: 60 }),
    ).rejects.toBeInstanceOf(XenditError);
  });
});

describe('Xendit calls time out', () => {
  // A fetch that never answers, as a silent Xendit would: it settles only when the call's signal aborts.
  const silent = (url: string, init: { signal: AbortSignal }) =>
    new Promise<never>((_, reject) => init.signal.addEventListener('abort', () => reject(init.signal.reason)));

  it('abandons a create or a get that gets no answer within the timeout (10 s by default)', async () => {
    expect(XENDIT_TIMEOUT_MS).toBe(10_000);
    const provider = new XenditProvider('https://api.xendit.co', 'k', silent, 50);
    const started = Date.now();
    await expect(
      provider.createInvoice({ externalId: 'session:1', amountIdr: 25000, description: '', durationSeconds: 300 }),
    ).rejects.toBeInstanceOf(XenditTimeout);
    await expect(provider.getInvoice('inv_1')).rejects.toBeInstanceOf(XenditTimeout);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('also when the headers came but the body stalls', async () => {
    const provider = new XenditProvider(
      'https://api.xendit.co',
      'k',
      async (url, init) => ({ status: 200, json: () => silent(url, init) }),
      50,
    );
    await expect(provider.getInvoice('inv_1')).rejects.toBeInstanceOf(XenditTimeout);
  });
});

describe('the callback token check', () => {
  it('accepts only the exact token, whatever the lengths; refuses everything when no token is configured', () => {
    expect(callbackTokenMatches('s3cret-token', 's3cret-token')).toBe(true);
    for (const given of ['s3cret-toke', 's3cret-token ', 'S3cret-token', '', undefined, 'x'.repeat(10_000)])
      expect(callbackTokenMatches('s3cret-token', given)).toBe(false);
    expect(callbackTokenMatches(undefined, '')).toBe(false);
    expect(callbackTokenMatches('', '')).toBe(false);
  });
});
