import { signInCustomer, signInMitra } from './actors';
import { chatWithReceipts, onArrival } from './chat-step';
import { awaitClosing, closeListeners, finish } from './closing-step';
import { awaitExpired, endsAt, extend } from './extension-step';
import { pair } from './pairing-step';
import { paySession } from './payment-step';
import { DocWatch, MessageWatch, type Doc } from './realtime';
import { ScenarioState, sleep, type App, type ScenarioOptions } from './state';

export { Metrics } from './metrics';
export type { ScenarioOptions } from './state';

/**
 * One whole session as the two apps live it, over the public HTTP API and Firestore listeners only.
 * Split where the stack's clock must move: `start` (to a paid, active chat), `extend` (after the
 * first time-up), `finish` (in closing). The caller moves the clock between them, so under load all
 * scenarios can share one clock advance per wave.
 */
export class Scenario {
  private readonly s: ScenarioState;

  constructor(o: ScenarioOptions) {
    this.s = new ScenarioState(o);
  }

  get customer(): App {
    return this.s.customer;
  }
  set customer(app: App) {
    this.s.customer = app;
  }
  get mitra(): App {
    return this.s.mitra;
  }
  set mitra(app: App) {
    this.s.mitra = app;
  }
  get sessionId(): string {
    return this.s.sessionId;
  }
  set sessionId(id: string) {
    this.s.sessionId = id;
  }

  /** Guest → OTP upgrade → mitra online → request → accept → pay → active → chat → receipts. */
  async start() {
    const s = this.s;
    const o = s.o;
    await signInCustomer(s);
    await signInMitra(s);
    await pair(s);

    const sid = s.sessionId;
    s.customerDoc = new DocWatch(o.fs, `sessions/${sid}`);
    s.mitraDoc = o.listenerPerSide ? new DocWatch(o.fs, `sessions/${sid}`) : s.customerDoc;
    s.mitraPrivate = new DocWatch(o.fs, `mitras/${s.mitra.id}/sessions/${sid}`);
    s.customerMsgs = new MessageWatch(o.fs, sid, onArrival(s, 'customer'));
    s.mitraMsgs = new MessageWatch(o.fs, sid, onArrival(s, 'mitra'));

    await paySession(s);
    await chatWithReceipts(s);
  }

  /** When this session's time is up (stack clock), from its doc. */
  endsAt(): number {
    return endsAt(this.s);
  }

  windowEndsAt(): number {
    return Date.parse(this.s.customerDoc.latest?.extension_window_ends_at as string);
  }

  async awaitExpired(step: string) {
    await awaitExpired(this.s, step);
  }

  /** After the first time-up: ask for more time, the mitra accepts, the customer pays, chat resumes. */
  async extend() {
    await extend(this.s);
  }

  async awaitClosing() {
    await awaitClosing(this.s);
  }

  /** In closing: goodbye from both → completed → rating; then the message accounting. */
  async finish() {
    await finish(this.s);
  }

  /** Counts what the listeners saw (duplicates, out of order) and closes them. */
  close() {
    closeListeners(this.s);
  }

  /** Lets listeners that are still delivering finish before accounting (after the last wait). */
  static settle(ms = 200) {
    return sleep(ms);
  }
}

export type { Doc };
