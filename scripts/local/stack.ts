import path from 'node:path';
import pg from 'pg';
import { serve, type ServerType } from '@hono/node-server';
import { parseEnv } from '../../shared/env';
import { migrate } from '../../shared/db/migrate';
import type { Runtime } from '../../shared/runtime';
import { createLocalRuntime } from './runtime';
import { createLocalGateway } from './apps';
import { startFirestoreEmulatorProcess } from './firestore-emulator';
import { pushPoster } from './push-poster';
import { startEmbeddedPostgres } from './postgres';
import { startFakeXendit } from './fake-xendit';
import { seed } from '../seed';
import { rebuildMirror } from '../../shared/mirror';
import { ensureDevSigningKey } from './dev-keys';
import { acquireDataDirLock } from './data-dir-lock';
import { FUNCTION_NAMES } from '../../shared/path-table';

/** What `npm start` uses when the developer sets nothing (SPEC §11). */
export const LOCAL_DEFAULTS: Record<string, string> = {
  NODE_ENV: 'development',
  RUNTIME: 'local',
  ENABLE_TEST_ROUTES: 'true',
  LOG_LEVEL: 'info',
  ADMIN_EMAIL: 'admin@halobestie.local',
  ADMIN_PASSWORD: 'admin123',
  XENDIT_SECRET_KEY: 'xnd_development_local_fake',
  XENDIT_CALLBACK_TOKEN: 'local-callback-token',
};

export interface LocalStackOptions {
  dataDir: string;
  port: number;
  pgPort: number;
  firestorePort: number;
  xenditPort: number;
  /** Durable Postgres (fsync on) for the developer's .data; tests turn it off for speed. */
  durable: boolean;
  env: Record<string, string | undefined>;
  log: (msg: string) => void;
}

export interface LocalStack {
  baseUrl: string;
  databaseUrl: string;
  firestoreHost: string;
  /** The fake Xendit's base URL, or undefined when XENDIT_API_BASE_URL points elsewhere. */
  xenditUrl?: string;
  rt: Runtime;
  stop(): Promise<void>;
}

/**
 * Claims left by a predecessor that was killed mid-delivery. They would expire by themselves after their
 * 30 s lease (wall time), delaying every effect and timer in flight by that much after a crash. Only for
 * the Postgres we provisioned: we hold the data dir's lock, so no other process can be holding them.
 * Redelivery is what an expired lease would cause anyway (effects are idempotent, task names dedupe).
 */
async function releaseDeadLeases(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `UPDATE local_deliveries SET lease_until = NULL WHERE status = 'pending' AND lease_until > now()`,
    );
    // A relay claim pushes available_at 30 s ahead; short retry backoffs (≤ 30 s) just run a little early.
    await client.query(
      `UPDATE outbox SET available_at = now()
        WHERE delivered_at IS NULL AND available_at > now() AND available_at <= now() + interval '30 seconds'`,
    );
  } finally {
    await client.end();
  }
}

/**
 * Starts the stack. It owns `opts.dataDir` while it runs (`stack.lock`: a second stack on the same dir is
 * refused, naming the first), and the Postgres it starts dies with this process. A failed start undoes
 * whatever it had started.
 */
export async function startLocalStack(opts: LocalStackOptions): Promise<LocalStack> {
  const lock = acquireDataDirLock(opts.dataDir, {
    port: opts.port,
    pg_port: opts.pgPort,
    firestore_port: opts.firestorePort,
    xendit_port: opts.xenditPort,
  });
  // Also on process.exit() without stop(); a kill -9 leaves it behind, and the next start sees its pid dead.
  const releaseOnExit = () => lock.release();
  process.once('exit', releaseOnExit);
  const stops: Array<() => Promise<void> | void> = [];
  const stopAll = async () => {
    const errors: Error[] = [];
    for (const stop of stops.reverse()) {
      try {
        await stop();
      } catch (err) {
        errors.push(err as Error);
      }
    }
    stops.length = 0;
    lock.release();
    process.removeListener('exit', releaseOnExit);
    if (errors.length) throw errors[0];
  };
  try {
    return await start(opts, stops, stopAll);
  } catch (err) {
    await stopAll().catch(() => undefined);
    throw err;
  }
}

