import { describe, expect, it } from 'vitest';
import { retryDelaySeconds } from '../../shared/outbox/relay-outcomes';

describe('the outbox retry delay', () => {
  it('doubles per attempt up to 256 s, and is jittered within the step’s second half', () => {
    for (let attempts = 1; attempts <= 25; attempts++) {
      const step = 2 ** Math.min(attempts, 8);
      expect(retryDelaySeconds(attempts, () => 0)).toBe(step / 2);
      expect(retryDelaySeconds(attempts, () => 0.999999)).toBeCloseTo(step, 3);
    }
  });

  it('spreads rows that failed together: 1,000 failures of one attempt land across the whole half-step', () => {
    const delays = Array.from({ length: 1000 }, () => retryDelaySeconds(6));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(32);
    expect(Math.max(...delays)).toBeLessThan(64);
    // Ten 3.2 s slots, every one used: not one burst at the same instant.
    const slots = new Set(delays.map((d) => Math.floor((d - 32) / 3.2)));
    expect(slots.size).toBe(10);
  });
});
