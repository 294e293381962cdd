import { signInCustomer, signInMitra } from './actors';
import { chatWithReceipts } from './chat-step';
import { awaitClosing, finish } from './closing-step';
import { deleteAccount } from './erasure-step';
import { awaitExpired, endsAt, extend } from './extension-step';
import { pair } from './pairing-step';
import { paySession } from './payment-step';
import { closeListeners, openListeners } from './listeners';
import type { Doc } from './realtime';
import { ScenarioState, sleep, type ScenarioOptions } from './state';

export { Metrics } from './metrics';

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

  get sessionId(): string {
    return this.s.sessionId;
  }

  /** Guest → OTP upgrade → mitra online → request → accept → pay → active → chat → receipts. */
  async start() {
    const s = this.s;
    await signInCustomer(s);
    await signInMitra(s);
    await pair(s);
    openListeners(s);

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

  /** The customer deletes the account; the control center's lookup by phone finds nobody (SPEC §14). */
  async deleteAccount() {
    await deleteAccount(this.s);
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
