import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { Firestore } from '@google-cloud/firestore';
import { afterAll, describe, expect, it } from 'vitest';
import { apiClient } from '../helpers/api-client';
import { spawnListenedStack, tempDataDir, type SpawnedStack } from '../helpers/spawn-stack';

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
    ({ stack, fs } = await spawnListenedStack(dataDir, projectId));
    // The stack as the apps see it: a client typed from the committed document (drift fails tsc).
    const api = apiClient(stack.baseUrl);
    const as = (token: string) => apiClient(stack!.baseUrl, token);

    const mitras: Array<{ id: string; token: string }> = [];
    for (let i = 0; i < 3; i++) {
      const phone = `08219${String(Date.now() % 1_000_000).padStart(6, '0')}${i}`;
      await api.POST('/internal/_test/seed-mitra', { body: { phone, display_name: `Bestie ${i}`, is_active: true } });
      const requested = await api.POST('/api/mitra/auth/otp/request', { body: { phone } });
      const otp_request_id = requested.data!.otp_request_id;
      const peek = await api.GET('/internal/_test/otp/{otp_request_id}', { params: { path: { otp_request_id } } });
      const signed = (await api.POST('/api/mitra/auth/otp/verify', { body: { otp_request_id, code: peek.data!.code } }))
        .data!;
      expect(signed.access_token).toBeTruthy();
      const mitra = as(signed.access_token);
      const put = await mitra.PUT('/api/shared/device-token', {
        body: { fcm_token: `fcm-e2e-${signed.profile.id}`, device_id: 'phone', platform: 'android' },
      });
      expect(put.response.status).toBe(204);
      expect((await mitra.POST('/api/mitra/status/online')).response.status).toBe(200);
      mitras.push({ id: signed.profile.id, token: signed.access_token });
    }

    const customer = (await api.POST('/api/shared/auth/anonymous', { body: { display_name: 'Rani' } })).data!;
    const request = await as(customer.access_token).POST('/api/client/chat/request', {
      body: { topic_sensitivity: 'regular', tier_id: 'tier_30' },
    });
    expect(request.response.status).toBe(201);
    const { request_id, notified_mitras } = request.data!;
    expect(notified_mitras).toBe(3);

    const offers = await Promise.all(
      mitras.map((m) => waitFor(`mitras/${m.id}/offers/${request_id}`, (d) => d?.status === 'offered')),
    );
    expect(offers.every((o) => o.customer_display_name === 'Rani')).toBe(true);
    for (const m of mitras) {
      let messages: Array<{ data: Record<string, string>; notification?: { title: string; body: string } }> = [];
      for (let i = 0; i < 50 && messages.length === 0; i++) {
        const recorded = await api.GET('/internal/_test/push', { params: { query: { user_id: m.id } } });
        messages = recorded.data!.messages;
        if (!messages.length) await new Promise((r) => setTimeout(r, 100));
      }
      expect(messages[0]!.data).toMatchObject({ type: 'chat_request', request_id, topic_sensitivity: 'regular' });
      expect(messages[0]!.notification!.body).toContain('Rani');
    }

    const paired = waitFor(`customers/${customer.profile.id}/pairing/current`, (d) => d?.status === 'paired');
    const accept = (token: string) =>
      as(token).POST('/api/mitra/requests/{id}/accept', { params: { path: { id: request_id } } });
    const won = await accept(mitras[1]!.token);
    expect(won.response.status).toBe(200);
    const session_id = won.data!.session_id;
    expect(await paired).toMatchObject({ status: 'paired', session_id, mitra_name: 'Bestie 1' });
    const lost = await accept(mitras[0]!.token);
    expect(lost.response.status).toBe(409);
    expect(lost.error?.error.code).toBe('REQUEST_TAKEN');
    await waitFor(`mitras/${mitras[2]!.id}/offers/${request_id}`, (d) => d?.status === 'missed');
  }, 120_000);
});
