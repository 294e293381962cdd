import { AsyncLocalStorage } from 'node:async_hooks';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { withBenchEnv, type BenchEnv } from '../bench/harness';
import { interleaved, type Variant } from '../bench/lib/ab';
import { serialise } from '../bench/lib/load';
import { spawnNode, stopChild, tempDir, waitHealthy } from '../bench/lib/procs';
import { fmt, median, spread, table, treeCpuUs } from '../bench/lib/stats';
import { createAuthApp } from '../functions/auth/app';
import { createPairingApp } from '../functions/pairing/app';
import { createWorkersApp } from '../functions/workers/app';
import { authGuards, refreshPolicy } from '../shared/auth/guards';
import { createAuthSession } from '../shared/auth/refresh-sessions';
import { configReader } from '../shared/config/reader';
import { parseEnv } from '../shared/env';
import { functionForPath } from '../shared/http/path-table';
import { createLogger } from '../shared/logger';
import { PAIRING_PATHS } from '../shared/pairing/paths';
import { createRuntime, type Runtime } from '../shared/runtime';
import { createCustomer } from '../shared/users/customers';
import { upsertDeviceToken } from '../shared/users/device-tokens';
import { findOrCreateMitraByPhone } from '../shared/users/mitras';
import { bundleFunction } from './bundle';
import { generateSigningKeyPem } from './local/dev-keys';
import { freePort } from './local/free-port';
import { seed } from './seed';

/**
 * `npm run capacity [-- --mitras 40 --requests 8 --heartbeats 400 --no-http --json out.json]`
 *
 * Measures the inputs of docs/capacity.md against a throwaway local Postgres + Firestore emulator
 * (127.0.0.1 only, no cloud): the model's session steps replayed through the real services, one at a
 * time, each followed by the outbox relay and the local Cloud Tasks / Pub/Sub dispatcher until quiet.
 * Per step: SQL statements (split into the request handler, the task/event handlers it caused, the
 * outbox relay, and local-only stand-ins that do not exist in GCP), transactions, outbox rows by kind,
 * Cloud Tasks created / dispatched, Pub/Sub published, Firestore writes (total and hottest document),
 * FCM messages, Postgres CPU (all backends of this Postgres, /proc) and in-process Node CPU.
 * Then per-statement Postgres cost loops and (unless --no-http) the per-request CPU of the pairing
 * bundle on its production host (node:http) over sockets, routes interleaved round by round.
 *
 * New session steps (messages, receipts, extensions, payments) are added to STEPS as those features land.
 */

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const argStr = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const MITRAS = arg('mitras', 40);
const REQUESTS = arg('requests', 8);
const HEARTBEATS = arg('heartbeats', 400);
const STATEMENT_LOOP = arg('statement-loop', 3000);
const HTTP = !process.argv.includes('--no-http');

// ── instrumentation ────────────────────────────────────────────────────────────────────────────────

type Phase = 'handler' | 'async';
const phase = new AsyncLocalStorage<Phase>();

interface Counts {
  stmtHandler: number;
  stmtAsync: number;
  stmtRelay: number;
  stmtLocalOnly: number;
  commits: number;
  tasksCreated: Record<string, number>;
  tasksDispatched: number;
  eventsPublished: number;
  eventsDelivered: number;
  firestoreWrites: number;
  firestoreDocs: Map<string, number>;
  fcm: number;
  outbox: Record<string, number>;
  pgCpuUs: number;
  /** Node CPU while the route handler ran (relay not kicked: it runs only in settle). */
  cpuHandlerUs: number;
  /** Node CPU inside task / Pub/Sub push handlers. */
  cpuAsyncUs: number;
  /** Node CPU of the relay, the local dispatcher and the in-process Firestore emulator (an upper bound for the relay). */
  cpuRelayUs: number;
}
const fresh = (): Counts => ({
  stmtHandler: 0,
  stmtAsync: 0,
  stmtRelay: 0,
  stmtLocalOnly: 0,
  commits: 0,
  tasksCreated: {},
  tasksDispatched: 0,
  eventsPublished: 0,
  eventsDelivered: 0,
  firestoreWrites: 0,
  firestoreDocs: new Map(),
  fcm: 0,
  outbox: {},
  pgCpuUs: 0,
  cpuHandlerUs: 0,
  cpuAsyncUs: 0,
  cpuRelayUs: 0,
});
const NUMERIC = [
  'stmtHandler',
  'stmtAsync',
  'stmtRelay',
  'stmtLocalOnly',
  'commits',
  'tasksDispatched',
  'eventsPublished',
  'eventsDelivered',
  'firestoreWrites',
  'fcm',
  'pgCpuUs',
  'cpuHandlerUs',
  'cpuAsyncUs',
  'cpuRelayUs',
] as const;
const cpuNow = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};
let cur = fresh();

