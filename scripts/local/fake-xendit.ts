import { randomBytes, timingSafeEqual } from 'node:crypto';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { z } from 'zod';
import type { Queryable } from '../../shared/db/pool';

interface Row {
  id: string;
  external_id: string;
  status: string;
  amount: number;
  currency: string;
  description: string;
  expiry_date: Date;
  paid_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export interface FakeXenditOptions {
  db: Queryable;
  secretKey: string;
  callbackToken: string;
  /** Where invoice callbacks go (the payment-webhook route on the local base URL). */
  callbackUrl: string;
  publicUrl: string;
  now: () => Date;
  /** Sends a callback; default: fetch. Tests pass their in-process gateway so the callback is contract-checked. */
  deliver?: (url: string, init: { method: string; headers: Record<string, string>; body: string }) => Promise<Response>;
}

const createBody = z.object({
  external_id: z.string().min(1).max(255),
  amount: z.number().positive(),
  currency: z.literal('IDR').default('IDR'),
  description: z.string().max(1000).default(''),
  invoice_duration: z.number().int().positive().default(86400),
});

/** Stands in for Xendit's invoice API (the adapter's real contract) and fires its signed callbacks. */
export function createFakeXendit(o: FakeXenditOptions) {
  const app = new Hono();
  const json = (r: Row) => ({
    id: r.id,
    external_id: r.external_id,
    user_id: 'fake-user',
    status: r.status,
    merchant_name: 'Halo Bestie (fake)',
    amount: r.amount,
    currency: r.currency,
    description: r.description,
    expiry_date: r.expiry_date.toISOString(),
    invoice_url: `${o.publicUrl}/web/invoices/${r.id}`,
    created: r.created_at.toISOString(),
    updated: r.updated_at.toISOString(),
  });
  const authorised = (header: string | undefined) => {
    const expected = Buffer.from(`Basic ${Buffer.from(`${o.secretKey}:`).toString('base64')}`);
    const given = Buffer.from(header ?? '');
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
  const deliver = o.deliver ?? ((url, init) => fetch(url, init));
  // Like Xendit, an unpaid invoice past its expiry date is EXPIRED when read (its callback is a separate control).
  const find = async (id: string) =>
    (
      await o.db.query<Row>(
        `UPDATE fake_xendit_invoices SET status = CASE WHEN status = 'PENDING' AND expiry_date <= $2 THEN 'EXPIRED' ELSE status END
         WHERE id = $1 RETURNING *`,
        [id, o.now()],
      )
    ).rows[0];
  // A provider outage: every API call answers 503 until it is lifted (POST /_fake/outage {down}).
  let down = false;

  app.use('/v2/*', async (c, next) => {
    if (down) return c.json({ error_code: 'SERVER_ERROR', message: 'fake outage' }, 503);
    if (!authorised(c.req.header('authorization')))
      return c.json({ error_code: 'INVALID_API_KEY', message: 'API key is invalid' }, 401);
    await next();
  });

  app.post('/v2/invoices', async (c) => {
    const parsed = createBody.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) return c.json({ error_code: 'API_VALIDATION_ERROR', message: parsed.error.message }, 400);
    const b = parsed.data;
    const now = o.now();
    // Like Xendit with x-idempotency-key: the same external id returns the existing invoice.
    const { rows } = await o.db.query<Row>(
      `INSERT INTO fake_xendit_invoices (id, external_id, status, amount, currency, description, expiry_date, created_at, updated_at)
       VALUES ($1, $2, 'PENDING', $3, $4, $5, $6, $7, $7) ON CONFLICT (external_id) DO UPDATE SET external_id = EXCLUDED.external_id RETURNING *`,
      [
        `inv_${randomBytes(12).toString('hex')}`,
        b.external_id,
        Math.round(b.amount),
        b.currency,
        b.description,
        new Date(now.getTime() + b.invoice_duration * 1000),
        now,
      ],
    );
    return c.json(json(rows[0]!), 200);
  });

  app.get('/v2/invoices/:id', async (c) => {
    const row = await find(c.req.param('id'));
    return row ? c.json(json(row), 200) : c.json({ error_code: 'INVOICE_NOT_FOUND_ERROR', message: 'not found' }, 404);
  });

  /** Fires (or re-fires) the invoice callback with the x-callback-token header, as Xendit does. */
  const callback = async (row: Row, overrides: Record<string, unknown> = {}) => {
    const body = {
      ...json(row),
      paid_amount: row.status === 'PAID' ? row.amount : undefined,
      paid_at: row.paid_at?.toISOString(),
      payment_method: 'QR_CODE',
      payment_channel: 'QRIS',
      ...overrides,
    };
    const res = await deliver(o.callbackUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-callback-token': o.callbackToken },
      body: JSON.stringify(body),
    }).catch(() => undefined);
    const status = res?.status ?? 0;
    await res?.arrayBuffer();
    await o.db.query('UPDATE fake_xendit_invoices SET last_callback_status = $2 WHERE id = $1', [row.id, status]);
    return status;
  };

