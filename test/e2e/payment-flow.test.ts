import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { Firestore } from '@google-cloud/firestore';
import { afterAll, describe, expect, it } from 'vitest';
import { json } from '../helpers/http';
import { spawnListenedStack, tempDataDir, type SpawnedStack } from '../helpers/spawn-stack';

const dataDir = tempDataDir();
const projectId = `e2e-pay-${randomBytes(4).toString('hex')}`;
let stack: SpawnedStack | undefined;
let fs: Firestore | undefined;
afterAll(async () => {
  await fs?.terminate();
  await stack?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a paid session end to end through the local stack and the fake Xendit', () => {
  it('request → accept → the customer’s listener sees xendit_invoice_url → paid at the fake Xendit → active', async () => {
    const listened = await spawnListenedStack(dataDir, projectId);
    ({ stack, fs } = listened);
    const { ports } = listened;
    const base = listened.stack.baseUrl;
    const post = (path: string, body: unknown, token?: string) =>
      fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });

    const phone = `08218${String(Date.now() % 1_000_000).padStart(6, '0')}1`;
    await json(post('/internal/_test/seed-mitra', { phone, display_name: 'Bestie Bayar', is_active: true }));
    const { otp_request_id } = await json(post('/api/mitra/auth/otp/request', { phone }));
    const { code } = await json(fetch(`${base}/internal/_test/otp/${otp_request_id}`));
    const mitra = await json(post('/api/mitra/auth/otp/verify', { otp_request_id, code }));
    expect((await post('/api/mitra/status/online', {}, mitra.access_token)).status).toBe(200);

    const customer = await json(post('/api/shared/auth/anonymous', { display_name: 'Sari' }));
    const req = await post(
      '/api/client/chat/request',
      { topic_sensitivity: 'regular', tier_id: 'tier_30' },
      customer.access_token,
    );
    expect(req.status).toBe(201);
    const { request_id } = await json(req);
    const won = await post(`/api/mitra/requests/${request_id}/accept`, {}, mitra.access_token);
    expect(won.status).toBe(200);
    const { session_id, session_status } = await json(won);
    expect(session_status).toBe('pending_payment');

    // The customer's listener on the session doc: every state it goes through, in order.
    const seen: Array<{ status?: string; url?: string | null }> = [];
    const active = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`never active; saw ${JSON.stringify(seen)}`)), 30_000);
      const unsub = fs!.doc(`sessions/${session_id}`).onSnapshot((snap) => {
        const d = snap.data();
        if (!d) return;
        seen.push({ status: d.status, url: d.xendit_invoice_url });
        if (d.status === 'active') {
          clearTimeout(timer);
          unsub();
          resolve();
        }
      }, reject);
    });
    const deadline = Date.now() + 20_000;
    while (!seen.some((d) => d.url) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const url = seen.find((d) => d.url)!.url!;
    expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${ports.xenditPort}/web/invoices/inv_`));
    expect(seen.find((d) => d.url)!.status).toBe('pending_payment');

    // The customer pays on the fake Xendit's page (its form posts here); the signed callback unlocks.
    const invoiceId = url.split('/').at(-1)!;
    const paid = await json(
      fetch(`http://127.0.0.1:${ports.xenditPort}/_fake/invoices/${invoiceId}/pay`, { method: 'POST' }),
    );
    expect(paid.callback_status).toBe(200);
    await active;
    const firstUrl = seen.findIndex((d) => d.url);
    const firstActive = seen.findIndex((d) => d.status === 'active');
    expect(firstUrl).toBeLessThan(firstActive);

    const mine = await json(
      fetch(`${base}/api/client/sessions/active`, { headers: { authorization: `Bearer ${customer.access_token}` } }),
    );
    expect(mine.session).toMatchObject({ id: session_id, status: 'active' });
  }, 120_000);
});