/** Statements of the local stand-ins (task table, push recorder, clock) have no GCP counterpart. */
const LOCAL_ONLY = /\blocal_(deliveries|state|push_log)\b|fake_xendit/;
/** The relay's own bookkeeping (claim, mark delivered, retry); INSERT INTO outbox is the caller's. */
const RELAY = /^(?!\s*INSERT INTO outbox)[\s\S]*\boutbox\b/i;

function instrumentPg() {
  const proto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...a: unknown[]) {
    const q = a[0];
    const text = typeof q === 'string' ? q : ((q as { text?: string } | undefined)?.text ?? '');
    if (/^\s*COMMIT/i.test(text)) cur.commits++;
    if (LOCAL_ONLY.test(text)) cur.stmtLocalOnly++;
    else if (RELAY.test(text)) cur.stmtRelay++;
    else if (phase.getStore() === 'async') cur.stmtAsync++;
    else cur.stmtHandler++;
    return original.apply(this, a);
  };
}

function instrumentPorts(rt: Runtime) {
  const sched = rt.scheduler.schedule.bind(rt.scheduler);
  rt.scheduler.schedule = (t) => {
    const kind = t.name.replace(/:.*/, '');
    cur.tasksCreated[kind] = (cur.tasksCreated[kind] ?? 0) + 1;
    return sched(t);
  };
  const publish = rt.eventBus.publish.bind(rt.eventBus);
  rt.eventBus.publish = (e) => {
    cur.eventsPublished++;
    return publish(e);
  };
  const doc = (p: string) => {
    cur.firestoreWrites++;
    cur.firestoreDocs.set(p, (cur.firestoreDocs.get(p) ?? 0) + 1);
  };
  const set = rt.realtime.set.bind(rt.realtime);
  rt.realtime.set = (p, d, o) => (doc(p), set(p, d, o));
  const del = rt.realtime.delete.bind(rt.realtime);
  rt.realtime.delete = (p) => (doc(p), del(p));
  if (rt.realtime.writeBatch) {
    const batch = rt.realtime.writeBatch.bind(rt.realtime);
    rt.realtime.writeBatch = (ws) => {
      for (const w of ws) doc(w.path);
      return batch(ws);
    };
  }
  const send = rt.push.send.bind(rt.push);
  rt.push.send = (m) => (cur.fcm++, send(m));
  if (rt.push.sendMany) {
    const many = rt.push.sendMany.bind(rt.push);
    rt.push.sendMany = (ms) => ((cur.fcm += ms.length), many(ms));
  }
}

// ── the stack ──────────────────────────────────────────────────────────────────────────────────────

type App = { fetch: (r: Request) => Response | Promise<Response> };

interface Stack {
  rt: Runtime;
  apps: Partial<Record<string, App>>;
  postmasterPid: number;
  signingKey: string;
  databaseUrl: string;
}

