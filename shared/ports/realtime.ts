export type RealtimeDoc = Record<string, unknown>;

export type RealtimeWrite =
  { op: 'set'; path: string; data: RealtimeDoc; merge: boolean } | { op: 'delete'; path: string };

/** Firestore holds at most 500 writes in one batched commit. */
export const MAX_BATCH_WRITES = 500;

/** The Firestore delivery mirror. Paths are slash-separated document paths. */
export interface Realtime {
  set(path: string, data: RealtimeDoc, options?: { merge?: boolean }): Promise<void>;
  delete(path: string): Promise<void>;
  get(path: string): Promise<RealtimeDoc | null>;
  list(collectionPath: string): Promise<Array<{ id: string; data: RealtimeDoc }>>;
  /** One atomic commit of up to MAX_BATCH_WRITES writes to distinct documents (optional: adapters that batch). */
  writeBatch?(writes: RealtimeWrite[]): Promise<void>;
}
