import { readFileSync } from 'node:fs';
import { parse } from '@cdktf/hcl2json';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../shared/db/pool';
import { createLogger } from '../../shared/logger';
import { effect } from '../../shared/outbox';
import { enqueueMany } from '../helpers/outbox';
import {
  errorText,
  fail,
  MAX_OUTBOX_ATTEMPTS,
  recordOutcomes,
  retryDelaySeconds,
  type Outcome,
} from '../../shared/outbox/relay-outcomes';
import { createTestStack, type TestStack } from '../helpers/runtime';

let s: TestStack;
beforeAll(async () => {
  s = await createTestStack({ publishedContract: false });
});
afterAll(() => s.close());

/** A fresh outbox row (a document write), due in an hour so no drain delivers it meanwhile; its id. */
async function row(): Promise<number> {
  await enqueueMany(s.rt.db, [
    { item: effect.setDoc(`outcomes/${Math.random()}`, { x: 1 }), notBefore: new Date(Date.now() + 3_600_000) },
  ]);
  return (await s.rt.db.query<{ id: string }>('SELECT max(id) AS id FROM outbox')).rows[0]!.id as unknown as number;
}

/** The database, counting the statements sent through it. */
function counting() {
  let n = 0;
  const db = { query: (...args: unknown[]) => (n++, (s.rt.db.query as (...a: unknown[]) => unknown)(...args)) };
  return { db: db as unknown as Db, statements: () => n };
}

function capturing() {
  const lines: Array<Record<string, unknown>> = [];
  return { logger: createLogger('debug', {}, (l) => lines.push(JSON.parse(l))), lines };
}

const failure = (id: number, attempts: number): Outcome => ({
  id,
  ok: false,
  error: 'UNAVAILABLE: down',
  attempts,
  kind: 'realtime',
});

const state = async (id: number) =>
  (
    await s.rt.db.query(
      `SELECT delivered_at IS NOT NULL AS delivered, last_error,
              extract(epoch FROM available_at - now())::float8 AS due_in FROM outbox WHERE id = $1`,
      [id],
    )
  ).rows[0];

describe('recording delivery outcomes', () => {
  it('a failed delivery is an outcome carrying the row, its attempts and kind, and the error as text', () => {
    const claimed = { id: 7, kind: 'push' as const, payload: {}, attempts: 3, ordering_key: null };
    expect(fail(claimed, new Error('UNAVAILABLE: down'))).toEqual({
      id: 7,
      ok: false,
      error: 'UNAVAILABLE: down',
      attempts: 3,
      kind: 'push',
    });
    expect(errorText('a thrown string')).toBe('a thrown string');
    expect(errorText(new TypeError('bad'))).toBe('bad');
  });

  it('delivered rows are marked in one statement, failures put back with backoff in one more; nothing, no statement', async () => {
    const [a, b, c, d] = [await row(), await row(), await row(), await row()];
    const { logger } = capturing();
    const { db, statements } = counting();
    await recordOutcomes(db, logger, [{ id: a, ok: true }, { id: b, ok: true }, failure(c, 1), failure(d, 20)]);
    expect(statements()).toBe(2);
    expect(await state(a)).toMatchObject({ delivered: true, last_error: null });
    expect(await state(b)).toMatchObject({ delivered: true });
    // 2^attempts seconds, the exponent capped at 8 (256 s), drawn from the step's second half (jitter).
    const [dc, dd] = [await state(c), await state(d)];
    expect(dc).toMatchObject({ delivered: false, last_error: 'UNAVAILABLE: down' });
    expect(dc.due_in).toBeGreaterThan(0.9);
    expect(dc.due_in).toBeLessThanOrEqual(2);
    expect(dd.due_in).toBeGreaterThan(127);
    expect(dd.due_in).toBeLessThanOrEqual(256);

    for (const outcomes of [[{ id: await row(), ok: true as const }], [failure(await row(), 1)]]) {
      const one = counting();
      await recordOutcomes(one.db, logger, outcomes);
      expect(one.statements()).toBe(1);
    }
    const none = counting();
    await recordOutcomes(none.db, logger, []);
    expect(none.statements()).toBe(0);
  });

  it('the retry delay is half its step fixed plus the random draw times the other half, the step doubling up to 256 s', () => {
    // The draw spans the whole second half of the step: rows failed in one outage come back spread over it.
    for (const [attempts, step] of [
      [1, 2],
      [3, 8],
      [8, 256],
      [20, 256],
    ] as const) {
      expect(retryDelaySeconds(attempts, () => 0)).toBe(step / 2);
      expect(retryDelaySeconds(attempts, () => 0.25)).toBe(step / 2 + step / 8);
      expect(retryDelaySeconds(attempts, () => 1)).toBe(step);
    }
  });

  it('every failure is logged with its row, attempts, error and kind; the last allowed attempt also as a dead letter', async () => {
    const [early, last] = [await row(), await row()];
    const { logger, lines } = capturing();
    await recordOutcomes(s.rt.db, logger, [
      failure(early, MAX_OUTBOX_ATTEMPTS - 1),
      failure(last, MAX_OUTBOX_ATTEMPTS),
    ]);
    const warned = {
      severity: 'WARNING',
      message: 'outbox delivery failed',
      error: 'UNAVAILABLE: down',
      kind: 'realtime',
    };
    expect(lines).toEqual([
      expect.objectContaining({ ...warned, outbox_id: early, attempts: MAX_OUTBOX_ATTEMPTS - 1 }),
      expect.objectContaining({ ...warned, outbox_id: last, attempts: MAX_OUTBOX_ATTEMPTS }),
      expect.objectContaining({ severity: 'ERROR', message: 'outbox dead letter', outbox_id: last }),
    ]);
  });

  it('the dead-letter metric (terraform) counts exactly the last allowed attempt, and finds the kind it is labelled by', async () => {
    const tf = (await parse('monitoring.tf', readFileSync('terraform/monitoring.tf', 'utf8'))) as {
      resource: {
        google_logging_metric: Record<string, Array<{ filter: string; label_extractors: Record<string, string> }>>;
      };
    };
    const metric = tf.resource.google_logging_metric.outbox_dead_letters![0]!;
    const m = /jsonPayload\.message="([^"]+)" AND jsonPayload\.attempts>=(\d+)/.exec(metric.filter);
    expect(m).not.toBeNull();
    const [message, threshold] = [m![1], Number(m![2])];
    expect(threshold).toBe(MAX_OUTBOX_ATTEMPTS);
    const extracted = Object.values(metric.label_extractors).map((e) => /EXTRACT\(jsonPayload\.(\w+)\)/.exec(e)![1]!);
    expect(extracted).toEqual(['kind']);

    const [early, last] = [await row(), await row()];
    const { logger, lines } = capturing();
    await recordOutcomes(s.rt.db, logger, [
      failure(early, MAX_OUTBOX_ATTEMPTS - 1),
      failure(last, MAX_OUTBOX_ATTEMPTS),
    ]);
    const counted = lines.filter((l) => l.message === message && Number(l.attempts) >= threshold);
    expect(counted.map((l) => l.outbox_id)).toEqual([last]);
    for (const field of extracted) expect(counted[0]![field]).toBe('realtime');
  });
});
