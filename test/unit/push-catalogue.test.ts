import { describe, expect, it } from 'vitest';
import { buildFcmMessage } from '../../shared/adapters/gcp/fcm-message';
import { buildPush } from '../../shared/push/build';
import { PUSH_TYPES, type PushParams, type PushType } from '../../shared/push/catalogue';
import { validateWithFirebaseAdmin } from '../helpers/fcm-validate';

const NOW = new Date('2030-01-01T00:00:00.000Z');
const IN_A_MINUTE = new Date(NOW.getTime() + 60_000);
const session_id = '7d6b8f7e-1a2b-4c3d-8e9f-0a1b2c3d4e5f';
const request_id = '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9';

/** One valid set of params per type: the compiler holds this list to the catalogue. */
export const SAMPLE_PARAMS: { [K in PushType]: PushParams<K> } = {
  chat_request: { request_id, topic_sensitivity: 'sensitive', customer_name: 'Kupu Biru', expires_at: IN_A_MINUTE },
  request_withdrawn: { request_id, reason: 'taken' },
  paired: { session_id, mitra_name: 'Bestie Ayu' },
  pairing_expired: { request_id },
  payment_confirmed: { session_id, mitra_name: 'Bestie Ayu' },
  session_started: { session_id, customer_name: 'Kupu Biru' },
  session_cancelled: { session_id, reason: 'invoice_expired', mitra_name: 'Bestie Ayu' },
  chat_message: { session_id, message_id: 'm-1', seq: '12', sender_name: 'Kupu Biru' },
  time_up: { session_id, to: 'customer', other_name: 'Bestie Ayu' },
  extension_requested: {
    session_id,
    extension_id: 'e-1',
    duration_minutes: '15',
    topic_sensitivity: 'regular',
    respond_by: IN_A_MINUTE.toISOString(),
    customer_name: 'Kupu Biru',
    expires_at: IN_A_MINUTE,
  },
  extension_answered: { session_id, extension_id: 'e-1', answer: 'accepted', mitra_name: 'Bestie Ayu' },
  extension_applied: { session_id, extension_id: 'e-1' },
  session_closing: { session_id, reason: 'time_up', other_name: 'Bestie Ayu' },
  goodbye: { session_id, from: 'customer' },
  session_updated: { session_id, status: 'cancelled' },
  safety_resources: { session_id },
};

const TYPES = Object.keys(PUSH_TYPES) as PushType[];
const build = <K extends PushType>(type: K) => buildPush(type, SAMPLE_PARAMS[type]);

describe('the push catalogue (SPEC §12)', () => {
  it('has the kind and audience SPEC §12 gives each type', () => {
    const table = Object.fromEntries(TYPES.map((t) => [t, `${PUSH_TYPES[t].kind} → ${PUSH_TYPES[t].to}`]));
    expect(table).toEqual({
      chat_request: 'alert → mitra',
      request_withdrawn: 'background → mitra',
      paired: 'alert → customer',
      payment_confirmed: 'alert → customer',
      session_cancelled: 'alert → customer',
      session_started: 'alert → mitra',
      chat_message: 'alert → either',
      time_up: 'alert → either',
      extension_requested: 'alert → mitra',
      extension_answered: 'alert → customer',
      session_closing: 'alert → either',
      safety_resources: 'alert → customer',
      // What the apps only sync.
      pairing_expired: 'background → customer',
      extension_applied: 'background → either',
      goodbye: 'background → either',
      session_updated: 'background → either',
    });
  });

  it.each(TYPES)('%s: data is `type` and string ids; the thread is its session or request id', (type) => {
    const c = build(type);
    expect(c.type).toBe(type);
    expect(Object.keys(c.data)[0]).toBe('type');
    expect(c.data.type).toBe(type);
    for (const value of Object.values(c.data)) expect(typeof value).toBe('string');
    expect([session_id, request_id]).toContain(c.thread);
    expect(c.thread).toBe(c.data[PUSH_TYPES[type].thread]);
  });

  it.each(TYPES)('%s: an alert has its Indonesian title and body, a background push none', (type) => {
    const c = build(type);
    expect(c.kind).toBe(PUSH_TYPES[type].kind);
    if (c.kind === 'alert') {
      expect(c.notification!.title.length).toBeGreaterThan(0);
      expect(c.notification!.body.length).toBeGreaterThan(0);
      expect(c.urgent).toBeUndefined();
    } else {
      expect(c.notification).toBeUndefined();
    }
  });

  it.each(TYPES)('%s: the built FCM message passes firebase-admin’s own validation', (type) => {
    const message = buildFcmMessage({ ...build(type), userId: 'u1', token: 'device-token-1' }, NOW);
    expect(() => validateWithFirebaseAdmin(message)).not.toThrow();
  });

  it('only the offer and the extension request expire, with the offer / request', () => {
    const expiring = TYPES.filter((t) => build(t).expiresAt !== undefined);
    expect(expiring).toEqual(['chat_request', 'extension_requested']);
    expect(build('chat_request').expiresAt).toBe(IN_A_MINUTE.toISOString());
  });

  it('texts come from names, never from what was typed', () => {
    expect(build('chat_message').notification).toEqual({
      title: 'Pesan baru dari Kupu Biru',
      body: 'Buka aplikasi untuk membacanya.',
    });
    expect(build('chat_request').notification!.body).toContain('Kupu Biru');
    expect(buildPush('time_up', { session_id, to: 'mitra', other_name: 'Kupu Biru' }).notification!.title).toBe(
      'Waktu sesi habis',
    );
    expect(
      buildPush('extension_answered', { session_id, extension_id: 'e', answer: 'rejected', mitra_name: 'Ayu' })
        .notification!.title,
    ).toBe('Tambah waktu ditolak');
    // @ts-expect-error a chat message's text is not a param of its push
    buildPush('chat_message', { ...SAMPLE_PARAMS.chat_message, body: 'isi curhat' });
  });

  it('refuses params a type cannot be built from', () => {
    // @ts-expect-error the offer's push needs its expiry
    expect(() => buildPush('chat_request', { ...SAMPLE_PARAMS.chat_request, expires_at: undefined })).toThrow();
    expect(() => buildPush('chat_request', { ...SAMPLE_PARAMS.chat_request, expires_at: new Date('x') })).toThrow();
    // @ts-expect-error ids are required
    expect(() => buildPush('paired', { mitra_name: 'Ayu' })).toThrow();
    // @ts-expect-error FCM data values are strings
    expect(() => buildPush('chat_message', { ...SAMPLE_PARAMS.chat_message, seq: 12 })).toThrow();
    expect(() => buildPush('request_withdrawn', { request_id, reason: 'gone' as 'taken' })).toThrow();
  });
});