async function boot(env: BenchEnv): Promise<Stack> {
  const databaseUrl = await env.databaseUrl('capacity');
  const signingKey = generateSigningKeyPem();
  const rt = await createRuntime(
    parseEnv({
      DATABASE_URL: databaseUrl,
      FIRESTORE_EMULATOR_HOST: env.firestoreHost,
      FIREBASE_PROJECT_ID: 'capacity-local',
      AUTH_SIGNING_KEY: signingKey,
      LOG_LEVEL: 'silent',
      ENABLE_TEST_ROUTES: 'true',
      DATABASE_POOL_MAX: '10',
    }),
    { logger: createLogger('silent') },
  );
  await seed(rt);
  // The pairing path and what it reaches. The other functions join as their steps are added here
  // (a function whose module does not load yet is simply not mounted; its tasks are then counted, not run).
  const apps: Partial<Record<string, App>> = {
    pairing: createPairingApp(rt),
    auth: createAuthApp(rt),
    workers: createWorkersApp(rt),
  };
  try {
    const { createSessionApp } = await import('../functions/session/app');
    apps.session = createSessionApp(rt);
  } catch (err) {
    console.log(`(session function not mounted: ${(err as Error).message.split('\n')[0]})`);
  }
  rt.local!.attachDispatcher(({ path: p, headers, body }) =>
    phase.run('async', async () => {
      if (p.startsWith('/tasks/')) cur.tasksDispatched++;
      else cur.eventsDelivered++;
      const app = apps[functionForPath(p) ?? ''];
      if (!app) return 200;
      const t0 = cpuNow();
      const res = await app.fetch(new Request(`http://127.0.0.1${p}`, { method: 'POST', headers, body }));
      await res.arrayBuffer();
      cur.cpuAsyncUs += cpuNow() - t0;
      return res.status;
    }),
  );
  const { rows } = await rt.db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const stat = readFileSync(`/proc/${rows[0]!.pid}/stat`, 'utf8');
  const postmasterPid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  instrumentPg();
  instrumentPorts(rt);
  // The relay runs only when settle() drains, so a step's handler CPU and its relay CPU stay apart.
  rt.outbox.kick = () => undefined;
  return { rt, apps, postmasterPid, signingKey, databaseUrl };
}

