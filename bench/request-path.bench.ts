import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { interleaved, printAb, type AbResult, type Variant } from './lib/ab';
import { serialise, type HttpRequestSpec } from './lib/load';
import { abOptions, NOISE_NOTE } from './lib/options';
import { startBaseline, startPairingBundle, startStack, tempDir, type Server } from './lib/procs';
import { StackUsers } from './lib/users';
import { fmt, median, summary, table } from './lib/stats';

/** Where bundles built for benches live: under node_modules so their external SDKs resolve. */
export const BENCH_BUILD_DIR = path.resolve('node_modules/.cache/halo-bench');

/**
 * Heartbeat and an authenticated cached read, over sockets: the local stack (`npm start`), the pairing
 * bundle on node:http (production host), bare Hono and bare Fastify doing the same work against the same
 * Postgres. Interleaved rounds; the ratio is per round against bare Hono (jose, as the issue set it). Our
 * stack verifies its own tokens with node:crypto, so a bare Hono doing that too shows what our framework
 * costs on its own.
 */
export async function benchRequestPath(): Promise<void> {
  await logLineCost();
  const logDir = tempDir('halo-bench-logs-');
  const stack = await startStack(logDir);
  const servers: Server[] = [stack];
  try {
    const users = await StackUsers.open(stack);
    const o = abOptions();
    const mitras = await users.mitras(o.connections);
    const customers = await users.customers(o.connections);
    await users.close();
    const shared = {
      DATABASE_URL: stack.databaseUrl,
      SIGNING_KEY_FILE: stack.signingKeyFile,
      DATABASE_POOL_MAX: '10',
    };
    const hono = await startBaseline('hono', shared, logDir);
    const fastify = await startBaseline('fastify', shared, logDir);
    const honoNodeCrypto = await startBaseline(
      'hono',
      { ...shared, BARE_VERIFIER: 'node' },
      logDir,
      'hono-node-crypto',
    );
    servers.push(hono, fastify, honoNodeCrypto);
    let bundle: Server | undefined;
    const bundleOpts = {
      outdir: path.join(BENCH_BUILD_DIR, 'pairing'),
      logDir,
      databaseUrl: stack.databaseUrl,
      firestoreHost: stack.firestoreHost,
      projectId: stack.projectId,
      signingKey: readFileSync(stack.signingKeyFile, 'utf8'),
    };
    try {
      bundle = await startPairingBundle(bundleOpts);
      servers.push(bundle);
    } catch (err) {
      console.log(`  (pairing bundle on node:http not measured: ${(err as Error).message.split('\n')[0]})`);
    }

    const targets: Array<[string, Server]> = [
      ['bare Hono', hono],
      ['bare Fastify', fastify],
      ['bare Hono, node:crypto verify', honoNodeCrypto],
      ['local stack (npm start)', stack],
      ...(bundle ? [['pairing bundle, node:http', bundle] as [string, Server]] : []),
    ];
    const variantsFor = (spec: (token: string) => HttpRequestSpec, tokens: string[], expect: number): Variant[] =>
      targets.map(([name, s]) => {
        const bytes = tokens.map((t) => serialise(s.port, spec(t)));
        return { name, port: s.port, pid: s.pid, expect, requestFor: (conn) => bytes[conn % bytes.length]! };
      });

    console.log(`\n${NOISE_NOTE}`);
    const heartbeat = await interleaved(
      'POST /api/mitra/status/heartbeat (ES256 verify + one UPDATE, 204), one mitra per connection',
      variantsFor(
        (t) => ({ method: 'POST', path: '/api/mitra/status/heartbeat', headers: { authorization: `Bearer ${t}` } }),
        mitras.map((m) => m.token),
        204,
      ),
      o,
    );
    printAb(heartbeat, o);
    printAgainst(heartbeat, 'bare Hono, node:crypto verify');
    const availability = await interleaved(
      'GET /api/client/availability (ES256 verify + count cached 5 s, 200 JSON)',
      variantsFor(
        (t) => ({ method: 'GET', path: '/api/client/availability', headers: { authorization: `Bearer ${t}` } }),
        customers.map((c) => c.token),
        200,
      ),
      o,
    );
    printAb(availability, o);
    printAgainst(availability, 'bare Hono, node:crypto verify');
  } finally {
    for (const s of servers.reverse()) await s.stop().catch(() => undefined);
  }
}

/** What the framework costs on its own: each of ours ÷ the bare server that checks tokens as ours do, per round. */
function printAgainst(res: AbResult, reference: string): void {
  const ref = res.variants.find((v) => v.name === reference);
  if (!ref) return;
  for (const v of res.variants.filter((x) => !x.name.startsWith('bare '))) {
    const ratios = v.segments.map((seg, r) => seg.rps / ref.segments[r]!.rps);
    console.log(`  ${v.name} ÷ ${reference}: ${fmt(median(ratios))} [${ratios.map(fmt).join(' ')}]`);
  }
}

/** One run of bench/lib/log-cost.ts with stdout a pipe this process drains (Cloud Run's case). */
function logRun(mode: 'sync' | 'buffered', lines: number): Promise<{ nsPerLine: number; cpuNsPerLine: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/lib/log-cost.ts', mode, String(lines)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stdout.resume();
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => {
      const last = err.trim().split('\n').pop() ?? '';
      if (code === 0 && last.startsWith('{')) resolve(JSON.parse(last) as { nsPerLine: number; cpuNsPerLine: number });
      else reject(new Error(`log-cost ${mode} exited ${code}: ${err}`));
    });
  });
}

/** The request log line: one synchronous write per line (before) vs the buffered sink (now), interleaved. */
export async function logLineCost(rounds = abOptions().rounds, lines = 100_000): Promise<void> {
  const modes = ['sync', 'buffered'] as const;
  type Cost = { nsPerLine: number; cpuNsPerLine: number };
  const res: Record<(typeof modes)[number], Cost[]> = { sync: [], buffered: [] };
  for (let r = 0; r < rounds; r++)
    for (const m of r % 2 ? [...modes].reverse() : modes) res[m].push(await logRun(m, lines));
  console.log(
    `\nRequest log line (shared/logger.ts), ${lines} lines, 32 per event-loop turn, stdout a pipe, ${rounds} interleaved rounds`,
  );
  const ratio = res.buffered.map((b, i) => b.nsPerLine / res.sync[i]!.nsPerLine);
  console.log(
    table(
      ['sink', 'loop µs/line', 'CPU µs/line', 'buffered ÷ sync (loop time) per round'],
      modes.map((m) => [
        m === 'sync' ? 'one write per line (before)' : 'buffered, one write per turn',
        summary(res[m].map((x) => x.nsPerLine / 1000)),
        summary(res[m].map((x) => x.cpuNsPerLine / 1000)),
        m === 'sync' ? '' : `${fmt(median(ratio))} [${ratio.map(fmt).join(' ')}]`,
      ]),
    )
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n'),
  );
}
