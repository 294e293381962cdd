import type { Firestore } from '@google-cloud/firestore';
import { apiClient, type ApiClient, type HttpTally, type TokenHolder } from './client';
import type { Metrics } from './metrics';
import type { DocWatch, MessageWatch } from './realtime';

export interface ScenarioOptions {
  base: string;
  fs: Firestore;
  tally: HttpTally;
  metrics: Metrics;
  /** Distinguishes this scenario's names and phones within a run. */
  index: number;
  runTag: string;
  /** One line per step (the demo); absent under load. */
  narrate?: (line: string) => void;
  /** Offer the request to this scenario's own mitra only (load: no N×N blast); else the normal blast. */
  targeted: boolean;
  /** Each app holds its own `sessions/{id}` listener (demo); under load both sides share one. */
  listenerPerSide: boolean;
  messagesPerSide: number;
  waitMs: number;
}

/** One app signed in: its typed client and tokens. */
export interface App {
  api: ApiClient;
  tokens: TokenHolder;
  id: string;
  name: string;
}

export const TIER = 'tier_30';

export function phoneFor(runTag: string, index: number, kind: 'c' | 'm') {
  // 08 + 10 digits: a valid Indonesian mobile number, unique per run, scenario and side.
  const tag = Number.parseInt(runTag, 16) % 10_000;
  return `08${kind === 'c' ? '12' : '13'}${String(tag).padStart(4, '0')}${String(index).padStart(4, '0')}`;
}

export const rupiah = (n: number) => `Rp${n.toLocaleString('id-ID')}`;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Everything one scenario's steps share: options, the two apps, the session and its listeners. */
export class ScenarioState {
  customer!: App;
  mitra!: App;
  sessionId = '';
  customerDoc!: DocWatch;
  mitraDoc!: DocWatch;
  mitraPrivate!: DocWatch;
  customerMsgs!: MessageWatch;
  mitraMsgs!: MessageWatch;
  readonly sentAt = new Map<string, { at: number; side: 'customer' | 'mitra' }>();
  readonly t0 = Date.now();
  msgCounter = 0;
  readonly public: ApiClient;

  constructor(readonly o: ScenarioOptions) {
    this.public = apiClient(o.base, o.tally);
  }
}
