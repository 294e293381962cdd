import { describe, expect, it } from 'vitest';
import { buildCreateInvoiceRequest, XenditError, XenditProvider } from '../../shared/adapters/gcp/xendit';

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
