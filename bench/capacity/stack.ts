import { readFileSync } from 'node:fs';
import { type BenchEnv } from '../harness';
import { treeCpuUs } from '../lib/stats';
import { createAuthApp } from '../../functions/auth/app';
import { createPairingApp } from '../../functions/pairing/app';
import { createSessionApp } from '../../functions/session/app';
import { createWorkersApp } from '../../functions/workers/app';
import { authGuards, createAuthSession, refreshPolicy } from '../../shared/auth';
import { parseEnv } from '../../shared/env';
import { functionForPath } from '../../shared/path-table';
import { createLogger } from '../../shared/logger';
import type { Runtime } from '../../shared/runtime';
import { createLocalRuntime } from '../../scripts/local/runtime';
import { createCustomer, findOrCreateMitraByPhone, upsertDeviceToken } from '../../shared/users';
import { generateSigningKeyPem } from '../../scripts/local/dev-keys';
import { seed } from '../../scripts/seed';
import { counter, cpuNow, fresh, phase, type Counts } from './counts';
import { instrumentPg, instrumentPorts } from './instrument';
import { FUNCTION_NAMES } from '../../shared/path-table';

export type App = { fetch: (r: Request) => Response | Promise<Response> };

export interface Stack {
  rt: Runtime;
  apps: Partial<Record<string, App>>;
  postmasterPid: number;
  signingKey: string;
  databaseUrl: string;
}

export async function boot(env: BenchEnv): Promise<Stack> {
  const databaseUrl = await env.databaseUrl('capacity');
  const signingKey = generateSigningKeyPem();
  const rt = await createLocalRuntime(
    parseEnv(
      {
        DATABASE_URL: databaseUrl,
        FIRESTORE_EMULATOR_HOST: env.firestoreHost,
        FIREBASE_PROJECT_ID: 'capacity-local',
        AUTH_SIGNING_KEY: signingKey,
        LOG_LEVEL: 'silent',
        ENABLE_TEST_ROUTES: 'true',
        DATABASE_POOL_MAX: '10',
      },
      FUNCTION_NAMES,
    ),
    { logger: createLogger('silent') },
  );
  await seed(rt);
  // The functions the measured steps reach; the tasks of any other are counted, not run.
  const apps: Partial<Record<string, App>> = {
    pairing: createPairingApp(rt),
    auth: createAuthApp(rt),
    workers: createWorkersApp(rt),
    session: createSessionApp(rt),
  };
  rt.local!.attachDispatcher(({ path: p, headers, body }) =>
    phase.run('async', async () => {
      if (p.startsWith('/tasks/')) counter.cur.tasksDispatched++;
      else counter.cur.eventsDelivered++;
      const app = apps[functionForPath(p) ?? ''];
      if (!app) return 200;
      const t0 = cpuNow();
      const res = await app.fetch(new Request(`http://127.0.0.1${p}`, { method: 'POST', headers, body }));
      await res.arrayBuffer();
      counter.cur.cpuAsyncUs += cpuNow() - t0;
      return res.status;
    }),
  );
  const { rows } = await rt.db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const stat = readFileSync(`/proc/${rows[0]!.pid}/stat`, 'utf8');
  const postmasterPid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  instrumentPg();
  instrumentPorts(rt);
  // The relay runs only when settle() drains, so a step's handler CPU and its relay CPU stay apart.
  rt.relay.kick = () => undefined;
  return { rt, apps, postmasterPid, signingKey, databaseUrl };
}

export async function call(
  s: Stack,
  method: string,
  p: string,
  token?: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
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
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
    const text = await res.text();
    counter.cur.cpuHandlerUs += cpuNow() - t0;
    return new Response(text || null, { status: res.status, headers: res.headers });
  });
}

/** Relay + dispatcher until nothing is left that is due (the clock moves only when asked). */
export async function settle(s: Stack, advanceSeconds = 0) {
  const t0 = cpuNow();
  const async0 = counter.cur.cpuAsyncUs;
  await phase.run('async', async () => {
    if (advanceSeconds) s.rt.local!.clock.advance(advanceSeconds);
    for (let round = 0; round < 100; round++) {
      const relayed = await s.rt.relay.drainAll();
      const ran = (await s.rt.local!.dispatcher?.runDue()) ?? { attempted: 0, tasks: 0 };
      if (relayed === 0 && ran.attempted === 0) break;
    }
  });
  counter.cur.cpuRelayUs += cpuNow() - t0 - (counter.cur.cpuAsyncUs - async0);
}

let outboxHigh = 0;
/** What an empty step costs (one settle with nothing to do): subtracted from every step. */
export async function measure(s: Stack, fn: () => Promise<void>): Promise<Counts> {
  await settle(s);
  counter.cur = fresh();
  const pg0 = treeCpuUs(s.postmasterPid);
  await fn();
  await settle(s);
  const c = counter.cur;
  c.pgCpuUs = treeCpuUs(s.postmasterPid) - pg0;
  counter.cur = fresh(); // the outbox count below is not part of the step
  if (counter.baseline) {
    for (const k of ['stmtRelay', 'stmtLocalOnly', 'pgCpuUs', 'cpuRelayUs'] as const)
      c[k] = Math.max(0, c[k] - counter.baseline[k]);
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

export interface User {
  id: string;
  token: string;
}

export async function token(s: Stack, userType: 'mitra' | 'customer', id: string) {
  const now = s.rt.clock.now();
  const { sessionId } = await createAuthSession(s.rt.db, userType, id, {}, now, refreshPolicy(s.rt.env));
  return authGuards(s.rt).accessTokens.sign({ userId: id, userType, sessionId });
}

/** A user as the apps leave it after sign-in: one registered device and an access token. */
async function withDevice(s: Stack, userType: 'mitra' | 'customer', userId: string, platform: 'android' | 'ios') {
  const device = { userType, userId, deviceId: `phone-${userType}`, fcmToken: `fcm-${userId}`, platform };
  await upsertDeviceToken(s.rt.db, device, s.rt.clock.now());
  return { id: userId, token: await token(s, userType, userId) };
}

export async function makeMitras(s: Stack, n: number, tag: string): Promise<User[]> {
  const out: User[] = [];
  for (let i = 0; i < n; i++) {
    const now = s.rt.clock.now();
    const phone = `+62813${tag}${String(i).padStart(4, '0')}`;
    const { mitra } = await findOrCreateMitraByPhone(s.rt.db, phone, now, { is_active: true });
    out.push(await withDevice(s, 'mitra', mitra.id, 'android'));
  }
  return out;
}

export async function makeCustomers(s: Stack, n: number, tag: string): Promise<User[]> {
  const out: User[] = [];
  for (let i = 0; i < n; i++) {
    const now = s.rt.clock.now();
    const c = await createCustomer(s.rt.db, { display_name: `Capacity ${tag} ${i}` }, now);
    out.push(await withDevice(s, 'customer', c.id, 'ios'));
  }
  return out;
}

export const must = async (res: Promise<Response>, status: number, what: string) => {
  const r = await res;
  if (r.status !== status) throw new Error(`${what}: ${r.status} ${await r.text()}`);
  return r;
};
