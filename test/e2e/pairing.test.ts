import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { Firestore } from '@google-cloud/firestore';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '../helpers/db';
import { json } from '../helpers/http';
import { spawnStack, stackPorts, tempDataDir, type SpawnedStack } from '../helpers/spawn-stack';

const dataDir = tempDataDir();
const projectId = `e2e-${randomBytes(4).toString('hex')}`;
let stack: SpawnedStack | undefined;
let fs: Firestore | undefined;
afterAll(async () => {
  await fs?.terminate();
  await stack?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

function waitFor(
  path: string,
  predicate: (d: FirebaseFirestore.DocumentData | undefined) => boolean,
): Promise<FirebaseFirestore.DocumentData> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${path}`)), 20_000);
    const unsub = fs!.doc(path).onSnapshot((snap) => {
      if (predicate(snap.data())) {
        clearTimeout(timer);
        unsub();
        resolve(snap.data()!);
      }
    }, reject);
  });
}

describe('pairing end to end through the local stack', () => {
  it('customer requests → 3 online mitras get a push and an offer doc a listener sees → one accepts → the customer’s pairing doc flips to paired', async () => {
    process.env.FIRESTORE_EMULATOR_HOST = inject('firestoreHost');
    stack = await spawnStack(dataDir, await stackPorts(), {
      DATABASE_URL: await createTestDatabase(),
      FIRESTORE_EMULATOR_HOST: inject('firestoreHost'),
      FIREBASE_PROJECT_ID: projectId,
    });
    fs = new Firestore({ projectId });
    const base = stack.baseUrl;
    const post = (path: string, body: unknown, token?: string) =>
      fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });

    const mitras: Array<{ id: string; token: string }> = [];
    for (let i = 0; i < 3; i++) {
      const phone = `08219${String(Date.now() % 1_000_000).padStart(6, '0')}${i}`;
      await json(post('/internal/_test/seed-mitra', { phone, display_name: `Bestie ${i}`, is_active: true }));
      const { otp_request_id } = await json(post('/api/mitra/auth/otp/request', { phone }));
      const { code } = await json(fetch(`${base}/internal/_test/otp/${otp_request_id}`));
      const signed = await json(post('/api/mitra/auth/otp/verify', { otp_request_id, code }));
      expect(signed.access_token).toBeTruthy();
      const put = await fetch(`${base}/api/shared/device-token`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${signed.access_token}` },
        body: JSON.stringify({ fcm_token: `fcm-e2e-${signed.profile.id}`, device_id: 'phone', platform: 'android' }),
      });
      expect(put.status).toBe(204);
      expect((await post('/api/mitra/status/online', {}, signed.access_token)).status).toBe(200);
      mitras.push({ id: signed.profile.id, token: signed.access_token });
    }

    const customer = await json(post('/api/shared/auth/anonymous', { display_name: 'Rani' }));
    const request = await post(
      '/api/client/chat/request',
      { topic_sensitivity: 'regular', tier_id: 'tier_30' },
      customer.access_token,
    );
    expect(request.status).toBe(201);
    const { request_id, notified_mitras } = await json(request);
    expect(notified_mitras).toBe(3);

    const offers = await Promise.all(
      mitras.map((m) => waitFor(`mitras/${m.id}/offers/${request_id}`, (d) => d?.status === 'offered')),
    );
    expect(offers.every((o) => o.customer_display_name === 'Rani')).toBe(true);
    for (const m of mitras) {
      let messages: Array<{ data: Record<string, string> }> = [];
      for (let i = 0; i < 50 && messages.length === 0; i++) {
        messages = (await json(fetch(`${base}/internal/_test/push?user_id=${m.id}`))).messages;
        if (!messages.length) await new Promise((r) => setTimeout(r, 100));
      }
      expect(messages[0]!.data).toMatchObject({ type: 'chat_request', request_id, topic_sensitivity: 'regular' });
    }

    const paired = waitFor(`customers/${customer.profile.id}/pairing/current`, (d) => d?.status === 'paired');
    const won = await post(`/api/mitra/requests/${request_id}/accept`, {}, mitras[1]!.token);
    expect(won.status).toBe(200);
    const { session_id } = await json(won);
    expect(await paired).toMatchObject({ status: 'paired', session_id, mitra_name: 'Bestie 1' });
    const lost = await post(`/api/mitra/requests/${request_id}/accept`, {}, mitras[0]!.token);
    expect(lost.status).toBe(409);
    await waitFor(`mitras/${mitras[2]!.id}/offers/${request_id}`, (d) => d?.status === 'missed');
  }, 120_000);
});
