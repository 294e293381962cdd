import { closedLoop } from './load';
import { fmt, median, percentile, processCpuUs, spread, table } from './stats';

export interface Variant {
  name: string;
  port: number;
  /** The server process whose CPU is charged to the variant. */
  pid: number;
  requestFor: (connection: number, n: number) => Buffer;
  /** The status every answer must have (anything else is counted and reported). */
  expect: number;
}

interface Segment {
  rps: number;
  p50: number;
  p99: number;
  cpuUsPerReq: number;
  bad: number;
}

export interface AbResult {
  title: string;
  variants: Array<{ name: string; segments: Segment[] }>;
  /** Per round: variant req/s ÷ the reference's (the first variant) in the same round. */
  ratios: Record<string, number[]>;
}

export interface AbOptions {
  rounds: number;
  seconds: number;
  warmupSeconds: number;
  connections: number;
}

async function segment(v: Variant, o: AbOptions, seconds: number): Promise<Segment> {
  const cpu0 = processCpuUs(v.pid);
  const r = await closedLoop({ port: v.port, connections: o.connections, seconds, requestFor: v.requestFor });
  const cpu = processCpuUs(v.pid) - cpu0;
  let bad = r.errors;
  for (const [status, n] of r.statuses) if (status !== v.expect) bad += n;
  return {
    rps: r.completed / r.seconds,
    p50: percentile(r.latencies, 50),
    p99: percentile(r.latencies, 99),
    cpuUsPerReq: cpu / Math.max(1, r.completed),
    bad,
  };
}

/**
 * Interleaved A/B: a warm-up per variant, then `rounds` rounds in which every variant runs once for
 * `seconds`, the order reversed every other round, so drift on the shared machine (other processes,
 * Postgres checkpoints, thermal) lands on every variant alike. Ratios are taken within a round.
 */
export async function interleaved(title: string, variants: Variant[], o: AbOptions): Promise<AbResult> {
  for (const v of variants) await segment(v, o, o.warmupSeconds);
  const segs = variants.map(() => [] as Segment[]);
  for (let r = 0; r < o.rounds; r++) {
    const order = variants.map((_, i) => i);
    if (r % 2) order.reverse();
    for (const i of order) segs[i]!.push(await segment(variants[i]!, o, o.seconds));
  }
  const ratios: Record<string, number[]> = {};
  for (let i = 1; i < variants.length; i++) {
    ratios[variants[i]!.name] = segs[i]!.map((s, r) => s.rps / segs[0]![r]!.rps);
  }
  return { title, variants: variants.map((v, i) => ({ name: v.name, segments: segs[i]! })), ratios };
}

export function printAb(res: AbResult, o: AbOptions): void {
  const ref = res.variants[0]!.name;
  console.log(
    `\n${res.title}\n  ${o.rounds} rounds × ${o.seconds} s per variant, interleaved (order reversed every other round), ` +
      `${o.connections} keep-alive connections, ${o.warmupSeconds} s warm-up each; median (min–max) over rounds`,
  );
  const rows = res.variants.map((v) => {
    const s = v.segments;
    const ratio = res.ratios[v.name];
    return [
      v.name,
      `${fmt(median(s.map((x) => x.rps)))} (${spread(s.map((x) => x.rps))})`,
      fmt(median(s.map((x) => x.p50))),
      fmt(median(s.map((x) => x.p99))),
      `${fmt(median(s.map((x) => x.cpuUsPerReq)))} (${spread(s.map((x) => x.cpuUsPerReq))})`,
      ratio ? `${fmt(median(ratio))} [${ratio.map(fmt).join(' ')}]` : '1 (reference)',
      String(s.reduce((a, x) => a + x.bad, 0)),
    ];
  });
  console.log(
    table(
      ['variant', 'req/s', 'p50 ms', 'p99 ms', 'server CPU µs/req', `÷ ${ref} per round: median [rounds]`, 'bad'],
      rows,
    )
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n'),
  );
}
