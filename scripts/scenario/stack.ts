import { rmSync } from 'node:fs';
import { Firestore } from '@google-cloud/firestore';
import { spawnStack, stackPorts, tempDataDir } from '../../test/helpers/spawn-stack';
import { apiClient, ok, type HttpTally } from './client';

export interface Target {
  base: string;
  firestoreHost: string;
  projectId: string;
  /** True when we booted it (and stop it at the end). */
  started: boolean;
  stop(): Promise<void>;
}

async function healthy(base: string): Promise<boolean> {
  const res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2000) }).catch(() => undefined);
  await res?.arrayBuffer().catch(() => undefined);
  return res?.status === 200;
}

function localOnly(url: string) {
  const host = new URL(url).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost') throw new Error(`refusing to drive ${url}: local stacks only`);
}

/**
 * The stack at BASE_URL (default http://127.0.0.1:8080) when it answers /healthz; else one we start
 * ourselves (`npm start` as spawn-stack runs it) with a temp DATA_DIR and free ports, stopped after.
 */
export async function findOrStartStack(log: (m: string) => void): Promise<Target> {
  const base = process.env.BASE_URL ?? 'http://127.0.0.1:8080';
  localOnly(base);
  if (await healthy(base)) {
    const firestoreHost = process.env.FIRESTORE_EMULATOR_HOST ?? '127.0.0.1:8681';
    const projectId = process.env.FIREBASE_PROJECT_ID ?? process.env.GCP_PROJECT_ID ?? 'demo-halobestie';
    log(`using the running stack at ${base} (Firestore emulator ${firestoreHost}, project ${projectId})`);
    return { base, firestoreHost, projectId, started: false, stop: async () => {} };
  }
  log(`no stack answers ${base}/healthz: starting one (temp DATA_DIR, free ports)…`);
  const dataDir = tempDataDir();
  const ports = await stackPorts();
  const projectId = 'demo-halobestie';
  const t = performance.now();
  const stack = await spawnStack(dataDir, ports, { FIREBASE_PROJECT_ID: projectId }, 120_000).catch((err) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  });
  log(`stack up at ${stack.baseUrl} in ${Math.round(performance.now() - t)} ms (launcher pid ${stack.launcherPid})`);
  return {
    base: stack.baseUrl,
    firestoreHost: `127.0.0.1:${ports.firestorePort}`,
    projectId,
    started: true,
    stop: async () => {
      const timer = setTimeout(() => process.kill(stack.launcherPid, 'SIGKILL'), 30_000);
      await stack.stop();
      clearTimeout(timer);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The official Firestore client pointed at the stack's emulator, as the apps' SDK would be. */
export function firestoreFor(t: Target): Firestore {
  process.env.FIRESTORE_EMULATOR_HOST = t.firestoreHost;
  // No probing for a GCP metadata server (the only traffic is to 127.0.0.1).
  process.env.METADATA_SERVER_DETECTION ??= 'none';
  return new Firestore({ projectId: t.projectId });
}

/** Moves the stack's clock (the whole stack) and runs every timer that became due. */
export async function advanceClock(base: string, tally: HttpTally, seconds: number) {
  return ok(
    'advance the clock',
    apiClient(base, tally).POST('/internal/_test/clock', {
      body: { advance_seconds: Math.max(0, Math.ceil(seconds)) },
    }),
  );
}

/** The stack's current time (its clock may be ahead of ours). */
export async function stackNow(base: string, tally: HttpTally): Promise<number> {
  return Date.parse((await advanceClock(base, tally, 0)).now);
}

/**
 * Every OTP in a local stack comes from 127.0.0.1 (the gateway sets X-Forwarded-For from the socket),
 * and SPEC §4 allows 10 per IP per hour. An operator raises that in the control center; so do we, as
 * the seeded super admin (ADMIN_EMAIL / ADMIN_PASSWORD, the local defaults otherwise).
 */
/**
 * A load run comes from one address and one machine: SPEC §13's per-IP, per-device and per-session limits
 * are raised to their bounds for it (config `limits`), so what is measured is the path, not the limiter.
 * `freeTrialWithoutPhone` also lets a guest take a free trial (benches that pair sessions quickly).
 */
export async function raiseLimitsForLoad(
  base: string,
  tally: HttpTally,
  opts: { freeTrialWithoutPhone?: boolean } = {},
) {
  const admin = await adminClient(base, tally);
  await ok(
    'raise the abuse limits',
    admin.PATCH('/internal/config/{section}', {
      params: { path: { section: 'limits' } },
      body: {
        limits: {
          guest_signup: { per_ip_per_hour: 100_000, per_device_per_day: 10_000 },
          chat_request: { per_customer_per_hour: 10_000, per_device_per_day: 10_000 },
          unpaid_cancellations: { max_per_day: 100 },
          messages: { burst: 10_000, per_second: 1000 },
          reports: { per_reporter_per_day: 10_000 },
          device_token_upserts: { per_user_per_hour: 10_000 },
          otp: { hourly_budget: 10_000_000 },
        },
      },
    }),
  );
  if (opts.freeTrialWithoutPhone)
    await ok(
      'free trial without a phone',
      admin.PATCH('/internal/config/{section}', {
        params: { path: { section: 'free-trial' } },
        body: { free_trial: { enabled: true, duration_minutes: 10, requires_phone: false } },
      }),
    );
  await new Promise((r) => setTimeout(r, 2500)); // every instance re-reads its config within 2 s
}

async function adminClient(base: string, tally: HttpTally) {
  const api = apiClient(base, tally);
  const login = await ok(
    'control-center login',
    api.POST('/internal/auth/login', {
      body: {
        email: process.env.ADMIN_EMAIL ?? 'admin@halobestie.local',
        password: process.env.ADMIN_PASSWORD ?? 'admin123',
      },
    }),
  );
  return apiClient(base, tally, { access: login.access_token });
}

export async function raiseOtpIpLimit(base: string, tally: HttpTally, perHour: number) {
  const admin = await adminClient(base, tally);
  await ok(
    'raise otp_max_per_ip_per_hour',
    admin.PATCH('/internal/config/{section}', {
      params: { path: { section: 'otp' } },
      body: { otp_max_per_ip_per_hour: perHour },
    }),
  );
  await new Promise((r) => setTimeout(r, 2500)); // every instance re-reads its config within 2 s
}
