import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { authGuards, refreshPolicy } from '../../shared/auth/guards';
import { createAuthSession } from '../../shared/auth/refresh-sessions';
import type { TestStack } from './runtime';
import { bearer, uniquePhone } from './auth';
import { json } from './http';

/**
 * Control-center fixtures. Rows are inserted with SQL where the API path that would create them is not
 * what the test is about (a scripted day of sessions in milliseconds instead of minutes of real flows).
 */

export type CcRole = 'super_admin' | 'operator' | 'viewer';

/** A control-center user of that role with a signed access token (no bcrypt round: the login is not under test). */
export async function ccUser(s: TestStack, role: CcRole) {
  const id = randomUUID();
  const now = s.rt.clock.now();
  await s.rt.db.query(
    `INSERT INTO control_center_users (id, email, display_name, password_hash, role_id, created_at, updated_at)
     VALUES ($1, $2, $3, 'x', $4, $5, $5)`,
    [id, `${role}-${id.slice(0, 8)}@halobestie.test`, `${role} ${id.slice(0, 4)}`, role, now],
  );
  const { sessionId } = await createAuthSession(s.rt.db, 'cc_user', id, {}, now, refreshPolicy(s.rt.env));
  const token = await authGuards(s.rt).accessTokens.sign({ userId: id, userType: 'cc_user', sessionId, role });
  return { id, token, headers: bearer(token) };
}

export const at = (base: Date, seconds: number) => new Date(base.getTime() + seconds * 1000);

export async function insertMitra(
  s: TestStack,
  f: { name?: string; active?: boolean; online?: boolean; heartbeat?: Date | null; created_at?: Date } = {},
) {
  const now = s.rt.clock.now();
  const { rows } = await s.rt.db.query(
    `INSERT INTO mitras (phone, display_name, is_active, is_online, last_heartbeat_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id`,
    [
      `+62${uniquePhone().slice(1)}`,
      f.name ?? 'Bestie',
      f.active ?? true,
      f.online ?? false,
      f.heartbeat === undefined ? (f.online ? now : null) : f.heartbeat,
      f.created_at ?? now,
    ],
  );
  return rows[0].id as string;
}

export async function insertCustomer(
  s: TestStack,
  f: { name?: string; phone?: string | null; email?: string | null; created_at?: Date } = {},
) {
  const { rows } = await s.rt.db.query(
    `INSERT INTO customers (display_name, phone, email, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) RETURNING id`,
    [f.name ?? 'Customer', f.phone ?? null, f.email ?? null, f.created_at ?? s.rt.clock.now()],
  );
  return rows[0].id as string;
}

type Sensitivity = 'regular' | 'sensitive';

/** A request and its session (a fresh customer unless given: one live session per customer). */
export async function insertSession(
  s: TestStack,
  f: {
    mitraId: string;
    customerId?: string;
    status?: string;
    topic?: Sensitivity;
    created_at?: Date;
    price_idr?: number;
    closing_reason?: string;
  },
) {
  const created = f.created_at ?? s.rt.clock.now();
  const customerId = f.customerId ?? (await insertCustomer(s));
  const topic = f.topic ?? 'regular';
  const req = await s.rt.db.query(
    `INSERT INTO chat_requests (customer_id, topic_sensitivity, is_free_trial, tier_id, duration_minutes, price_idr, status,
       accepted_by, expires_at, created_at, updated_at)
     VALUES ($1, $2, false, 'tier_30', 30, $3, 'accepted', $4, $5, $5, $5) RETURNING id`,
    [customerId, topic, f.price_idr ?? 25000, f.mitraId, created],
  );
  const requestId = req.rows[0].id as string;
  const { rows } = await s.rt.db.query(
    `INSERT INTO chat_sessions (request_id, customer_id, mitra_id, status, topic_sensitivity, is_free_trial, tier_id,
       duration_minutes, price_idr, started_at, ends_at, closing_reason, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, false, 'tier_30', 30, $6, $7, $8, $9, $7, $7) RETURNING id`,
    [
      requestId,
      customerId,
      f.mitraId,
      f.status ?? 'completed',
      topic,
      f.price_idr ?? 25000,
      created,
      at(created, 1800),
      f.closing_reason ?? null,
    ],
  );
  await s.rt.db.query('UPDATE chat_requests SET session_id = $2 WHERE id = $1', [requestId, rows[0].id]);
  return { sessionId: rows[0].id as string, requestId, customerId };
}

