import { setTimeout as sleep } from 'node:timers/promises';

export { sleep };

/** Waits (bounded) until `done`; on time-out returns what was still missing instead of the time. */
export async function until(what: () => string, done: () => boolean, withinMs: number): Promise<string | undefined> {
  const deadline = performance.now() + withinMs;
  while (!done()) {
    if (performance.now() > deadline) return `not within ${withinMs / 1000} s: ${what()}`;
    await sleep(5);
  }
  return undefined;
}
