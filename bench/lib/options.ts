import type { AbOptions } from './ab';

const num = (name: string, fallback: number) => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};

/** A/B settings; BENCH_ROUNDS, BENCH_SECONDS, BENCH_WARMUP, BENCH_CONNECTIONS override (quick checks). */
export function abOptions(defaults: Partial<AbOptions> = {}): AbOptions {
  return {
    rounds: num('BENCH_ROUNDS', defaults.rounds ?? 5),
    seconds: num('BENCH_SECONDS', defaults.seconds ?? 3),
    warmupSeconds: num('BENCH_WARMUP', defaults.warmupSeconds ?? 1),
    connections: num('BENCH_CONNECTIONS', defaults.connections ?? 32),
  };
}

export const NOISE_NOTE =
  'Machine: 2 cores shared with other engineers running tests, so absolute figures move by tens of percent; ' +
  'compare within a round (the ratio) and read the spread.';
