import { readFileSync } from 'node:fs';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { jwtVerify } from 'jose';
import pg from 'pg';

// A bare Hono route doing what our message route commits for a message (the seq allocation and the
// INSERT of shared/sessions/repo/chat-sessions.ts and chat-messages.ts) as two statements in a
// transaction, after an ES256 verify: no outbox rows (doc, counters, push), no logging. Bench only
// (bench/sessions.bench.ts).
const ALLOCATE = `UPDATE chat_sessions SET last_seq = last_seq + 1, customer_last_active_at = $3
  WHERE id = $1 AND customer_id = $2 AND status = 'active' RETURNING last_seq AS seq`;
const INSERT = `INSERT INTO chat_messages (session_id, seq, sender_type, sender_id, client_message_id, body, created_at)
  VALUES ($1, $2, 'customer', $3, $4, $5, $6) ON CONFLICT (session_id, sender_type, client_message_id) DO NOTHING RETURNING id, seq`;

const env = process.env;
const publicKey = createPublicKey(createPrivateKey(readFileSync(env.SIGNING_KEY_FILE!, 'utf8')));
const db = new pg.Pool({ connectionString: env.DATABASE_URL, max: 10 });
const app = new Hono().post('/api/client/sessions/:id/messages', async (c) => {
  const m = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
  let sub: string | undefined;
  try {
    const { payload } = await jwtVerify(m?.[1] ?? '', publicKey, { algorithms: ['ES256'] });
    if (payload.user_type === 'customer') sub = payload.sub;
  } catch {
    sub = undefined;
  }
  if (!sub) return c.json({ error: { code: 'TOKEN_INVALID' } }, 401);
  const body = await c.req.json<{ client_message_id: string; body: string }>();
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    const slot = await client.query<{ seq: number }>(ALLOCATE, [c.req.param('id'), sub, new Date()]);
    if (!slot.rows[0]) throw new Error('not active');
    const row = await client.query(INSERT, [
      c.req.param('id'),
      slot.rows[0].seq,
      sub,
      body.client_message_id,
      body.body.trim(),
      new Date(),
    ]);
    await client.query('COMMIT');
    return c.json(row.rows[0], 201);
  } catch {
    await client.query('ROLLBACK');
    return c.json({ error: { code: 'SESSION_NOT_ACTIVE' } }, 409);
  } finally {
    client.release();
  }
});
serve({ fetch: app.fetch, port: Number(env.PORT), hostname: '127.0.0.1' }, () =>
  process.stdout.write(`ready ${process.pid}\n`),
);
