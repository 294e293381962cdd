import path from 'node:path';
import { interleaved, type Variant } from '../../bench/lib/ab';
import { serialise } from '../../bench/lib/load';
import { spawnNode, stopChild, tempDir, waitHealthy } from '../../bench/lib/procs';
import { median, spread } from '../../bench/lib/stats';
import { bundleFunction } from '.././bundle';
import { freePort } from '.././local/free-port';
import { arg } from './args';
import { type Stack, call, type User, makeMitras, makeCustomers, must } from './stack';

export interface RouteCpu {
  route: string;
  cpuUsPerReq: number;
  spread: string;
  rps: number;
}

export async function requestCpu(s: Stack): Promise<RouteCpu[]> {
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