async function start(
  opts: LocalStackOptions,
  stops: Array<() => Promise<void> | void>,
  stopAll: () => Promise<void>,
): Promise<LocalStack> {
  const source = { ...LOCAL_DEFAULTS, ...opts.env };

  let databaseUrl = source.DATABASE_URL;
  if (!databaseUrl) {
    const pgServer = await startEmbeddedPostgres({
      dir: path.join(opts.dataDir, 'postgres'),
      port: opts.pgPort,
      durable: opts.durable,
      log: opts.log,
    });
    stops.push(() => pgServer.stop());
    await pgServer.createDatabase('halobestie');
    databaseUrl = pgServer.url('halobestie');
  }

  let firestoreHost = source.FIRESTORE_EMULATOR_HOST;
  if (!firestoreHost) {
    const emulator = await startFirestoreEmulatorProcess(opts.firestorePort);
    firestoreHost = emulator.host;
    stops.push(() => emulator.stop());
  }
  // The official Firestore client reads this variable itself.
  process.env.FIRESTORE_EMULATOR_HOST = firestoreHost;
  process.env.METADATA_SERVER_DETECTION = 'none';

  const fakeXenditUrl = source.XENDIT_API_BASE_URL ? undefined : `http://127.0.0.1:${opts.xenditPort}`;
  const env = parseEnv(
    {
      AUTH_SIGNING_KEY: ensureDevSigningKey(opts.dataDir),
      ...source,
      ...(fakeXenditUrl ? { XENDIT_API_BASE_URL: fakeXenditUrl } : {}),
      DATABASE_URL: databaseUrl,
      FIRESTORE_EMULATOR_HOST: firestoreHost,
      PORT: String(opts.port),
    },
    FUNCTION_NAMES,
  );
  await migrate(databaseUrl);
  if (!source.DATABASE_URL) await releaseDeadLeases(databaseUrl);
  const rt = await createLocalRuntime(env);
  stops.push(() => rt.close());
  await seed(rt);
  // The emulator keeps nothing across restarts: every document the apps listen to is rewritten from
  // Postgres and delivered before the stack answers, so /healthz is never ok over an empty mirror.
  await rebuildMirror(rt);
  await rt.relay.drainAll();

  const gateway = createLocalGateway(rt);
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: gateway.fetch, port: opts.port, hostname: '127.0.0.1' }, () => resolve(s));
    s.once('error', reject);
  });
  stops.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const baseUrl = `http://127.0.0.1:${opts.port}`;

  if (fakeXenditUrl) {
    const xendit = await startFakeXendit({
      db: rt.db,
      port: opts.xenditPort,
      secretKey: env.XENDIT_SECRET_KEY ?? '',
      callbackToken: env.XENDIT_CALLBACK_TOKEN ?? '',
      callbackUrl: `${baseUrl}/webhooks/xendit/invoice`,
      publicUrl: fakeXenditUrl,
      now: () => rt.clock.now(),
    });
    stops.push(() => xendit.stop());
  }

  const poster = pushPoster(baseUrl);
  stops.push(() => poster.close()); // after the dispatcher has stopped (stops run in reverse)
  const dispatcher = rt.local!.attachDispatcher(poster.deliver);
  dispatcher.start();
  stops.push(() => dispatcher.stop());
  const stopPolling = rt.relay.poll(500);
  const cronTimer = setInterval(
    () => rt.local!.tickCron().catch((err: Error) => rt.logger.error('cron tick failed', { error: err.message })),
    5000,
  );
  stops.push(() => {
    stopPolling();
    clearInterval(cronTimer);
  });

  return {
    baseUrl,
    databaseUrl,
    firestoreHost,
    xenditUrl: fakeXenditUrl,
    rt,
    stop: stopAll,
  };
}
