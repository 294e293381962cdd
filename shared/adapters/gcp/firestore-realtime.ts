import type { Realtime, RealtimeDoc, RealtimeWrite } from '../../ports/realtime';

type FirestoreModule = typeof import('@google-cloud/firestore');
type Firestore = InstanceType<FirestoreModule['Firestore']>;

/** Firestore through the official client; FIRESTORE_EMULATOR_HOST points it at the local emulator. */
export class FirestoreRealtime implements Realtime {
  private db?: Promise<Firestore>;

  constructor(private readonly projectId: string) {}

  private firestore(): Promise<Firestore> {
    this.db ??= import('@google-cloud/firestore').then(({ Firestore }) => new Firestore({ projectId: this.projectId }));
    return this.db;
  }

  async set(path: string, data: RealtimeDoc, options: { merge?: boolean } = {}): Promise<void> {
    await (await this.firestore()).doc(path).set(data, { merge: options.merge ?? false });
  }

  async writeBatch(writes: RealtimeWrite[]): Promise<void> {
    const db = await this.firestore();
    const batch = db.batch();
    for (const w of writes) {
      if (w.op === 'delete') batch.delete(db.doc(w.path));
      else batch.set(db.doc(w.path), w.data, { merge: w.merge });
    }
    await batch.commit();
  }

  async delete(path: string): Promise<void> {
    await (await this.firestore()).doc(path).delete();
  }

  async get(path: string): Promise<RealtimeDoc | null> {
    const snap = await (await this.firestore()).doc(path).get();
    return snap.exists ? toJson(snap.data() ?? {}) : null;
  }

  async list(collectionPath: string): Promise<Array<{ id: string; data: RealtimeDoc }>> {
    const snap = await (await this.firestore()).collection(collectionPath).get();
    return snap.docs.map((d) => ({ id: d.id, data: toJson(d.data()) }));
  }

  async close(): Promise<void> {
    if (this.db) await (await this.db).terminate();
  }
}

/** Firestore Timestamps become ISO strings so the test routes return plain JSON. */
function toJson(doc: RealtimeDoc): RealtimeDoc {
  return JSON.parse(
    JSON.stringify(doc, (_k, v: unknown) => {
      if (v && typeof v === 'object' && '_seconds' in v && '_nanoseconds' in v) {
        const t = v as { _seconds: number; _nanoseconds: number };
        return new Date(t._seconds * 1000 + Math.floor(t._nanoseconds / 1e6)).toISOString();
      }
      return v;
    }),
  ) as RealtimeDoc;
}
