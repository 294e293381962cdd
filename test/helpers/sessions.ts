import { expect } from 'vitest';
import { configReader } from '../../shared/config/reader';
import { bearer } from './auth';
import { json } from './http';
import { accept, customerWithDevice, freeTrialRequest, onlineMitra, type TestMitra } from './pairing';
import type { TestStack } from './runtime';

export type Who = { side: 'customer' | 'mitra'; id: string; token: string };

export interface TestSession {
  sessionId: string;
  requestId: string;
  customer: Who;
  mitra: Who;
}

/** A phone-verified customer's free trial accepted by a mitra: an `active` session of 10 minutes (the default config). */
export async function activeFreeTrialSession(
  s: TestStack,
  opts: { mitra?: TestMitra; sensitivity?: 'regular' | 'sensitive' } = {},
): Promise<TestSession> {
  const m = opts.mitra ?? (await onlineMitra(s));
  const c = await customerWithDevice(s, { verified: true });
  const req = await json(freeTrialRequest(s, c, opts.sensitivity));
  const won = await accept(s, m, req.request_id);
  expect(won.status).toBe(200);
  const { session_id, session_status } = await won.json();
  expect(session_status).toBe('active');
  return {
    sessionId: session_id,
    requestId: req.request_id,
    customer: { side: 'customer', id: c.id, token: c.token },
    mitra: { side: 'mitra', id: m.id, token: m.token },
  };
}

export const ns = (w: Who) => (w.side === 'customer' ? 'client' : 'mitra');

/** `POST /api/{client,mitra}/sessions/:id/<action>` as that participant. */
export function act(s: TestStack, w: Who, sessionId: string, action: string, body: unknown = {}) {
  return s.request(`/api/${ns(w)}/sessions/${sessionId}/${action}`, {
    method: 'POST',
    json: body,
    headers: bearer(w.token),
  });
}

export function get(s: TestStack, w: Who, path: string) {
  return s.request(`/api/${ns(w)}${path}`, { headers: bearer(w.token) });
}

let counter = 0;
export function send(s: TestStack, w: Who, sessionId: string, body: string, clientMessageId = `cm-${++counter}`) {
  return act(s, w, sessionId, 'messages', { client_message_id: clientMessageId, body });
}

export async function row(s: TestStack, sessionId: string) {
  return (await s.rt.db.query('SELECT * FROM chat_sessions WHERE id = $1', [sessionId])).rows[0];
}

/** Calls a private route exactly as Cloud Tasks would (OIDC bearer from the local issuer). */
export async function deliver(s: TestStack, path: string, body: unknown) {
  const token = await s.rt.local!.issuer.sign(s.rt.env.OIDC_AUDIENCE);
  return s.request(path, { method: 'POST', json: body, headers: bearer(token) });
}

/** Every session timer that already ran, delivered again (as Cloud Tasks may: duplicated and late). */
export async function redeliverSessionTimers(s: TestStack) {
  const { rows } = await s.rt.db.query<{ path: string; body: unknown }>(
    `SELECT path, body FROM local_deliveries WHERE path LIKE '/tasks/sessions/%' AND status = 'done' ORDER BY due_at`,
  );
  for (const r of rows) expect((await deliver(s, r.path, r.body)).status).toBe(204);
  return rows.length;
}

/** What a participant's state looks like to the tests: the row, its extensions and every push sent. */
export async function snapshot(s: TestStack, sessionId: string) {
  const { rows: ext } = await s.rt.db.query(
    'SELECT id, status FROM session_extensions WHERE session_id = $1 ORDER BY created_at',
    [sessionId],
  );
  const { rows: pushes } = await s.rt.db.query(
    "SELECT count(*)::int AS n FROM outbox WHERE kind = 'push' AND payload->'message'->'data'->>'session_id' = $1",
    [sessionId],
  );
  const r = await row(s, sessionId);
  return { status: r.status, version: r.version, ends_at: r.ends_at, ext, pushes: pushes[0].n };
}

/** An operator knob changed (as PATCH /internal/config would), in force at once on this instance. */
export async function setConfig(s: TestStack, key: string, value: unknown) {
  await s.rt.db.query(
    `INSERT INTO app_config (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
    [key, JSON.stringify(value)],
  );
  await s.rt.db.query('UPDATE app_config_version SET version = version + 1');
  configReader(s.rt).invalidate();
}
