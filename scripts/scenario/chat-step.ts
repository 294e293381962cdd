import { randomBytes } from 'node:crypto';
import { ok } from './client';
import type { Arrival } from './realtime';
import { sleep, type ScenarioState } from './state';
import { step } from './step';

/** A message listener's callback: records the delivery latency of the other side's messages. */
export function onArrival(s: ScenarioState, listener: 'customer' | 'mitra') {
  return (a: Arrival) => {
    const sent = s.sentAt.get(a.client_message_id);
    if (!sent || sent.side === listener) return; // its own message echoing back: not a delivery
    const ms = a.at - sent.at;
    s.o.metrics.latencies.push(ms);
    s.o.metrics.received++;
    if (s.o.narrate) {
      const from = a.sender_type === 'customer' ? s.customer.name : s.mitra.name;
      s.o.narrate(`           ${listener} listener <- #${a.seq} from ${from}: "${a.body}" (${ms} ms after send)`);
    }
  };
}

/** Both apps send `perSide` messages at once; waits until both listeners saw them all. Returns the last seq. */
export async function chat(s: ScenarioState, round: string, perSide: number) {
  const c = s.customer.api;
  const m = s.mitra.api;
  const id = s.sessionId;
  const ids: string[] = [];
  const send = async (side: 'customer' | 'mitra', body: string) => {
    const cmid = `${round}-${side[0]}${++s.msgCounter}-${randomBytes(3).toString('hex')}`;
    ids.push(cmid);
    s.sentAt.set(cmid, { at: Date.now(), side });
    const path = side === 'customer' ? '/api/client/sessions/{id}/messages' : '/api/mitra/sessions/{id}/messages';
    // A dropped connection is retried with the same client_message_id, as the apps do: the server
    // answers with the same message, never a second one.
    let msg;
    for (let attempt = 1; ; attempt++) {
      try {
        msg = await ok(
          `${side} sends a message`,
          (side === 'customer' ? c : m).POST(path, {
            params: { path: { id } },
            body: { client_message_id: cmid, body },
          }),
        );
        break;
      } catch (err) {
        const cause = (err as { cause?: { code?: string; message?: string } }).cause;
        if (!(err instanceof TypeError) || attempt >= 3) {
          throw new Error(`${(err as Error).message}${cause ? ` (${cause.code ?? cause.message})` : ''}`, {
            cause: err,
          });
        }
        s.o.metrics.retries++;
        await sleep(200 * attempt);
      }
    }
    s.o.metrics.sent++;
    return msg.seq;
  };
  const lines = {
    customer: ['Kak, aku lagi capek banget sama kerjaan', 'Rasanya nggak ada yang ngerti', 'Makasih udah dengerin'],
    mitra: ['Aku di sini buat dengerin kamu', 'Boleh cerita pelan-pelan ya', 'Kamu hebat udah bertahan'],
  };
  // Both apps type at once, each in its own order.
  const seqs = await Promise.all(
    (['customer', 'mitra'] as const).map(async (side) => {
      const out: number[] = [];
      for (let i = 0; i < perSide; i++) out.push(await send(side, lines[side][i % 3]!));
      return out;
    }),
  );
  await Promise.all([
    s.customerMsgs.untilAll('the customer listener', ids, s.o.waitMs),
    s.mitraMsgs.untilAll('the mitra listener', ids, s.o.waitMs),
  ]);
  return Math.max(...seqs.flat());
}

/** The first chat round, then both sides mark everything read and see the other's receipt. */
export async function chatWithReceipts(s: ScenarioState) {
  const o = s.o;
  const sid = s.sessionId;
  const last = await step(
    s,
    'chat',
    () => chat(s, 'a', o.messagesPerSide),
    (n) => [`${n} messages, in order`, `${n} messages, in order`],
  );
  await step(
    s,
    'receipts',
    async () => {
      await Promise.all([
        ok(
          'mitra read receipt',
          s.mitra.api.POST('/api/mitra/sessions/{id}/messages/receipts', {
            params: { path: { id: sid } },
            body: { up_to_seq: last, status: 'read' },
          }),
        ),
        ok(
          'customer read receipt',
          s.customer.api.POST('/api/client/sessions/{id}/messages/receipts', {
            params: { path: { id: sid } },
            body: { up_to_seq: last, status: 'read' },
          }),
        ),
      ]);
      await Promise.all([
        s.customerDoc.until('mitra read all', (d) => (d?.receipts?.mitra?.read_seq ?? 0) >= last, o.waitMs),
        s.mitraDoc.until('customer read all', (d) => (d?.receipts?.customer?.read_seq ?? 0) >= last, o.waitMs),
      ]);
    },
    () => [`ticks: read up to #${last}`, `ticks: read up to #${last}`],
  );
}
