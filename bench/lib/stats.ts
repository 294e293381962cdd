import { readFileSync } from 'node:fs';

export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const spread = (xs: number[]) => `${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))}`;

/** Three significant-ish digits: 1234, 12.3, 1.23. */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a >= 100) return String(Math.round(x));
  if (a >= 10) return x.toFixed(1);
  return x.toFixed(2);
}

/** Median and min–max of a sample, as "1234 (1100–1300)". */
export const summary = (xs: number[]) => `${fmt(median(xs))} (${spread(xs)})`;

const TICK_US = 1e6 / 100; // CLK_TCK is 100 on Linux

/** CPU time (user + system) of a process so far, in µs, from /proc/<pid>/stat (10 ms resolution). */
export function processCpuUs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may contain spaces; fields start after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_US; // utime, stime (fields 14, 15)
}

/** Every process in the tree rooted at `pid` (Postgres backends under the postmaster, say). */
export function processTree(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    try {
      const children = readFileSync(`/proc/${out[i]}/task/${out[i]}/children`, 'utf8').trim();
      if (children) out.push(...children.split(' ').map(Number));
    } catch {
      // gone
    }
  }
  return out;
}

/** CPU so far (µs) of these processes together; one that has exited meanwhile counts nothing. */
export function cpuOfUs(pids: number[]): number {
  let total = 0;
  for (const p of pids) {
    try {
      total += processCpuUs(p);
    } catch {
      // exited meanwhile
    }
  }
  return total;
}

export function treeCpuUs(pid: number): number {
  return cpuOfUs(processTree(pid));
}

/** A plain text table; numbers already formatted. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
