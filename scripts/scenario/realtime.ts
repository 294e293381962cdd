import type { DocumentData, Firestore } from '@google-cloud/firestore';

export type Doc = DocumentData;

/** A live document listener, as an app holds one: the latest snapshot and a bounded wait on it. */
export class DocWatch {
  latest: Doc | undefined;
  private readonly waiters = new Set<() => void>();
  private failure: Error | undefined;
  private readonly stop: () => void;

  constructor(
    fs: Firestore,
    readonly path: string,
  ) {
    this.stop = fs.doc(path).onSnapshot(
      (snap) => {
        this.latest = snap.data();
        for (const w of [...this.waiters]) w();
      },
      (err) => {
        this.failure = err;
        for (const w of [...this.waiters]) w();
      },
    );
  }

  until(what: string, predicate: (d: Doc | undefined) => boolean, ms: number): Promise<Doc> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.failure) {
          cleanup();
          reject(new Error(`listener on ${this.path} failed: ${this.failure.message}`));
        } else if (predicate(this.latest)) {
          cleanup();
          resolve(this.latest!);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out after ${ms} ms waiting on ${this.path} for ${what} (last: ${brief(this.latest)})`));
      }, ms);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  close() {
    this.stop();
  }
}

function brief(d: Doc | undefined) {
  if (!d) return 'no document';
  const { status, closing_reason, xendit_invoice_url, payment_for, extension, goodbyes, last_seq } = d;
  return JSON.stringify({ status, closing_reason, xendit_invoice_url, payment_for, extension, goodbyes, last_seq });
}

export interface Arrival {
  id: string;
  seq: number;
  sender_type: string;
  client_message_id: string;
  body: string;
  at: number;
}

/**
 * One app's listener on `sessions/{id}/messages` ordered by seq. Counts what a user would notice: a
 * message delivered twice, or one that shows up after a later one already had (out of order).
 */
export class MessageWatch {
  readonly arrivals: Arrival[] = [];
  duplicates = 0;
  outOfOrder = 0;
  private readonly seen = new Set<string>();
  private maxSeq = 0;
  private failure: Error | undefined;
  private readonly stop: () => void;
  private readonly waiters = new Set<() => void>();

  constructor(
    fs: Firestore,
    sessionId: string,
    private readonly onArrival?: (a: Arrival) => void,
  ) {
    this.stop = fs
      .collection(`sessions/${sessionId}/messages`)
      .orderBy('seq')
      .onSnapshot(
        (snap) => {
          const at = Date.now();
          for (const ch of snap.docChanges()) {
            if (ch.type !== 'added') continue;
            const d = ch.doc.data();
            const a: Arrival = {
              id: ch.doc.id,
              seq: d.seq as number,
              sender_type: d.sender_type as string,
              client_message_id: d.client_message_id as string,
              body: d.body as string,
              at,
            };
            if (this.seen.has(a.id)) {
              this.duplicates++;
              continue;
            }
            this.seen.add(a.id);
            if (a.seq < this.maxSeq) this.outOfOrder++;
            this.maxSeq = Math.max(this.maxSeq, a.seq);
            this.arrivals.push(a);
            this.onArrival?.(a);
          }
          for (const w of [...this.waiters]) w();
        },
        (err) => {
          this.failure = err;
          for (const w of [...this.waiters]) w();
        },
      );
  }

  has(clientMessageId: string) {
    return this.arrivals.some((a) => a.client_message_id === clientMessageId);
  }

  /** Waits until every one of these client_message_ids has arrived. */
  untilAll(what: string, ids: string[], ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.failure) {
          cleanup();
          reject(new Error(`message listener failed: ${this.failure.message}`));
        } else if (ids.every((id) => this.has(id))) {
          cleanup();
          resolve();
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        const missing = ids.filter((id) => !this.has(id));
        reject(new Error(`timed out after ${ms} ms: ${what} never received ${missing.join(', ')}`));
      }, ms);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  close() {
    this.stop();
  }
}
