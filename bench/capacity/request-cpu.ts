import path from 'node:path';
import { interleaved, type Variant } from '../lib/ab';
import { serialise } from '../lib/load';
import { startPairingBundle, tempDir } from '../lib/procs';
import { median, spread } from '../lib/stats';
import { arg } from './args';
import { type Stack, call, type User, makeMitras, makeCustomers, must } from './stack';

export interface RouteCpu {
  route: string;
  cpuUsPerReq: number;
  spread: string;
  rps: number;
}

export async function requestCpu(s: Stack): Promise<RouteCpu[]> {
  const bundle = await startPairingBundle({
    outdir: path.resolve('node_modules/.cache/halo-capacity/pairing'),
    logDir: tempDir('halo-capacity-'),
    databaseUrl: s.databaseUrl,
    firestoreHost: process.env.FIRESTORE_EMULATOR_HOST,
    projectId: 'capacity-local',
    signingKey: s.signingKey,
  });
  const { port } = bundle;
  try {
    const mitras = await makeMitras(s, 16, '3');
    for (const m of mitras) await must(call(s, 'POST', '/api/mitra/status/online', m.token), 200, 'online');
    const customers = await makeCustomers(s, 16, '4');
    const v = (name: string, method: 'GET' | 'POST', p: string, users: User[], status: number): Variant => {
      const bytes = users.map((u) =>
        serialise(port, { method, path: p, headers: { authorization: `Bearer ${u.token}` } }),
      );
      return { name, port, pid: bundle.pid, expect: status, requestFor: (conn) => bytes[conn % bytes.length]! };
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
    await bundle.stop();
  }
}
