import type { ScenarioState } from './state';

function line(s: ScenarioState, name: string, ms: number, customer: string, mitra: string) {
  if (!s.o.narrate) return;
  const at = ((Date.now() - s.t0) / 1000).toFixed(2).padStart(6);
  s.o.narrate(
    `[+${at}s] ${name.padEnd(18)} ${String(Math.round(ms)).padStart(5)} ms | customer app: ${customer} | mitra app: ${mitra}`,
  );
}

/** Runs one named step: times it into the metrics and, in the demo, narrates what each app shows. */
export async function step<T>(
  s: ScenarioState,
  name: string,
  fn: () => Promise<T>,
  shows?: (r: T) => [string, string],
): Promise<T> {
  const t = performance.now();
  let r: T;
  try {
    r = await fn();
  } catch (err) {
    throw new Error(`step "${name}" failed: ${(err as Error).message}`, { cause: err });
  }
  const ms = performance.now() - t;
  s.o.metrics.add(name, ms);
  if (shows) line(s, name, ms, ...shows(r));
  return r;
}

/** Both apps' `sessions/{id}` listeners show `status` (under load they may be one listener). */
export function bothSee(s: ScenarioState, what: string, status: string) {
  const seen = (d: { status?: unknown } | undefined) => d?.status === status;
  return Promise.all([s.customerDoc.until(what, seen, s.o.waitMs), s.mitraDoc.until(what, seen, s.o.waitMs)]);
}