async function call(s: Stack, method: string, p: string, token?: string, body?: unknown): Promise<Response> {
  const app = s.apps[functionForPath(p) ?? ''];
  if (!app) throw new Error(`no function mounted for ${p}`);
  return phase.run('handler', async () => {
    const t0 = cpuNow();
    const res = await app.fetch(
      new Request(`http://127.0.0.1${p}`, {
        method,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
    const text = await res.text();
    cur.cpuHandlerUs += cpuNow() - t0;
    return new Response(text || null, { status: res.status, headers: res.headers });
  });
}

/** Relay + dispatcher until nothing is left that is due (the clock moves only when asked). */
async function settle(s: Stack, advanceSeconds = 0) {
  const t0 = cpuNow();
  const async0 = cur.cpuAsyncUs;
  await phase.run('async', async () => {
    if (advanceSeconds) s.rt.local!.clock.advance(advanceSeconds);
    for (let round = 0; round < 100; round++) {
      const relayed = await s.rt.outbox.drainAll();
      const ran = (await s.rt.local!.dispatcher?.runDue()) ?? { attempted: 0, tasks: 0 };
      if (relayed === 0 && ran.attempted === 0) break;
    }
  });
  cur.cpuRelayUs += cpuNow() - t0 - (cur.cpuAsyncUs - async0);
}

let outboxHigh = 0;
/** What an empty step costs (one settle with nothing to do): subtracted from every step. */
let baseline: Counts | undefined;
async function measure(s: Stack, fn: () => Promise<void>): Promise<Counts> {
  await settle(s);
  cur = fresh();
  const pg0 = treeCpuUs(s.postmasterPid);
  await fn();
  await settle(s);
  const c = cur;
  c.pgCpuUs = treeCpuUs(s.postmasterPid) - pg0;
  cur = fresh(); // the outbox count below is not part of the step
  if (baseline) {
    for (const k of ['stmtRelay', 'stmtLocalOnly', 'pgCpuUs', 'cpuRelayUs'] as const)
      c[k] = Math.max(0, c[k] - baseline[k]);
  }
  const { rows } = await s.rt.db.query<{ kind: string; name: string; n: number; max: number }>(
    `SELECT kind, CASE WHEN kind = 'task' THEN split_part(payload->>'name', ':', 1) ELSE kind END AS name,
            count(*)::int AS n, max(id)::int AS max
     FROM outbox WHERE id > $1 GROUP BY 1, 2`,
    [outboxHigh],
  );
  for (const r of rows) {
    c.outbox[r.kind === 'task' ? `task:${r.name}` : r.kind] = r.n;
    outboxHigh = Math.max(outboxHigh, r.max);
  }
  return c;
}

// ── users ──────────────────────────────────────────────────────────────────────────────────────────

interface User {
  id: string;
  token: string;
}

async function token(s: Stack, userType: 'mitra' | 'customer', id: string) {
  const now = s.rt.clock.now();
  const { sessionId } = await createAuthSession(s.rt.db, userType, id, {}, now, refreshPolicy(s.rt.env));
  return authGuards(s.rt).accessTokens.sign({ userId: id, userType, sessionId });
}

async function makeMitras(s: Stack, n: number, tag: string): Promise<User[]> {
  const out: User[] = [];
  for (let i = 0; i < n; i++) {
    const now = s.rt.clock.now();
    const phone = `+62813${tag}${String(i).padStart(4, '0')}`;
    const { mitra } = await findOrCreateMitraByPhone(s.rt.db, phone, now, { is_active: true });
    await upsertDeviceToken(
      s.rt.db,
      { userType: 'mitra', userId: mitra.id, deviceId: 'phone-1', fcmToken: `fcm-${mitra.id}`, platform: 'android' },
      now,
    );
    out.push({ id: mitra.id, token: await token(s, 'mitra', mitra.id) });
  }
  return out;
}

async function makeCustomers(s: Stack, n: number, tag: string): Promise<User[]> {
  const out: User[] = [];
  for (let i = 0; i < n; i++) {
    const now = s.rt.clock.now();
    const c = await createCustomer(s.rt.db, { display_name: `Capacity ${tag} ${i}` }, now);
    await upsertDeviceToken(
      s.rt.db,
      { userType: 'customer', userId: c.id, deviceId: 'phone-c', fcmToken: `fcm-${c.id}`, platform: 'ios' },
      now,
    );
    out.push({ id: c.id, token: await token(s, 'customer', c.id) });
  }
  return out;
}

const must = async (res: Promise<Response>, status: number, what: string) => {
  const r = await res;
  if (r.status !== status) throw new Error(`${what}: ${r.status} ${await r.text()}`);
  return r;
};

// ── steps ──────────────────────────────────────────────────────────────────────────────────────────

interface StepResult {
  step: string;
  /** How many times the step ran; every figure below is per one. */
  n: number;
  note: string;
  per: Counts;
}

function perOne(list: Counts[]): Counts {
  const n = list.length;
  const out = fresh();
  for (const c of list) {
    for (const k of NUMERIC) out[k] += c[k] / n;
    for (const [k, v] of Object.entries(c.tasksCreated)) out.tasksCreated[k] = (out.tasksCreated[k] ?? 0) + v / n;
    for (const [k, v] of Object.entries(c.outbox)) out.outbox[k] = (out.outbox[k] ?? 0) + v / n;
    const hottest = Math.max(0, ...c.firestoreDocs.values());
    out.firestoreDocs.set('hottest', Math.max(out.firestoreDocs.get('hottest') ?? 0, hottest));
  }
  return out;
}

async function runSteps(s: Stack): Promise<StepResult[]> {
  const results: StepResult[] = [];
  const record = (step: string, note: string, list: Counts[]) =>
    results.push({ step, n: list.length, note, per: perOne(list) });

  const empties: Counts[] = [];
  for (let i = 0; i < 30; i++) empties.push(await measure(s, async () => undefined));
  baseline = perOne(empties);
  const mitras = await makeMitras(s, MITRAS, '1');
  const customers = await makeCustomers(s, REQUESTS * 2, '2');
  // Nobody times out between steps: the stale sweep is measured as its own step.
  await s.rt.db.query(`UPDATE app_config SET value = '3600' WHERE key = 'mitra_stale_after_seconds'`);
  configReader(s.rt).invalidate();

  const list: Counts[] = [];
  for (const m of mitras)
    list.push(
      await measure(
        s,
        async () => void (await must(call(s, 'POST', '/api/mitra/status/online', m.token), 200, 'online')),
      ),
    );
  record('mitra goes online', 'no request searching', list);

  list.length = 0;
  for (let i = 0; i < HEARTBEATS; i++) {
    const m = mitras[i % mitras.length]!;
    list.push(
      await measure(
        s,
        async () => void (await must(call(s, 'POST', '/api/mitra/status/heartbeat', m.token), 204, 'hb')),
      ),
    );
  }
  record('mitra heartbeat', `every ${s.rt.env.MITRA_HEARTBEAT_CADENCE_SECONDS} s per online mitra`, list);

  list.length = 0;
  for (let i = 0; i < 50; i++) {
    const c = customers[i % customers.length]!;
    list.push(
      await measure(s, async () => void (await must(call(s, 'GET', '/api/client/availability', c.token), 200, 'av'))),
    );
  }
  record('customer availability poll', 'count cached 5 s per instance', list);

  // Request → blast → accept by one mitra → both timers fire later and find nothing to do.
  const create: Counts[] = [];
  const accept: Counts[] = [];
  const notifyTimeout: Counts[] = [];
  const requestTimeout: Counts[] = [];
  const cfg = await configReader(s.rt).get();
  for (let r = 0; r < REQUESTS; r++) {
    const c = customers[r]!;
    let requestId = '';
    create.push(
      await measure(s, async () => {
        const res = await must(
          call(s, 'POST', '/api/client/chat/request', c.token, { topic_sensitivity: 'regular', tier_id: 'tier_30' }),
          201,
          'request',
        );
        requestId = ((await res.json()) as { request_id: string }).request_id;
      }),
    );
    const winner = mitras[r % mitras.length]!;
    accept.push(
      await measure(
        s,
        async () =>
          void (await must(call(s, 'POST', `/api/mitra/requests/${requestId}/accept`, winner.token), 200, 'accept')),
      ),
    );
  }
  notifyTimeout.push(
    scale(await measure(s, () => settle(s, cfg.request_notification_timeout_seconds + 1)), 1 / REQUESTS),
  );
  requestTimeout.push(scale(await measure(s, () => settle(s, cfg.pairing_timeout_seconds)), 1 / REQUESTS));
  record(
    'chat request + blast',
    `blast to every available mitra (${MITRAS} online, one more busy per request)`,
    create,
  );
  record('accept (first mitra wins)', 'losers told "missed"; paid tier → pending_payment', accept);
  record(
    'notification timeout, accepted request',
    `per request (${REQUESTS} fired together); one task per offer batch, nothing left offered`,
    notifyTimeout,
  );
  record(
    'request timeout, accepted request',
    `per request (${REQUESTS} fired together); no-op, already matched`,
    requestTimeout,
  );

  // Unanswered requests: nobody accepts, both timers act on all offers. Free the mitras first.
  await s.rt.db.query(`UPDATE chat_sessions SET status = 'completed' WHERE status IN ('pending_payment','active')`);
  const unanswered: Counts[] = [];
  const ids: string[] = [];
  for (let r = 0; r < REQUESTS; r++) {
    const c = customers[REQUESTS + r]!;
    unanswered.push(
      await measure(s, async () => {
        const res = await must(
          call(s, 'POST', '/api/client/chat/request', c.token, { topic_sensitivity: 'regular', tier_id: 'tier_30' }),
          201,
          'request',
        );
        ids.push(((await res.json()) as { request_id: string }).request_id);
      }),
    );
  }
  const nt = await measure(s, () => settle(s, cfg.request_notification_timeout_seconds + 1));
  const rtm = await measure(s, () => settle(s, cfg.pairing_timeout_seconds));
  record('chat request + blast (second wave)', 'same as above, to be left unanswered', unanswered);
  record('notification timeout, unanswered request', `per request; ${MITRAS} offers → ignored`, [
    scale(nt, 1 / REQUESTS),
  ]);
  record('request timeout, unanswered request', 'per request; expired, customer told', [scale(rtm, 1 / REQUESTS)]);

  // The stale sweep (Cloud Scheduler, every minute), with every mitra online and fresh.
  const sweep = await measure(s, async () => {
    await s.rt.scheduler.schedule({
      name: 'cron:pairing-sweep:capacity',
      path: PAIRING_PATHS.sweep,
      body: {},
      runAt: s.rt.clock.now(),
    });
  });
  record('stale sweep (per minute)', `${MITRAS} mitras online`, [sweep]);
  return results;
}

function scale(c: Counts, f: number): Counts {
  const out = perOne([c]);
  for (const k of NUMERIC) out[k] *= f;
  for (const k of Object.keys(out.tasksCreated)) out.tasksCreated[k]! *= f;
  for (const k of Object.keys(out.outbox)) out.outbox[k]! *= f;
  return out;
}

// ── per-statement cost ─────────────────────────────────────────────────────────────────────────────

interface StatementCost {
  statement: string;
  n: number;
  pgCpuUsPerStmt: number;
  wallUsPerStmt: number;
}

async function statementCosts(s: Stack): Promise<StatementCost[]> {
  const { rows: ms } = await s.rt.db.query<{ id: string }>('SELECT id FROM mitras LIMIT 50');
  const now = s.rt.clock.now();
  const loops: Array<[string, (i: number) => Promise<unknown>]> = [
    ['SELECT 1 (round trip floor)', () => s.rt.db.query('SELECT 1')],
    [
      'heartbeat: UPDATE mitras SET last_heartbeat_at … WHERE id AND is_active',
      (i) =>
        s.rt.db.query('UPDATE mitras SET last_heartbeat_at = $2 WHERE id = $1 AND is_active', [
          ms[i % ms.length]!.id,
          now,
        ]),
    ],
    [
      'outbox INSERT (one realtime row, jsonb)',
      (i) =>
        s.rt.db.query(`INSERT INTO outbox (kind, payload, delivered_at) VALUES ('realtime', $1, now())`, [
          JSON.stringify({ op: 'set', path: `sessions/x/messages/${i}`, data: { body: 'x'.repeat(200), seq: i } }),
        ]),
    ],
  ];
  const out: StatementCost[] = [];
  // Interleaved rounds: each statement's loop runs once per round, the order reversed every other round.
  const rounds = 3;
  const acc = loops.map(() => ({ cpu: [] as number[], wall: [] as number[] }));
  const per = Math.max(100, Math.floor(STATEMENT_LOOP / rounds));
  for (let r = 0; r < rounds; r++) {
    const order = loops.map((_, i) => i);
    if (r % 2) order.reverse();
    for (const i of order) {
      const [, fn] = loops[i]!;
      const cpu0 = treeCpuUs(s.postmasterPid);
      const t0 = performance.now();
      // 4 in flight, like 4 instances' pools sharing the server.
      let next = 0;
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          while (next < per) await fn(next++);
        }),
      );
      acc[i]!.wall.push(((performance.now() - t0) * 1000) / per);
      acc[i]!.cpu.push((treeCpuUs(s.postmasterPid) - cpu0) / per);
    }
  }
  loops.forEach(([name], i) =>
    out.push({
      statement: name,
      n: per * rounds,
      pgCpuUsPerStmt: median(acc[i]!.cpu),
      wallUsPerStmt: median(acc[i]!.wall),
    }),
  );
  return out;
}

