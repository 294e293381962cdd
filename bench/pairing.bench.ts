import { parseEnv } from '../shared/env';
import { createLogger } from '../shared/logger';
import { createLocalRuntime } from '../scripts/local/runtime';
import { authGuards, refreshPolicy } from '../shared/auth/guards';
import { createAuthSession } from '../shared/auth/refresh-sessions';
import { configReader } from '../shared/config/reader';
import { createCustomer, findOrCreateMitraByPhone } from '../shared/users';
import { createPairingApp } from '../functions/pairing/app';
import { generateSigningKeyPem } from '../scripts/local/dev-keys';
import { seed } from '../scripts/seed';
import type { BenchEnv } from './harness';
import { percentile, report } from './harness';
import { FUNCTION_NAMES } from '../shared/path-table';

type Call = () => Promise<number>;

async function run(calls: Call[], concurrency: number) {
  const latencies: number[] = [];
  const statuses: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < calls.length) {
        const call = calls[next++]!;
        const t = performance.now();
        statuses.push(await call());
        latencies.push(performance.now() - t);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    seconds: (performance.now() - t0) / 1000,
    statuses,
    p50: percentile(latencies, 50).toFixed(1),
    p99: percentile(latencies, 99).toFixed(1),
  };
}

/** Heartbeats/s and the accept race (1,000 accepts over 100 requests) against real Postgres. */
export async function benchPairing(env: BenchEnv): Promise<void> {
  const rt = await createLocalRuntime(
    parseEnv(
      {
        DATABASE_URL: await env.databaseUrl('bench_pairing'),
        FIRESTORE_EMULATOR_HOST: env.firestoreHost,
        AUTH_SIGNING_KEY: generateSigningKeyPem(),
        LOG_LEVEL: 'silent',
        DATABASE_POOL_MAX: '20',
      },
      FUNCTION_NAMES,
    ),
    { logger: createLogger('silent') },
  );
  await seed(rt);
  // Room for every mitra to win several times, so the race is decided by the request lock, not capacity.
  await rt.db.query(`UPDATE app_config SET value = '10' WHERE key = 'max_customers_per_mitra'`);
  await rt.db.query(`UPDATE app_config SET value = '3600' WHERE key = 'pairing_timeout_seconds'`);
  // The race is about one winner among many offered mitras, not about waves: every mitra is offered.
  await rt.db.query(
    `INSERT INTO app_config (key, value) VALUES ('blast', '{"max_mitras": 0, "wave_seconds": 20}')
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
  );
  configReader(rt).invalidate();
  const app = createPairingApp(rt);
  const now = rt.clock.now();
  const token = async (userType: 'mitra' | 'customer', id: string) =>
    authGuards(rt).accessTokens.sign({
      userId: id,
      userType,
      sessionId: (await createAuthSession(rt.db, userType, id, {}, now, refreshPolicy(rt.env))).sessionId,
    });
  const call = (path: string, tok: string, body?: unknown) => async () =>
    (
      await app.fetch(
        new Request(`http://bench${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${tok}`, 'content-type': 'application/json' },
          body: body ? JSON.stringify(body) : undefined,
        }),
      )
    ).status;

  const mitras: Array<{ id: string; token: string }> = [];
  for (let i = 0; i < 100; i++) {
    const { mitra } = await findOrCreateMitraByPhone(rt.db, `+62812${String(10_000_000 + i)}`, now, {
      is_active: true,
    });
    mitras.push({ id: mitra.id, token: await token('mitra', mitra.id) });
  }
  for (const m of mitras) await call('/api/mitra/status/online', m.token)();

  const beats = Array.from({ length: 5000 }, (_, i) =>
    call('/api/mitra/status/heartbeat', mitras[i % mitras.length]!.token),
  );
  const hb = await run(beats, 32);
  report('pairing: heartbeats (HTTP + auth + 1 UPDATE)', {
    n: beats.length,
    per_s: Math.round(beats.length / hb.seconds),
    p50_ms: hb.p50,
    p99_ms: hb.p99,
    non_204: hb.statuses.filter((s) => s !== 204).length,
  });

  const requestIds: string[] = [];
  for (let i = 0; i < 100; i++) {
    const customer = await createCustomer(rt.db, { display_name: `Bench ${i}` }, now);
    const res = await app.fetch(
      new Request('http://bench/api/client/chat/request', {
        method: 'POST',
        headers: {
          authorization: `Bearer ${await token('customer', customer.id)}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ topic_sensitivity: 'regular', tier_id: 'tier_30' }),
      }),
    );
    requestIds.push(((await res.json()) as { request_id: string }).request_id);
  }
  // 10 different mitras race for each request, interleaved across requests.
  const accepts: Call[] = [];
  for (let k = 0; k < 10; k++)
    for (let r = 0; r < 100; r++)
      accepts.push(call(`/api/mitra/requests/${requestIds[r]}/accept`, mitras[(r * 7 + k * 13) % 100]!.token));
  const race = await run(accepts, 50);
  const { rows } = await rt.db.query<{ request_id: string; n: number }>(
    'SELECT request_id, count(*)::int AS n FROM chat_sessions GROUP BY request_id',
  );
  const doubleWins = rows.filter((r) => r.n > 1).length;
  report('pairing: accept race (1,000 accepts / 100 requests)', {
    per_s: Math.round(accepts.length / race.seconds),
    p50_ms: race.p50,
    p99_ms: race.p99,
    wins: race.statuses.filter((s) => s === 200).length,
    taken_409: race.statuses.filter((s) => s === 409).length,
    requests_won: rows.length,
    double_wins: doubleWins,
  });
  if (doubleWins > 0 || rows.length !== 100)
    throw new Error(`accept race broken: ${doubleWins} double wins, ${rows.length} requests won`);
  rt.relay.kick();
  await new Promise((r) => setTimeout(r, 200));
  await rt.close();
}
