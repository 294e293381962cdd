import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { Firestore } from '@google-cloud/firestore';
import { afterAll, describe, expect, it } from 'vitest';
import { apiClient } from '../helpers/api-client';
import { spawnListenedStack, tempDataDir, waitUntil, type SpawnedStack } from '../helpers/spawn-stack';
import { DocWatch } from '../../scripts/scenario/realtime';

const dataDir = tempDataDir();
const projectId = `e2e-${randomBytes(4).toString('hex')}`;
let stack: SpawnedStack | undefined;
let fs: Firestore | undefined;
const unsubscribe: Array<() => void> = [];
afterAll(async () => {
  for (const u of unsubscribe) u();
  await fs?.terminate();
  await stack?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

type Doc = FirebaseFirestore.DocumentData;

/** A live document listener as the apps hold one (the demo's), closed after the test. */
function watchDoc(path: string) {
  const watch = new DocWatch(fs!, path);
  unsubscribe.push(() => watch.close());
  return { until: (what: string, predicate: (d: Doc | undefined) => boolean) => watch.until(what, predicate, 20_000) };
}

/** A live listener on a session's messages, ordered by seq, as the apps listen. */
function watchMessages(sessionId: string) {
  const seen: Doc[] = [];
  const arrivals: number[][] = [];
  unsubscribe.push(
    fs!
      .collection(`sessions/${sessionId}/messages`)
      .orderBy('seq')
      .onSnapshot((snap) => {
        seen.splice(0, seen.length, ...snap.docs.map((d) => d.data()));
        arrivals.push(snap.docs.map((d) => d.data().seq as number));
      }),
  );
  return { seen, arrivals };
}

describe('a free-trial session end to end through the local stack, with Firestore listeners on both sides', () => {
  it('pairing → messages both ways in order → receipts → typing → time-up → closing → goodbyes → completed', async () => {
    ({ stack, fs } = await spawnListenedStack(dataDir, projectId));
    // The stack as the apps see it: typed from the committed OpenAPI document (drift fails tsc).
    const api = apiClient(stack.baseUrl);
    const phone = `08219${String(Date.now() % 1_000_000).padStart(6, '0')}7`;
    await api.POST('/internal/_test/seed-mitra', { body: { phone, display_name: 'Bestie Sari', is_active: true } });
    const otp_request_id = (await api.POST('/api/mitra/auth/otp/request', { body: { phone } })).data!.otp_request_id;
    const { code } = (await api.GET('/internal/_test/otp/{otp_request_id}', { params: { path: { otp_request_id } } }))
      .data!;
    const mitra = (await api.POST('/api/mitra/auth/otp/verify', { body: { otp_request_id, code } })).data!;
    const m = apiClient(stack.baseUrl, mitra.access_token);
    expect((await m.POST('/api/mitra/status/online')).response.status).toBe(200);
    const guest = (await api.POST('/api/shared/auth/anonymous', { body: { display_name: 'Rani' } })).data!;
    // A free trial needs a verified phone and the app's device id (SPEC §13): the guest verifies hers.
    const customerPhone = `08217${String(Date.now() % 1_000_000).padStart(6, '0')}3`;
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
        body: { topic_sensitivity: 'sensitive', free_trial: true },
        params: { header: { 'x-device-id': 'e2e-rani-phone' } },
      })
    ).data!;
    const won = await m.POST('/api/mitra/requests/{id}/accept', { params: { path: { id: request.request_id } } });
    expect(won.response.status).toBe(200);
    const { session_id, session_status } = won.data!;
    expect(session_status).toBe('active');
    const inSession = { params: { path: { id: session_id } } };
    const clock = (advance_seconds: number) => api.POST('/internal/_test/clock', { body: { advance_seconds } });

    const customerDoc = watchDoc(`sessions/${session_id}`);
    const mitraDoc = watchDoc(`sessions/${session_id}`);
    const customerTyping = watchDoc(`sessions/${session_id}/typing/mitra`);
    const customerSide = watchMessages(session_id);
    const mitraSide = watchMessages(session_id);
    await customerDoc.until('active', (d) => d?.status === 'active');
    expect(JSON.stringify(await customerDoc.until('doc', Boolean))).not.toMatch(/sensitiv/);

    // Both sides type away at once (each side in its own order); each listener must see the other's
    // messages in seq order, none missing, each sender's in the order it sent them.
    const say = {
      c: (body: { client_message_id: string; body: string }) =>
        c.POST('/api/client/sessions/{id}/messages', { ...inSession, body }),
      m: (body: { client_message_id: string; body: string }) =>
        m.POST('/api/mitra/sessions/{id}/messages', { ...inSession, body }),
    };
    const typeAway = async (tag: 'c' | 'm', name: string) => {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++)
        statuses.push((await say[tag]({ client_message_id: `${tag}${i}`, body: `dari ${name} ${i}` })).response.status);
      return statuses;
    };
    const sent = await Promise.all([typeAway('c', 'Rani'), typeAway('m', 'Sari')]);
    expect(sent.flat()).toEqual(Array(12).fill(201));
    for (const side of [customerSide, mitraSide]) {
      await waitUntil('all 12 messages are seen', () => side.seen.length === 12, 20_000);
      expect(side.seen.map((m) => m.seq)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
      // every snapshot the listener got was in seq order
      for (const a of side.arrivals) expect(a).toEqual([...a].sort((x, y) => x - y));
    }
    const fromRani = mitraSide.seen.filter((m) => m.sender_type === 'customer').map((m) => m.body);
    expect(fromRani).toEqual(Array.from({ length: 6 }, (_, i) => `dari Rani ${i}`));
    const fromSari = customerSide.seen.filter((m) => m.sender_type === 'mitra').map((m) => m.body);
    expect(fromSari).toEqual(Array.from({ length: 6 }, (_, i) => `dari Sari ${i}`));

    // Receipts: the mitra read everything; Rani's listener sees it (coalesced within ~1 s).
    await m.POST('/api/mitra/sessions/{id}/messages/receipts', {
      ...inSession,
      body: { up_to_seq: 12, status: 'read' },
    });
    await customerDoc.until('mitra read all', (d) => d?.receipts?.mitra?.read_seq === 12);
    await mitraDoc.until('unread counted for the customer', (d) => d?.unread?.customer === 6 && d?.unread?.mitra === 0);
    await c.POST('/api/client/sessions/{id}/messages/receipts', {
      ...inSession,
      body: { up_to_seq: 12, status: 'delivered' },
    });
    await mitraDoc.until('delivered to Rani', (d) => d?.receipts?.customer?.delivered_seq === 12);

    // Typing reaches the other side's listener.
    const typing = (is_typing: boolean) =>
      m.POST('/api/mitra/sessions/{id}/typing', { ...inSession, body: { is_typing } });
    expect((await typing(true)).response.status).toBe(204);
    await customerTyping.until('mitra typing', (d) => d?.is_typing === true);
    // At most one typing write per side per 2 s (SPEC §7): the "stopped" after the gap is written.
    await clock(2);
    expect((await typing(false)).response.status).toBe(204);
    await customerTyping.until('mitra stopped', (d) => d?.is_typing === false);

    // Time is up (free trial: 10 minutes), the window passes, both say goodbye.
    await clock(600);
    await customerDoc.until('expired', (d) => d?.status === 'expired');
    const late = await say.c({ client_message_id: 'late', body: 'masih?' });
    expect(late.error?.error.code).toBe('SESSION_NOT_ACTIVE');
    await clock(300);
    await mitraDoc.until('closing', (d) => d?.status === 'closing' && d?.closing_reason === 'time_up');
    const bye = await c.POST('/api/client/sessions/{id}/goodbye', { ...inSession, body: { message: 'Makasih Kak' } });
    expect(bye.response.status).toBe(200);
    await mitraDoc.until('customer goodbye', (d) => d?.goodbyes?.customer?.message === 'Makasih Kak');
    const back = await m.POST('/api/mitra/sessions/{id}/goodbye', { ...inSession, body: { message: 'Sehat selalu' } });
    expect(back.response.status).toBe(200);
    const done = await customerDoc.until('completed', (d) => d?.status === 'completed');
    expect(done.goodbyes.mitra.message).toBe('Sehat selalu');
    expect(JSON.stringify(done)).not.toMatch(/sensitiv/);
    const mine = (await c.GET('/api/client/sessions')).data!;
    expect(mine.items[0]).toMatchObject({ id: session_id, status: 'completed', unread_count: 6 }); // delivered, never read
    const theirs = (await m.GET('/api/mitra/sessions/{id}', inSession)).data!;
    expect(theirs).toMatchObject({ status: 'completed', topic_sensitivity: 'sensitive' });
  }, 120_000);
});