export async function insertPayment(
  s: TestStack,
  f: { sessionId: string; status: 'pending' | 'paid' | 'expired'; amount: number; paid_at?: Date; created_at?: Date },
) {
  const created = f.created_at ?? f.paid_at ?? s.rt.clock.now();
  await s.rt.db.query(
    `INSERT INTO payments (session_id, external_id, amount_idr, status, paid_at, paid_amount, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`,
    [
      f.sessionId,
      `session:${f.sessionId}:${randomUUID()}`,
      f.amount,
      f.status,
      f.paid_at ?? null,
      f.status === 'paid' ? f.amount : null,
      created,
    ],
  );
}

export async function insertReport(
  s: TestStack,
  f: {
    sessionId: string;
    reporter: { type: 'customer' | 'mitra'; id: string };
    reported: { type: 'customer' | 'mitra'; id: string };
    status?: string;
    reason?: string;
    created_at?: Date;
  },
) {
  const { rows } = await s.rt.db.query(
    `INSERT INTO reports (session_id, reporter_type, reporter_id, reported_type, reported_id, reason, status, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      f.sessionId,
      f.reporter.type,
      f.reporter.id,
      f.reported.type,
      f.reported.id,
      f.reason ?? 'rude',
      f.status ?? 'pending',
      f.created_at ?? s.rt.clock.now(),
    ],
  );
  return rows[0].id as string;
}

/** `n` reports against one user, each from its own session (one report per session per reporter). */
export async function reportsAgainst(s: TestStack, reported: { type: 'customer' | 'mitra'; id: string }, n: number) {
  for (let i = 0; i < n; i++) {
    const mitraId = reported.type === 'mitra' ? reported.id : await insertMitra(s);
    const customerId = reported.type === 'customer' ? reported.id : undefined;
    const { sessionId, customerId: c } = await insertSession(s, { mitraId, customerId });
    const reporter =
      reported.type === 'mitra' ? { type: 'customer' as const, id: c } : { type: 'mitra' as const, id: mitraId };
    await insertReport(s, { sessionId, reporter, reported });
  }
}

/** A searching request offered to the given mitras with the given outcomes, at `offered_at`. */
export async function insertOffers(
  s: TestStack,
  f: { offered_at: Date; topic?: Sensitivity; offers: Array<{ mitraId: string; status: string }> },
) {
  const customerId = await insertCustomer(s);
  const req = await s.rt.db.query(
    `INSERT INTO chat_requests (customer_id, topic_sensitivity, is_free_trial, tier_id, duration_minutes, price_idr, status,
       expires_at, created_at, updated_at)
     VALUES ($1, $2, false, 'tier_30', 30, 25000, 'expired', $3, $3, $3) RETURNING id`,
    [customerId, f.topic ?? 'regular', f.offered_at],
  );
  const requestId = req.rows[0].id as string;
  for (const o of f.offers) {
    await s.rt.db.query(
      `INSERT INTO chat_request_notifications (request_id, mitra_id, status, topic_sensitivity, active_session_count, offered_at)
       VALUES ($1, $2, $3, $4, 0, $5)`,
      [requestId, o.mitraId, o.status, f.topic ?? 'regular', f.offered_at],
    );
  }
  return requestId;
}

export async function insertMessages(
  s: TestStack,
  sessionId: string,
  senders: Array<{ type: 'customer' | 'mitra'; id: string }>,
) {
  const base = s.rt.clock.now();
  for (const [i, sender] of senders.entries()) {
    await s.rt.db.query(
      `INSERT INTO chat_messages (session_id, seq, sender_type, sender_id, client_message_id, body, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [sessionId, i + 1, sender.type, sender.id, `m-${i + 1}`, `message ${i + 1}`, at(base, i)],
    );
  }
  await s.rt.db.query('UPDATE chat_sessions SET last_seq = $2 WHERE id = $1', [sessionId, senders.length]);
}

/** An operator GET expected to answer `status`; the path is part of the assertion so a failure names it. */
export async function ccGet(s: TestStack, headers: Record<string, string>, path: string, status = 200) {
  const res = await s.request(path, { headers });
  expect([path, res.status]).toEqual([path, status]);
  return json(res);
}

export const idsOf = (page: { items: Array<{ id: string }> }) => page.items.map((x) => x.id);
