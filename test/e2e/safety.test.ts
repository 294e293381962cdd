import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { Firestore } from '@google-cloud/firestore';
import { afterAll, describe, expect, it } from 'vitest';
import { apiClient } from '../helpers/api-client';
import { spawnListenedStack, tempDataDir, waitUntil, type SpawnedStack } from '../helpers/spawn-stack';
import { DocWatch } from '../../scripts/scenario/realtime';

const dataDir = tempDataDir();
const projectId = `e2e-safety-${randomBytes(4).toString('hex')}`;
let stack: SpawnedStack | undefined;
let fs: Firestore | undefined;
const watches: DocWatch[] = [];
afterAll(async () => {
  for (const w of watches) w.close();
  await fs?.terminate();
  await stack?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** SPEC §15's promise to operators and to the customer: minutes are too long, seconds it is. */
const WITHIN_MS = 5_000;

describe('safety screening through the local stack (npm start)', () => {
  it('a customer writes a crisis phrase: within 5 s the alert is listed, the session flagged, the resources doc seen; the message delivered as usual', async () => {
    ({ stack, fs } = await spawnListenedStack(dataDir, projectId));
    const api = apiClient(stack.baseUrl);
    const phone = `08219${String(Date.now() % 1_000_000).padStart(6, '0')}8`;
    await api.POST('/internal/_test/seed-mitra', { body: { phone, display_name: 'Bestie Dewi', is_active: true } });
    const otp_request_id = (await api.POST('/api/mitra/auth/otp/request', { body: { phone } })).data!.otp_request_id;
    const { code } = (await api.GET('/internal/_test/otp/{otp_request_id}', { params: { path: { otp_request_id } } }))
      .data!;
    const mitra = (await api.POST('/api/mitra/auth/otp/verify', { body: { otp_request_id, code } })).data!;
    const m = apiClient(stack.baseUrl, mitra.access_token);
    expect((await m.POST('/api/mitra/status/online')).response.status).toBe(200);
    const guest = (await api.POST('/api/shared/auth/anonymous', { body: { display_name: 'Nina' } })).data!;
    // A free trial needs a verified phone and the app's device id (SPEC §13): the guest verifies hers.
    const customerPhone = `08217${String(Date.now() % 1_000_000).padStart(6, '0')}4`;
    const clientOtp = (await api.POST('/api/client/auth/otp/request', { body: { phone: customerPhone } })).data!;
    const clientCode = (
      await api.GET('/internal/_test/otp/{otp_request_id}', {
        params: { path: { otp_request_id: clientOtp.otp_request_id } },
      })
    ).data!.code;
    const customer = (
      await apiClient(stack.baseUrl, guest.access_token).POST('/api/client/auth/otp/verify', {
        body: { otp_request_id: clientOtp.otp_request_id, code: clientCode, anonymous_customer_id: guest.profile.id },
      })
    ).data!;
    const c = apiClient(stack.baseUrl, customer.access_token);
    const request = (
      await c.POST('/api/client/chat/request', {
        body: { topic_sensitivity: 'regular', free_trial: true },
        params: { header: { 'x-device-id': 'e2e-nina-phone' } },
      })
    ).data!;
    const won = await m.POST('/api/mitra/requests/{id}/accept', { params: { path: { id: request.request_id } } });
    const { session_id } = won.data!;
    const inSession = { params: { path: { id: session_id } } };
    const admin = (
      await api.POST('/internal/auth/login', { body: { email: 'admin@halobestie.local', password: 'admin123' } })
    ).data!;
    const cc = apiClient(stack.baseUrl, admin.access_token);

    // The apps' listeners: the customer's resources doc, the mitra's view of the session, the messages.
    const customerId = customer.profile.id;
    const resources = new DocWatch(fs!, `customers/${customerId}/safety/current`);
    const mitraView = new DocWatch(fs!, `mitras/${mitra.profile.id}/sessions/${session_id}`);
    watches.push(resources, mitraView);
    const seen: Array<{ seq: number; body: string }> = [];
    const stopMessages = fs!
      .collection(`sessions/${session_id}/messages`)
      .onSnapshot((snap) => seen.splice(0, seen.length, ...snap.docs.map((d) => d.data() as (typeof seen)[number])));
    watches.push({ close: stopMessages } as unknown as DocWatch);
    await mitraView.until('the session is active', (d) => d?.status === 'active', 20_000);

    const crisis = 'kak aku udah ga kuat, rasanya pengen mati aja';
    const t0 = Date.now();
    const sent = await c.POST('/api/client/sessions/{id}/messages', {
      ...inSession,
      body: { client_message_id: 'nina-1', body: crisis },
    });
    expect(sent.response.status).toBe(201);
    expect(sent.data!.seq).toBe(1);

    const listed = waitUntil(
      'the alert is listed',
      async () =>
        (
          (await cc.GET('/internal/safety-alerts', { params: { query: { status: 'open', category: 'self_harm' } } }))
            .data?.items ?? []
        ).some((a) => a.session_id === session_id && a.message_seq === 1),
      WITHIN_MS,
    ).then(() => Date.now() - t0);
    const flagged = waitUntil(
      'the session is flagged',
      async () =>
        ((await cc.GET('/internal/sessions', { params: { query: { safety_flag: 'true' } } })).data?.items ?? []).some(
          (s) => s.id === session_id && s.safety_flag,
        ),
      WITHIN_MS,
    ).then(() => Date.now() - t0);
    const shown = resources
      .until('the crisis resources', (d) => d?.session_id === session_id, WITHIN_MS)
      .then((d) => ({ d, ms: Date.now() - t0 }));
    const delivered = waitUntil(
      'the mitra sees the message',
      () => seen.some((x) => x.body === crisis),
      WITHIN_MS,
    ).then(() => Date.now() - t0);
    const [alertMs, flagMs, doc, deliveredMs] = await Promise.all([listed, flagged, shown, delivered]);
    console.log(
      `crisis message → delivered ${deliveredMs} ms, alert listed ${alertMs} ms, session flagged ${flagMs} ms, resources doc seen ${doc.ms} ms`,
    );
    expect(doc.d.crisis_resources.length).toBeGreaterThan(0);
    expect(doc.d.crisis_resources[0]).toMatchObject({ phone: '119', extension: '8' });
    expect(JSON.stringify(doc.d)).not.toContain('pengen mati');
    await mitraView.until('the notice for the mitra', (d) => typeof d?.safety_notice?.text === 'string', WITHIN_MS);

    // An operator answers it: acknowledged, then resolved.
    const [alert] = (await cc.GET('/internal/safety-alerts', { params: { query: { session_id } } })).data!.items;
    const acked = await cc.PATCH('/internal/safety-alerts/{id}', {
      params: { path: { id: alert!.id } },
      body: { status: 'acknowledged', note: 'dipantau' },
    });
    expect(acked.data).toMatchObject({ status: 'acknowledged', reviewed_by: admin.profile.id });
  });
});