// ── per-request CPU over sockets (pairing bundle, production host) ────────────────────────────────

interface RouteCpu {
  route: string;
  cpuUsPerReq: number;
  spread: string;
  rps: number;
}

async function requestCpu(s: Stack): Promise<RouteCpu[]> {
  const outdir = path.resolve('node_modules/.cache/halo-capacity/pairing');
  await bundleFunction('pairing', outdir);
  const port = await freePort();
  const logDir = tempDir('halo-capacity-');
  const logFile = path.join(logDir, 'pairing.log');
  const child = spawnNode(
    path.join(outdir, 'index.mjs'),
    {
      NODE_ENV: 'production',
      RUNTIME: 'gcp',
      PORT: String(port),
      LOG_LEVEL: 'info',
      DATABASE_URL: s.databaseUrl,
      DATABASE_POOL_MAX: '10',
      FIRESTORE_EMULATOR_HOST: process.env.FIRESTORE_EMULATOR_HOST,
      FIREBASE_PROJECT_ID: 'capacity-local',
      METADATA_SERVER_DETECTION: 'none',
      AUTH_SIGNING_KEY: s.signingKey,
      FUNCTION_URLS: JSON.stringify({ pairing: `http://127.0.0.1:${port}` }),
      TASKS_INVOKER_SERVICE_ACCOUNT: 'tasks@capacity.iam.gserviceaccount.com',
      OIDC_ALLOWED_SERVICE_ACCOUNTS: 'tasks@capacity.iam.gserviceaccount.com',
    },
    logFile,
    { tsx: false, args: ['--enable-source-maps'] },
  );
  try {
    await waitHealthy(`http://127.0.0.1:${port}/healthz`, child, logFile, 60_000);
    const mitras = await makeMitras(s, 16, '3');
    for (const m of mitras) await must(call(s, 'POST', '/api/mitra/status/online', m.token), 200, 'online');
    const customers = await makeCustomers(s, 16, '4');
    const v = (name: string, method: 'GET' | 'POST', p: string, users: User[], status: number): Variant => {
      const bytes = users.map((u) =>
        serialise(port, { method, path: p, headers: { authorization: `Bearer ${u.token}` } }),
      );
      return { name, port, pid: child.pid!, expect: status, requestFor: (conn) => bytes[conn % bytes.length]! };
    };
    const variants: Variant[] = [
      { ...v('GET /healthz (floor)', 'GET', '/healthz', customers, 200) },
      v('POST /api/mitra/status/heartbeat', 'POST', '/api/mitra/status/heartbeat', mitras, 204),
      v('GET /api/client/availability', 'GET', '/api/client/availability', customers, 200),
      v('GET /api/mitra/requests/pending', 'GET', '/api/mitra/requests/pending', mitras, 200),
      v('GET /api/mitra/status', 'GET', '/api/mitra/status', mitras, 200),
    ];
    const o = {
      rounds: arg('rounds', 3),
      seconds: arg('seconds', 3),
      warmupSeconds: 1,
      connections: arg('connections', 16),
    };
    const res = await interleaved('pairing bundle on node:http', variants, o);
    return res.variants.map((x) => ({
      route: x.name,
      cpuUsPerReq: median(x.segments.map((g) => g.cpuUsPerReq)),
      spread: spread(x.segments.map((g) => g.cpuUsPerReq)),
      rps: median(x.segments.map((g) => g.rps)),
    }));
  } finally {
    await stopChild(child);
  }
}

