import type { Queryable } from '../../db/pool';

/** The two tables that carry a user's Firestore access epoch (SPEC §13); the side names the table. */
const TABLE = { customer: 'customers', mitra: 'mitras' } as const;
export type EpochSide = keyof typeof TABLE;

/** The current epoch (0 for a user that never had access ended); undefined for an unknown user. */
export async function firestoreEpochOf(q: Queryable, side: EpochSide, id: string): Promise<number | undefined> {
  const { rows } = await q.query<{ epoch: number }>(
    `SELECT firestore_epoch AS epoch FROM ${TABLE[side]} WHERE id = $1`,
    [id],
  );
  return rows[0]?.epoch;
}

/** Moves the epoch on: every Firebase token minted before no longer matches. */
export async function bumpFirestoreEpoch(q: Queryable, side: EpochSide, id: string): Promise<number | undefined> {
  const { rows } = await q.query<{ epoch: number }>(
    `UPDATE ${TABLE[side]} SET firestore_epoch = firestore_epoch + 1 WHERE id = $1 RETURNING firestore_epoch AS epoch`,
    [id],
  );
  return rows[0]?.epoch;
}

/** Every user whose epoch moved on (only they need `users/{uid}`: a missing doc means 0), for a mirror rebuild. */
export async function movedEpochs(q: Queryable): Promise<Array<{ side: EpochSide; id: string; epoch: number }>> {
  const { rows } = await q.query<{ side: EpochSide; id: string; epoch: number }>(
    `SELECT 'customer' AS side, id, firestore_epoch AS epoch FROM customers WHERE firestore_epoch > 0
     UNION ALL SELECT 'mitra', id, firestore_epoch FROM mitras WHERE firestore_epoch > 0`,
  );
  return rows;
}
