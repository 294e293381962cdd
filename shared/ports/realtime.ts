export type RealtimeDoc = Record<string, unknown>;

/** The Firestore delivery mirror. Paths are slash-separated document paths. */
export interface Realtime {
  set(path: string, data: RealtimeDoc, options?: { merge?: boolean }): Promise<void>;
  delete(path: string): Promise<void>;
  get(path: string): Promise<RealtimeDoc | null>;
  list(collectionPath: string): Promise<Array<{ id: string; data: RealtimeDoc }>>;
}
