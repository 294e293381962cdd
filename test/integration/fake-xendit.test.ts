import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XenditError, XenditProvider } from '../../shared/adapters/gcp/xendit';
import { createPool, type Db } from '../../shared/db/pool';
import { freePort } from '../../scripts/local/free-port';
import { startFakeXendit } from '../../scripts/local/fake-xendit';
import { createTestDatabase } from '../helpers/db';
import { json } from '../helpers/http';

let db: Db;
let fake: { url: string; stop(): Promise<void> };
const callbacks: Array<{ token: string | undefined; body: Record<string, unknown> }> = [];
let receiver: ReturnType<typeof serve>;

beforeAll(async () => {
  db = createPool(await createTestDatabase());
  const sink = new Hono().post('/webhooks/xendit/invoice', async (c) => {
    callbacks.push({ token: c.req.header('x-callback-token'), body: await c.req.json() });
    return c.json({ ok: true });
  });
  receiver = serve({ fetch: sink.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => receiver.once('listening', r));
  const port = await freePort();
  fake = await startFakeXendit({
    db,
    port,
    secretKey: 'xnd_test',
    callbackToken: 'cb-token',
    callbackUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/xendit/invoice`,
    publicUrl: `http://127.0.0.1:${port}`,
    now: () => new Date(),
  });
});
afterAll(async () => {
  await fake.stop();
  receiver.close();
  await db.end();
});

describe('the fake Xendit (local stand-in) through the real adapter', () => {
  it('creates invoices idempotently per external id, reads them back, refuses a wrong key', async () => {
    const xendit = new XenditProvider(fake.url, 'xnd_test');
    const a = await xendit.createInvoice({
      externalId: 'session:1',
      amountIdr: 25000,
      description: '30 menit',
      durationSeconds: 900,
    });
    expect(a).toMatchObject({ externalId: 'session:1', status: 'PENDING', amount: 25000, currency: 'IDR' });
    expect(a.expiresAt.getTime() - Date.now()).toBeGreaterThan(890_000);
    const again = await xendit.createInvoice({
      externalId: 'session:1',
      amountIdr: 25000,
      description: '30 menit',
      durationSeconds: 900,
    });
    expect(again.id).toBe(a.id);
    expect((await xendit.getInvoice(a.id)).status).toBe('PENDING');
    await expect(new XenditProvider(fake.url, 'wrong').getInvoice(a.id)).rejects.toMatchObject({ status: 401 });
    await expect(xendit.getInvoice('inv_missing')).rejects.toBeInstanceOf(XenditError);
  });

  it('paying fires the callback with x-callback-token; expiring fires EXPIRED; callbacks can be re-sent', async () => {
    const xendit = new XenditProvider(fake.url, 'xnd_test');
    const inv = await xendit.createInvoice({
      externalId: 'extension:9',
      amountIdr: 45000,
      description: 'perpanjang',
      durationSeconds: 600,
    });
    const paid = await json(fetch(`${fake.url}/_fake/invoices/${inv.id}/pay`, { method: 'POST' }));
    expect(paid.callback_status).toBe(200);
    expect(callbacks.at(-1)).toMatchObject({
      token: 'cb-token',
      body: { id: inv.id, external_id: 'extension:9', status: 'PAID', paid_amount: 45000, currency: 'IDR' },
    });
    expect((await xendit.getInvoice(inv.id)).status).toBe('PAID');
    await fetch(`${fake.url}/_fake/invoices/${inv.id}/callback`, { method: 'POST' });
    expect(callbacks.filter((c) => c.body.id === inv.id)).toHaveLength(2);

    const other = await xendit.createInvoice({
      externalId: 'session:2',
      amountIdr: 25000,
      description: 'x',
      durationSeconds: 600,
    });
    await fetch(`${fake.url}/_fake/invoices/${other.id}/expire`, { method: 'POST' });
    expect(callbacks.at(-1)!.body).toMatchObject({ id: other.id, status: 'EXPIRED' });
  });

  it('pays without a callback, re-sends callbacks with overridden fields, expires lazily past the expiry date, and fakes an outage', async () => {
    const xendit = new XenditProvider(fake.url, 'xnd_test');
    const post = (path: string, body: unknown = {}) =>
      json(
        fetch(`${fake.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
      );
    const inv = await xendit.createInvoice({
      externalId: 'session:quiet',
      amountIdr: 25000,
      description: 'x',
      durationSeconds: 600,
    });
    const before = callbacks.length;
    expect((await post(`/_fake/invoices/${inv.id}/pay?callback=false`)).callback_status).toBeNull();
    expect(callbacks).toHaveLength(before);
    expect((await xendit.getInvoice(inv.id)).status).toBe('PAID');
    await post(`/_fake/invoices/${inv.id}/callback`, { amount: 1, currency: 'USD', status: 'SETTLED' });
    expect(callbacks.at(-1)!.body).toMatchObject({ id: inv.id, amount: 1, currency: 'USD', status: 'SETTLED' });
    expect(await json(fetch(`${fake.url}/_fake/invoices?external_id=session:quiet`))).toMatchObject({ id: inv.id });

    const short = await xendit.createInvoice({
      externalId: 'session:short',
      amountIdr: 1000,
      description: 'x',
      durationSeconds: 1,
    });
    await new Promise((r) => setTimeout(r, 1100));
    expect((await xendit.getInvoice(short.id)).status).toBe('EXPIRED'); // no callback: like a lost one

    expect(await post('/_fake/outage', { down: true })).toEqual({ down: true });
    await expect(xendit.getInvoice(inv.id)).rejects.toMatchObject({ status: 503 });
    await post('/_fake/outage', { down: false });
    expect((await xendit.getInvoice(inv.id)).status).toBe('PAID');
  });
});