// ── report ─────────────────────────────────────────────────────────────────────────────────────────

function printSteps(results: StepResult[]) {
  const f1 = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2));
  const kv = (o: Record<string, number>) =>
    Object.entries(o)
      .map(([k, v]) => `${k}=${f1(v)}`)
      .join(' ') || '–';
  console.log(
    table(
      [
        'step',
        'n',
        'SQL handler',
        'SQL tasks/events',
        'SQL relay',
        '(local-only)',
        'commits',
        'outbox rows',
        'tasks created',
        'task disp.',
        'Pub/Sub pub/deliv',
        'Firestore writes (hottest doc)',
        'FCM',
        'PG CPU µs',
        'CPU µs handler',
        'CPU µs task/event',
        'CPU µs relay+emulator',
      ],
      results.map(({ step, n, per: c }) => [
        step,
        String(n),
        f1(c.stmtHandler),
        f1(c.stmtAsync),
        f1(c.stmtRelay),
        f1(c.stmtLocalOnly),
        f1(c.commits),
        kv(c.outbox),
        kv(c.tasksCreated),
        f1(c.tasksDispatched),
        `${f1(c.eventsPublished)}/${f1(c.eventsDelivered)}`,
        `${f1(c.firestoreWrites)} (${f1(c.firestoreDocs.get('hottest') ?? 0)})`,
        f1(c.fcm),
        f1(c.pgCpuUs),
        f1(c.cpuHandlerUs),
        f1(c.cpuAsyncUs),
        f1(c.cpuRelayUs),
      ]),
    ),
  );
}

