import type { CollectionReference, Firestore } from '@google-cloud/firestore';
import type { Duplex } from 'node:stream';

/** One document's state as a snapshot shows it: its path relative to the database, and its `status`. */
export interface SeenDoc {
  path: string;
  status: string | undefined;
}

/** The official client's internals this listener shares with its own listeners (@google-cloud/firestore 8). */
interface ClientInternals {
  formattedName: string;
  initializeIfNeeded(requestTag: string): Promise<void>;
  requestStream(method: 'listen', bidirectional: true, request: unknown, requestTag: string): Promise<Duplex>;
}
interface QueryInternals {
  toProto(transaction: undefined, explain: undefined, forListen: true): unknown;
}

interface ListenResponse {
  targetChange?: { targetChangeType: string; targetIds?: number[]; readTime?: unknown; cause?: { message?: string } };
  documentChange?: {
    document: { name: string; fields?: Record<string, { stringValue?: string }> };
    targetIds?: number[];
    removedTargetIds?: number[];
  };
  documentDelete?: { document: string };
  documentRemove?: { document: string };
  filter?: { count: number };
}

const WATCH_TARGET_ID = 1;

/**
 * A listener on a collection as the benches' load generator needs one: the official client's own Listen
 * stream (its channel pool, its request — the query's own listen proto, target 1 —, its decoding), and
 * its rule for when changes become visible (a global NO_CHANGE with a read time once the target is
 * CURRENT), but without the app-side view the client keeps for each listener (a sorted document tree,
 * snapshot objects, change lists computed by re-sorting), which cost the bench ~0.4 ms of CPU a document
 * on the cores the stack under test needs. What the emulator receives and sends is exactly what the
 * client's `onSnapshot` would make it receive and send.
 */
export async function listenViewFree(
  firestore: Firestore,
  collection: CollectionReference,
  onChanges: (docs: SeenDoc[]) => void,
  onError: (err: Error) => void,
): Promise<() => void> {
  const client = firestore as unknown as ClientInternals;
  const tag = `bench-${collection.path}`;
  await client.initializeIfNeeded(tag);
  const query = (collection as unknown as QueryInternals).toProto(undefined, undefined, true);
  const request = { database: client.formattedName, addTarget: { query, targetId: WATCH_TARGET_ID } };
  const stream = await client.requestStream('listen', true, request, tag);
  const prefix = `${client.formattedName}/documents/`;
  let current = false;
  let open = true;
  // Changes since the last snapshot: a document's status, or null for a removal; `known`: the snapshot's documents.
  const pending = new Map<string, { status: string | undefined } | null>();
  const known = new Set<string>();
  const size = () => {
    let n = known.size;
    for (const [path, change] of pending) n += change ? (known.has(path) ? 0 : 1) : known.has(path) ? -1 : 0;
    return n;
  };
  stream.on('data', (r: ListenResponse) => {
    const change = r.targetChange;
    if (change) {
      if (change.targetChangeType === 'CURRENT') current = true;
      else if (change.targetChangeType === 'REMOVE') onError(new Error(change.cause?.message ?? 'target removed'));
      else if (change.targetChangeType === 'RESET') {
        pending.clear();
        current = false;
      } else if (change.targetChangeType === 'NO_CHANGE' && !change.targetIds?.length && change.readTime && current) {
        const changed: SeenDoc[] = [];
        for (const [path, change] of pending) {
          if (change) changed.push({ path, status: change.status });
          if (change) known.add(path);
          else known.delete(path);
        }
        if (changed.length) onChanges(changed);
        pending.clear();
      }
      return;
    }
    // The client re-queries on an existence filter that does not match its count; a bench listener says so.
    if (r.filter) {
      if (r.filter.count !== size()) onError(new Error('existence filter mismatch: the listener would re-query'));
      return;
    }
    const doc = r.documentChange;
    const gone = r.documentDelete?.document ?? r.documentRemove?.document;
    if (doc?.targetIds?.includes(WATCH_TARGET_ID)) {
      pending.set(doc.document.name.slice(prefix.length), { status: doc.document.fields?.status?.stringValue });
    } else if (doc?.removedTargetIds?.includes(WATCH_TARGET_ID)) {
      pending.set(doc.document.name.slice(prefix.length), null);
    } else if (gone) {
      pending.set(gone.slice(prefix.length), null);
    }
  });
  stream.on('error', (err: Error) => open && onError(err));
  // The client reopens a stream that ends; a bench listener that stops hearing reports it.
  stream.on('end', () => open && onError(new Error('listen stream ended')));
  // The client hands its streams out paused, as its own listener expects.
  stream.resume();
  return () => {
    open = false; // as the client's unsubscribe: what the ended stream reports is no one's error
    stream.end();
  };
}
