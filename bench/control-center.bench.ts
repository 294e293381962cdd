import { createInternalApp } from '../functions/internal/app';
import { authGuards, refreshPolicy } from '../shared/auth/guards';
import { createAuthSession } from '../shared/auth/refresh-sessions';
import { parseEnv } from '../shared/env';
import { createLogger } from '../shared/logger';
import type { Runtime } from '../shared/runtime';
import { createLocalRuntime } from '../scripts/local/runtime';
import { generateSigningKeyPem } from '../scripts/local/dev-keys';
import { seed } from '../scripts/seed';
import type { BenchEnv } from './harness';
import { percentile, report } from './harness';
import { FUNCTION_NAMES } from '../shared/path-table';

const MITRAS = 300;
const SESSIONS = 20_000;
const OFFERS_PER_REQUEST = 5; // 100,000 notifications

/** A month of traffic, written set-based: 20,000 accepted requests and sessions, 5 offers each, their payments. */
async function script(rt: Runtime) {
  const q = (sql: string) => rt.db.query(sql);
  await q(`INSERT INTO mitras (phone, display_name, is_active, is_online, last_heartbeat_at, created_at, updated_at)
    SELECT '+62812' || lpad(g::text, 8, '0'), 'Bestie ' || lpad(g::text, 4, '0'), g % 10 <> 0, g % 3 = 0, now(),
      now() - interval '60 days', now() FROM generate_series(1, ${MITRAS}) g`);
  await q(`INSERT INTO customers (display_name, created_at, updated_at)
    SELECT 'Customer ' || g, now() - interval '60 days', now() FROM generate_series(1, ${SESSIONS}) g`);
  await q(`WITH ma AS (SELECT array_agg(id ORDER BY id) AS ids FROM mitras),
      c AS (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM customers)
    INSERT INTO chat_requests (customer_id, topic_sensitivity, is_free_trial, tier_id, duration_minutes, price_idr, status,
      accepted_by, expires_at, created_at, updated_at)
    SELECT c.id, CASE WHEN c.rn % 4 = 0 THEN 'sensitive' ELSE 'regular' END, false, 'tier_30', 30, 25000, 'accepted',
      ma.ids[(c.rn % ${MITRAS}) + 1], t.ts, t.ts, t.ts
    FROM c, ma, LATERAL (SELECT now() - c.rn * interval '130 seconds' AS ts) t`);
  await q(`INSERT INTO chat_sessions (request_id, customer_id, mitra_id, status, topic_sensitivity, is_free_trial, tier_id,
      duration_minutes, price_idr, started_at, ends_at, created_at, updated_at)
    SELECT r.id, r.customer_id, r.accepted_by,
      CASE WHEN row_number() OVER (ORDER BY r.created_at DESC) <= 20 THEN 'active'
           WHEN row_number() OVER (ORDER BY r.created_at DESC) % 17 = 0 THEN 'cancelled' ELSE 'completed' END,
      r.topic_sensitivity, false, 'tier_30', 30, 25000, r.created_at, r.created_at + interval '30 minutes', r.created_at, r.created_at
    FROM chat_requests r`);
  await q('UPDATE chat_requests r SET session_id = s.id FROM chat_sessions s WHERE s.request_id = r.id');
  await q(`INSERT INTO payments (session_id, external_id, amount_idr, status, paid_at, paid_amount, created_at, updated_at)
    SELECT id, 'session:' || id, 25000, CASE WHEN status = 'cancelled' THEN 'expired' ELSE 'paid' END,
      CASE WHEN status = 'cancelled' THEN NULL ELSE created_at + interval '1 minute' END,
      CASE WHEN status = 'cancelled' THEN NULL ELSE 25000 END, created_at, created_at
    FROM chat_sessions`);
  await q(`WITH ma AS (SELECT array_agg(id ORDER BY id) AS ids FROM mitras),
      r AS (SELECT id, accepted_by, topic_sensitivity, created_at, array_position((SELECT ids FROM ma), accepted_by) - 1 AS pos FROM chat_requests)
    INSERT INTO chat_request_notifications (request_id, mitra_id, status, topic_sensitivity, active_session_count, offered_at, responded_at)
    SELECT r.id, CASE WHEN k = 0 THEN r.accepted_by ELSE ma.ids[((r.pos + k * 61) % ${MITRAS}) + 1] END,
      (ARRAY['accepted', 'missed', 'rejected', 'ignored', 'missed'])[k + 1], r.topic_sensitivity, 0, r.created_at,
      r.created_at + interval '10 seconds'
    FROM r, ma, generate_series(0, ${OFFERS_PER_REQUEST - 1}) k`);
  await q(`INSERT INTO reports (session_id, reporter_type, reporter_id, reported_type, reported_id, reason, created_at)
    SELECT id, 'customer', customer_id, 'mitra', mitra_id, 'rude', created_at FROM chat_sessions WHERE random() < 0.02`);
  await q('VACUUM ANALYZE');
}