  /** The body may override callback fields (amount, currency, status, …); `?callback=false` sends none. */
  const overridesOf = async (c: import('hono').Context) => {
    const body = (await c.req.json().catch(() => ({}))) as unknown;
    return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  };
  const transition = (status: 'PAID' | 'EXPIRED') => async (c: import('hono').Context) => {
    const now = o.now();
    const { rows } = await o.db.query<Row>(
      `UPDATE fake_xendit_invoices SET status = $2, paid_at = CASE WHEN $2 = 'PAID' THEN $3::timestamptz ELSE paid_at END, updated_at = $3 WHERE id = $1 AND status = 'PENDING' RETURNING *`,
      [c.req.param('id'), status, now],
    );
    const row = rows[0] ?? (await find(c.req.param('id')!));
    if (!row) return c.json({ error: 'not found' }, 404);
    const overrides = await overridesOf(c);
    const status_ = c.req.query('callback') === 'false' ? null : await callback(row, overrides);
    return c.json({ invoice: json(row), callback_status: status_ }, 200);
  };
  // Test/dev controls: pay or expire an invoice; re-send (redeliver) its callback, optionally altered.
  app.post('/_fake/invoices/:id/pay', transition('PAID'));
  app.post('/_fake/invoices/:id/expire', transition('EXPIRED'));
  app.post('/_fake/invoices/:id/callback', async (c) => {
    const row = await find(c.req.param('id'));
    return row
      ? c.json({ callback_status: await callback(row, await overridesOf(c)) }, 200)
      : c.json({ error: 'not found' }, 404);
  });
  app.get('/_fake/invoices', async (c) => {
    const { rows } = await o.db.query<Row>('SELECT * FROM fake_xendit_invoices WHERE external_id = $1', [
      c.req.query('external_id') ?? '',
    ]);
    return rows[0] ? c.json(json((await find(rows[0].id))!), 200) : c.json({ error: 'not found' }, 404);
  });
  app.post('/_fake/outage', async (c) => {
    down = (await overridesOf(c)).down !== false;
    return c.json({ down }, 200);
  });
  app.get('/web/invoices/:id', async (c) => {
    const row = await find(c.req.param('id'));
    if (!row) return c.text('not found', 404);
    return c.html(`<!doctype html><title>Fake Xendit</title><h1>Invoice ${row.id}</h1><p>${row.description}</p><p>IDR ${row.amount} — ${row.status}</p>
<form method="post" action="/_fake/invoices/${row.id}/pay"><button>Pay (fake)</button></form>`);
  });
  return app;
}

export async function startFakeXendit(
  o: FakeXenditOptions & { port: number },
): Promise<{ url: string; stop(): Promise<void> }> {
  const app = createFakeXendit(o);
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: o.port, hostname: '127.0.0.1' }, () => resolve(s));
  });
  return { url: `http://127.0.0.1:${o.port}`, stop: () => new Promise((r) => server.close(() => r())) };
}
