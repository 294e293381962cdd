import pg from 'pg';
import { type Runtime } from '../../shared/runtime';
import { counter, LOCAL_ONLY, phase, RELAY } from './counts';

export function instrumentPg() {
  const proto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...a: unknown[]) {
    const q = a[0];
    const text = typeof q === 'string' ? q : ((q as { text?: string } | undefined)?.text ?? '');
    if (/^\s*COMMIT/i.test(text)) counter.cur.commits++;
    if (LOCAL_ONLY.test(text)) counter.cur.stmtLocalOnly++;
    else if (RELAY.test(text)) counter.cur.stmtRelay++;
    else if (phase.getStore() === 'async') counter.cur.stmtAsync++;
    else counter.cur.stmtHandler++;
    return original.apply(this, a);
  };
}

export function instrumentPorts(rt: Runtime) {
  const sched = rt.scheduler.schedule.bind(rt.scheduler);
  rt.scheduler.schedule = (t) => {
    const kind = t.name.replace(/:.*/, '');
    counter.cur.tasksCreated[kind] = (counter.cur.tasksCreated[kind] ?? 0) + 1;
    return sched(t);
  };
  const publish = rt.eventBus.publish.bind(rt.eventBus);
  rt.eventBus.publish = (e) => {
    counter.cur.eventsPublished++;
    return publish(e);
  };
  const doc = (p: string) => {
    counter.cur.firestoreWrites++;
    counter.cur.firestoreDocs.set(p, (counter.cur.firestoreDocs.get(p) ?? 0) + 1);
  };
  const set = rt.realtime.set.bind(rt.realtime);
  rt.realtime.set = (p, d, o) => (doc(p), set(p, d, o));
  const del = rt.realtime.delete.bind(rt.realtime);
  rt.realtime.delete = (p) => (doc(p), del(p));
  if (rt.realtime.writeBatch) {
    const batch = rt.realtime.writeBatch.bind(rt.realtime);
    rt.realtime.writeBatch = (ws) => {
      for (const w of ws) doc(w.path);
      return batch(ws);
    };
  }
  const send = rt.push.send.bind(rt.push);
  rt.push.send = (m) => (counter.cur.fcm++, send(m));
  if (rt.push.sendMany) {
    const many = rt.push.sendMany.bind(rt.push);
    rt.push.sendMany = (ms) => ((counter.cur.fcm += ms.length), many(ms));
  }
}