async function timed(label: string, n: number, call: () => Promise<Response>) {
  for (let i = 0; i < 10; i++) await (await call()).arrayBuffer(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const res = await call();
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${label}: ${res.status}`);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  const p99 = percentile(ms, 99);
  report(label, {
    n,
    p50: percentile(ms, 50).toFixed(1),
    p99: p99.toFixed(1),
    max: ms[ms.length - 1]!.toFixed(1),
    under_200ms: p99 < 200 ? 'yes' : 'NO',
  });
}

/** Dashboard and mitra activity over 100,000 notifications and 20,000 sessions (SPEC §9: p99 < 200 ms). */
export async function benchControlCenter(env: BenchEnv): Promise<void> {
  const rt = await createLocalRuntime(
    parseEnv(
      {
        DATABASE_URL: await env.databaseUrl('bench_control_center'),
        FIRESTORE_EMULATOR_HOST: env.firestoreHost,
        AUTH_SIGNING_KEY: generateSigningKeyPem(),
        LOG_LEVEL: 'silent',
      },
      FUNCTION_NAMES,
    ),
    { logger: createLogger('silent') },
  );
  try {
    await seed(rt);
    const t0 = performance.now();
    await script(rt);
    const counts = await rt.db.query<{ n: number; s: number }>(
      'SELECT (SELECT count(*) FROM chat_request_notifications)::int AS n, (SELECT count(*) FROM chat_sessions)::int AS s',
    );
    console.log(
      `control center: ${counts.rows[0]!.n} notifications, ${counts.rows[0]!.s} sessions scripted in ${Math.round(performance.now() - t0)} ms`,
    );
    const admin = await rt.db.query<{ id: string }>(
      `INSERT INTO control_center_users (email, display_name, password_hash, role_id) VALUES ('bench@halobestie.local', 'Bench', 'x', 'super_admin') RETURNING id`,
    );
    const userId = admin.rows[0]!.id;
    const { sessionId } = await createAuthSession(rt.db, 'cc_user', userId, {}, rt.clock.now(), refreshPolicy(rt.env));
    const token = await authGuards(rt).accessTokens.sign({
      userId,
      userType: 'cc_user',
      sessionId,
      role: 'super_admin',
    });
    const app = createInternalApp(rt);
    const get = (path: string) => () =>
      Promise.resolve(app.fetch(new Request(`http://bench${path}`, { headers: { authorization: `Bearer ${token}` } })));
    const busiest = await rt.db.query<{ id: string }>(
      'SELECT mitra_id AS id FROM chat_request_notifications GROUP BY mitra_id ORDER BY count(*) DESC LIMIT 1',
    );
    await timed('GET /internal/dashboard', 300, get('/internal/dashboard'));
    await timed('GET /internal/mitra-activity (30 d, 20/page)', 300, get('/internal/mitra-activity'));
    await timed('GET /internal/mitra-activity (30 d, 100/page)', 200, get('/internal/mitra-activity?limit=100'));
    await timed(
      'GET /internal/mitra-activity/:id/log (30 d)',
      300,
      get(`/internal/mitra-activity/${busiest.rows[0]!.id}/log`),
    );
  } finally {
    await rt.close();
  }
}
