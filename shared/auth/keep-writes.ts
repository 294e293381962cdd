import type { PoolClient } from 'pg';
import type { Db } from '../db/pool';
import { tx } from '../db/tx';
import type { AppError } from '../errors';

/**
 * A failure whose writes must survive it: a wrong OTP attempt has to count, a refresh-token theft has
 * to revoke the session. Thrown inside `txKeepingWrites`, it commits the transaction, runs `afterCommit`
 * and then the caller sees `error` — so every use case keeps the one failure style (throw).
 */
export class FailAfterCommit extends Error {
  constructor(
    readonly error: AppError,
    readonly afterCommit?: () => void,
  ) {
    super(error.message);
  }
}

export async function txKeepingWrites<T>(db: Db, fn: (c: PoolClient) => Promise<T>): Promise<T> {
  let kept: FailAfterCommit | undefined;
  const result = await tx(db, async (c) => {
    try {
      return await fn(c);
    } catch (err) {
      if (!(err instanceof FailAfterCommit)) throw err;
      kept = err;
      return undefined;
    }
  });
  if (kept) {
    kept.afterCommit?.();
    throw kept.error;
  }
  return result as T;
}
