import { AsyncLocalStorage } from 'node:async_hooks';

type Phase = 'handler' | 'async';
export const phase = new AsyncLocalStorage<Phase>();

export interface Counts {
  stmtHandler: number;
  stmtAsync: number;
  stmtRelay: number;
  stmtLocalOnly: number;
  commits: number;
  tasksCreated: Record<string, number>;
  tasksDispatched: number;
  eventsPublished: number;
  eventsDelivered: number;
  firestoreWrites: number;
  firestoreDocs: Map<string, number>;
  fcm: number;
  outbox: Record<string, number>;
  pgCpuUs: number;
  /** Node CPU while the route handler ran (relay not kicked: it runs only in settle). */
  cpuHandlerUs: number;
  /** Node CPU inside task / Pub/Sub push handlers. */
  cpuAsyncUs: number;
  /** Node CPU of the relay, the local dispatcher and the in-process Firestore emulator (an upper bound for the relay). */
  cpuRelayUs: number;
}
export const fresh = (): Counts => ({
  stmtHandler: 0,
  stmtAsync: 0,
  stmtRelay: 0,
  stmtLocalOnly: 0,
  commits: 0,
  tasksCreated: {},
  tasksDispatched: 0,
  eventsPublished: 0,
  eventsDelivered: 0,
  firestoreWrites: 0,
  firestoreDocs: new Map(),
  fcm: 0,
  outbox: {},
  pgCpuUs: 0,
  cpuHandlerUs: 0,
  cpuAsyncUs: 0,
  cpuRelayUs: 0,
});
const NUMERIC = [
  'stmtHandler',
  'stmtAsync',
  'stmtRelay',
  'stmtLocalOnly',
  'commits',
  'tasksDispatched',
  'eventsPublished',
  'eventsDelivered',
  'firestoreWrites',
  'fcm',
  'pgCpuUs',
  'cpuHandlerUs',
  'cpuAsyncUs',
  'cpuRelayUs',
] as const;
export const cpuNow = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};
/** The counts of the step being measured (swapped by `measure`). */
export const counter: { cur: Counts; baseline?: Counts } = { cur: fresh() };

/** Statements of the local stand-ins (task table, push recorder, clock) have no GCP counterpart. */
export const LOCAL_ONLY = /\blocal_(deliveries|state|push_log)\b|fake_xendit/;
/**
 * The relay's own bookkeeping (claim, mark delivered, retry) and the documents it computes; INSERT INTO
 * outbox is the caller's, also inside a state change's own statement (`commitStatementWithEffects`: WITH … effects).
 */
export const RELAY =
  /^(?!\s*INSERT INTO outbox)(?![\s\S]*\beffects AS \(INSERT INTO outbox)[\s\S]*\boutbox\b|FROM chat_messages WHERE id = ANY|\bs\.id = ANY\(/i;

export function perOne(list: Counts[]): Counts {
  const n = list.length;
  const out = fresh();
  for (const c of list) {
    for (const k of NUMERIC) out[k] += c[k] / n;
    for (const [k, v] of Object.entries(c.tasksCreated)) out.tasksCreated[k] = (out.tasksCreated[k] ?? 0) + v / n;
    for (const [k, v] of Object.entries(c.outbox)) out.outbox[k] = (out.outbox[k] ?? 0) + v / n;
    const hottest = Math.max(0, ...c.firestoreDocs.values());
    out.firestoreDocs.set('hottest', Math.max(out.firestoreDocs.get('hottest') ?? 0, hottest));
  }
  return out;
}

export function scale(c: Counts, f: number): Counts {
  const out = perOne([c]);
  for (const k of NUMERIC) out[k] *= f;
  for (const k of Object.keys(out.tasksCreated)) out.tasksCreated[k]! *= f;
  for (const k of Object.keys(out.outbox)) out.outbox[k]! *= f;
  return out;
}
