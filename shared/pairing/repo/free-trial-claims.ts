import type { Queryable } from '../../db/pool';

export interface FreeTrialClaimRow {
  request_id: string;
  customer_id: string | null;
  phone_hash: Buffer | null;
  device_hash: Buffer;
  claimed_at: Date;
}

/** free_trial_claims: every column, in one list. */
export const COLUMNS = [
  'request_id',
  'customer_id',
  'phone_hash',
  'device_hash',
  'claimed_at',
] as const satisfies readonly (keyof FreeTrialClaimRow)[];

/** Whether the phone (when given) or the device already holds a free trial. */
export async function freeTrialClaimed(q: Queryable, phoneHash: Buffer | null, deviceHash: Buffer): Promise<boolean> {
  const { rowCount } = await q.query(
    'SELECT 1 FROM free_trial_claims WHERE device_hash = $2 OR ($1::bytea IS NOT NULL AND phone_hash = $1) LIMIT 1',
    [phoneHash, deviceHash],
  );
  return (rowCount ?? 0) > 0;
}

/** False when the phone or the device holds a trial already (a racing request's claim included). */
export async function claimFreeTrial(q: Queryable, c: Omit<FreeTrialClaimRow, 'claimed_at'>, now: Date) {
  const { rowCount } = await q.query(
    `INSERT INTO free_trial_claims (${COLUMNS.join(', ')}) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
    [c.request_id, c.customer_id, c.phone_hash, c.device_hash, now],
  );
  return (rowCount ?? 0) > 0;
}

/** The request ended without a session: its phone and device may try again. */
export async function releaseFreeTrial(q: Queryable, requestId: string): Promise<void> {
  await q.query('DELETE FROM free_trial_claims WHERE request_id = $1', [requestId]);
}
