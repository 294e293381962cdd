import type { DocumentData, Firestore } from '@google-cloud/firestore';

export type Doc = DocumentData;

/** A listener's waiting part: bounded waits on its state, failing at once when the listener fails. */
abstract class Waitable {
  private readonly waiters = new Set<() => void>();
  private failure: Error | undefined;

  protected changed(failure?: Error) {
    if (failure) this.failure = failure;
    for (const w of [...this.waiters]) w();
  }

  protected waitUntil(done: () => boolean, ms: number, failed: string, timedOut: () => string): Promise<void> {
    return new Promise((resolve, reject) => {
      const settle = (outcome: () => void) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        outcome();
      };
      const check = () => {
        if (this.failure) settle(() => reject(new Error(`${failed}: ${this.failure!.message}`)));
        else if (done()) settle(resolve);
      };
      const timer = setTimeout(() => settle(() => reject(new Error(timedOut()))), ms);
      this.waiters.add(check);
      check();
    });
  }
}

/** A live document listener, as an app holds one: the latest snapshot and a bounded wait on it. */
export class DocWatch extends Waitable {
  latest: Doc | undefined;
  private readonly stop: () => void;

  constructor(
    fs: Firestore,
    readonly path: string,
  ) {
    super();
    this.stop = fs.doc(path).onSnapshot(
      (snap) => {
        this.latest = snap.data();
        this.changed();
      },
      (err) => this.changed(err),
    );
  }

  /** The snapshot that matched, as it was then (a later one may have replaced `latest` since). */
  async until(what: string, predicate: (d: Doc | undefined) => boolean, ms: number): Promise<Doc> {
    let matched: Doc | undefined;
    await this.waitUntil(
      () => predicate(this.latest) && ((matched = this.latest), true),
      ms,
      `listener on ${this.path} failed`,
      () => `timed out after ${ms} ms waiting on ${this.path} for ${what} (last: ${brief(this.latest)})`,
    );
    return matched!;
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
export class MessageWatch extends Waitable {
  readonly arrivals: Arrival[] = [];
  duplicates = 0;
  outOfOrder = 0;
  private readonly seen = new Set<string>();
  private maxSeq = 0;
  private readonly stop: () => void;

  constructor(
    fs: Firestore,
    sessionId: string,
    private readonly onArrival?: (a: Arrival) => void,
  ) {
    super();
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
          this.changed();
        },
        (err) => this.changed(err),
      );
  }

  has(clientMessageId: string) {
    return this.arrivals.some((a) => a.client_message_id === clientMessageId);
  }

  /** Waits until every one of these client_message_ids has arrived. */
  untilAll(what: string, ids: string[], ms: number): Promise<void> {
    return this.waitUntil(
      () => ids.every((id) => this.has(id)),
      ms,
      'message listener failed',
      () => `timed out after ${ms} ms: ${what} never received ${ids.filter((id) => !this.has(id)).join(', ')}`,
    );
  }

  close() {
    this.stop();
  }
}
