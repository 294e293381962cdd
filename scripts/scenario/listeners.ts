import { onArrival } from './chat-step';
import { DocWatch, MessageWatch } from './realtime';
import type { ScenarioState } from './state';

/** The listeners the two apps hold once the session exists: its doc, the mitra's copy, its messages. */
export function openListeners(s: ScenarioState) {
  const { fs, listenerPerSide } = s.o;
  const sid = s.sessionId;
  s.customerDoc = new DocWatch(fs, `sessions/${sid}`);
  s.mitraDoc = listenerPerSide ? new DocWatch(fs, `sessions/${sid}`) : s.customerDoc;
  s.mitraPrivate = new DocWatch(fs, `mitras/${s.mitra.id}/sessions/${sid}`);
  s.customerMsgs = new MessageWatch(fs, sid, onArrival(s, 'customer'));
  s.mitraMsgs = new MessageWatch(fs, sid, onArrival(s, 'mitra'));
}

/** Counts what the listeners saw (duplicates, out of order) and closes them. */
export function closeListeners(s: ScenarioState) {
  for (const w of [s.customerMsgs, s.mitraMsgs]) {
    if (!w) continue;
    s.o.metrics.duplicates += w.duplicates;
    s.o.metrics.outOfOrder += w.outOfOrder;
    w.close();
  }
  for (const d of new Set([s.customerDoc, s.mitraDoc, s.mitraPrivate])) d?.close();
}