const load = os.loadavg()[0]!.toFixed(2);
console.log(
  `node ${process.version}, ${os.cpus().length} cores (load average ${load}); ${MITRAS} mitras, ${REQUESTS} requests per wave, ${HEARTBEATS} heartbeats\n`,
);
await withBenchEnv(async (env) => {
  const s = await boot(env);
  try {
    const steps = await runSteps(s);
    console.log('Per session step (each figure per one occurrence of the step; SQL counts include BEGIN/COMMIT):');
    printSteps(steps);
    const stmts = await statementCosts(s);
    console.log(
      '\nPer-statement Postgres cost (CPU of every backend of this server, /proc; 4 in flight, 3 interleaved rounds):',
    );
    console.log(
      table(
        ['statement', 'n', 'PG CPU µs/stmt (median)', 'wall µs/stmt'],
        stmts.map((x) => [x.statement, String(x.n), fmt(x.pgCpuUsPerStmt), fmt(x.wallUsPerStmt)]),
      ),
    );
    let routes: RouteCpu[] = [];
    if (HTTP) {
      routes = await requestCpu(s);
      console.log('\nPer-request CPU of the pairing bundle (node:http, logs at info), routes interleaved per round:');
      console.log(
        table(
          ['route', 'CPU µs/req median', 'min–max', 'req/s'],
          routes.map((r) => [r.route, fmt(r.cpuUsPerReq), r.spread, fmt(r.rps)]),
        ),
      );
    }
    const out = argStr('json');
    if (out) {
      const serial = steps.map((r) => ({
        ...r,
        per: { ...r.per, firestoreDocs: Object.fromEntries(r.per.firestoreDocs) },
      }));
      writeFileSync(
        out,
        JSON.stringify({ load, mitras: MITRAS, requests: REQUESTS, steps: serial, statements: stmts, routes }, null, 2),
      );
    }
  } finally {
    await s.rt.close();
  }
});
process.exit(0);
