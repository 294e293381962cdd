import { expect } from 'vitest';
import { bearer, normalise, otpSignIn, uniquePhone } from './auth';
import { json } from './http';
import { accept, chatRequest, onlineMitra, settle, type TestMitra } from './pairing';
import type { FakeXenditControls } from './payments';
import type { TestStack } from './runtime';
import { act, send, type Who } from './sessions';

/**
 * Privacy fixtures (SPEC §14): a phone-verified customer with an e-mail, paid sessions through the real
 * flow (the fake Xendit's callback carries a payer e-mail, as Xendit's does), and the erasure driven to
 * its end by the stack's clock.
 */

export interface TestCustomer extends Who {
  side: 'customer';
  refresh: string;
  phone: string;
  email: string;
  name: string;
}

export async function phoneCustomer(s: TestStack, name = 'Putri Lestari'): Promise<TestCustomer> {
  const phone = uniquePhone();
  const signedIn = await otpSignIn(s, 'client', phone);
  expect(signedIn.status).toBe(200);
  const id = signedIn.body.profile.id as string;
  const email = `putri.${id.slice(0, 8)}@example.com`;
  // Fixture data for what a Google sign-in would have brought (its JWKS is not what is under test here).
  await s.rt.db.query('UPDATE customers SET email = $2, display_name = $3 WHERE id = $1', [id, email, name]);
  const token = signedIn.body.access_token as string;
  const put = await s.request('/api/shared/device-token', {
    method: 'PUT',
    json: { fcm_token: `fcm-${id}`, device_id: 'phone-c', platform: 'android' },
    headers: bearer(token),
  });
  expect(put.status).toBe(204);
  return { side: 'customer', id, token, refresh: signedIn.body.refresh_token, phone: normalise(phone), email, name };
}

export const mitraWho = (m: TestMitra): Who => ({ side: 'mitra', id: m.id, token: m.token });

/** A paid request of the customer accepted by the mitra and paid (the callback carries the payer's e-mail). */
export async function paidActiveSession(
  s: TestStack,
  xendit: FakeXenditControls,
  customer: TestCustomer,
  mitra: TestMitra,
): Promise<string> {
  const req = await json(chatRequest(s, customer.token));
  const won = await accept(s, mitra, req.request_id);
  expect(won.status).toBe(200);
  const { session_id } = await won.json();
  await settle(s);
  const invoice = await xendit.invoice(`session:${session_id}`);
  const paid = await xendit.pay(invoice!.id as string, {
    overrides: {
      payer_email: customer.email,
      payment_details: { receipt_id: 'r-1', source: customer.phone },
      payment_destination: customer.phone,
    },
  });
  expect(paid).toBe(200);
  await settle(s);
  const { rows } = await s.rt.db.query('SELECT status FROM chat_sessions WHERE id = $1', [session_id]);
  expect(rows[0].status).toBe('active');
  return session_id as string;
}

/** Each side writes `n` messages, bodies tagged so a test can look for them anywhere. */
export async function chat(s: TestStack, sessionId: string, customer: Who, mitra: Who, n: number, tag: string) {
  for (let i = 0; i < n; i++) {
    expect((await send(s, customer, sessionId, `${tag} customer says ${i}`)).status).toBe(201);
    expect((await send(s, mitra, sessionId, `${tag} mitra says ${i}`)).status).toBe(201);
  }
}

/** The customer ends early, both say goodbye: completed. */
export async function finishWithGoodbyes(s: TestStack, sessionId: string, customer: Who, mitra: Who, tag: string) {
  expect((await act(s, customer, sessionId, 'end')).status).toBe(200);
  expect((await act(s, customer, sessionId, 'goodbye', { message: `${tag} customer bye` })).status).toBe(200);
  expect((await act(s, mitra, sessionId, 'goodbye', { message: `${tag} mitra bye` })).status).toBe(200);
  await settle(s);
}

/** A customer with two completed paid sessions (the first one reported by the customer), then a live one. */
export async function customerWithHistory(s: TestStack, xendit: FakeXenditControls) {
  const m = await onlineMitra(s, { name: 'Bestie Ayu' });
  const mitra = mitraWho(m);
  const customer = await phoneCustomer(s);
  const completed: string[] = [];
  for (const tag of ['first', 'second']) {
    const id = await paidActiveSession(s, xendit, customer, m);
    await chat(s, id, customer, mitra, 2, tag);
    await finishWithGoodbyes(s, id, customer, mitra, tag);
    completed.push(id);
  }
  const rated = await act(s, customer, completed[1]!, 'rating', { stars: 4, comment: 'second rating words' });
  expect(rated.status).toBe(201);
  const report = await s.request('/api/client/reports', {
    method: 'POST',
    json: { session_id: completed[0], reason: 'rude', description: 'first report words' },
    headers: bearer(customer.token),
  });
  expect(report.status).toBe(201);
  const live = await paidActiveSession(s, xendit, customer, m);
  await chat(s, live, customer, mitra, 1, 'live');
  return { customer, mitra, m, completed, reported: completed[0]!, reportId: (await json(report)).id as string, live };
}

/** Runs an erasure to its end: the closing grace of a live session, then the steps waiting on it. */
export async function driveErasure(s: TestStack) {
  await settle(s);
  await s.rt.local!.advanceClock(301);
  await s.rt.local!.advanceClock(61);
  await s.rt.local!.advanceClock(61);
}

export async function erasureRow(s: TestStack, userId: string) {
  return (await s.rt.db.query('SELECT * FROM erasures WHERE user_id = $1', [userId])).rows[0];
}

/** What a test reads of `sessions/{id}` and its message docs. */
export interface SessionDocView {
  customer_name: string;
  mitra_name: string;
  status: string;
  goodbyes: Partial<Record<'customer' | 'mitra', { at: string; message?: string }>>;
}
export interface MessageDocView {
  seq: number;
  sender_type: 'customer' | 'mitra';
  body: string;
  removed?: string;
}
export const sessionDocOf = async (s: TestStack, id: string) =>
  (await s.rt.realtime.get(`sessions/${id}`)) as unknown as SessionDocView;
export const messageDocsOf = async (s: TestStack, id: string) =>
  (await s.rt.realtime.list(`sessions/${id}/messages`))
    .map((d) => d.data as unknown as MessageDocView)
    .sort((a, b) => a.seq - b.seq);
