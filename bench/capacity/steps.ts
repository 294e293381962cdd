import { configReader } from '../../shared/config';
import { PAIRING_PATHS } from '../../shared/pairing';
import { MITRAS, REQUESTS, HEARTBEATS } from './args';
import { counter, perOne, scale, type Counts } from './counts';
import { type Stack, call, settle, measure, makeMitras, makeCustomers, must } from './stack';

// ── steps ──────────────────────────────────────────────────────────────────────────────────────────

/** A customer asks to talk (regular topic, 30-minute tier); the request's id. */
async function chatRequest(s: Stack, token: string): Promise<string> {
  const res = await must(
    call(s, 'POST', '/api/client/chat/request', token, { topic_sensitivity: 'regular', tier_id: 'tier_30' }),
    201,
    'request',
  );
  return ((await res.json()) as { request_id: string }).request_id;
}

export interface StepResult {
  step: string;
  /** How many times the step ran; every figure below is per one. */
  n: number;
  note: string;
  per: Counts;
}

export async function runSteps(s: Stack): Promise<StepResult[]> {
  const results: StepResult[] = [];
  const record = (step: string, note: string, list: Counts[]) =>
    results.push({ step, n: list.length, note, per: perOne(list) });

  const empties: Counts[] = [];
  for (let i = 0; i < 30; i++) empties.push(await measure(s, async () => undefined));
  counter.baseline = perOne(empties);
  const mitras = await makeMitras(s, MITRAS, '1');
  const customers = await makeCustomers(s, REQUESTS * 2, '2');
  // Nobody times out between steps: the stale sweep is measured as its own step.
  await s.rt.db.query(`UPDATE app_config SET value = '3600' WHERE key = 'mitra_stale_after_seconds'`);
  configReader(s.rt).invalidate();

  const list: Counts[] = [];
  for (const m of mitras)
    list.push(
      await measure(
        s,
        async () => void (await must(call(s, 'POST', '/api/mitra/status/online', m.token), 200, 'online')),
      ),
    );
  record('mitra goes online', 'no request searching', list);

  list.length = 0;
  for (let i = 0; i < HEARTBEATS; i++) {
    const m = mitras[i % mitras.length]!;
    list.push(
      await measure(
        s,
        async () => void (await must(call(s, 'POST', '/api/mitra/status/heartbeat', m.token), 204, 'hb')),
      ),
    );
  }
  record('mitra heartbeat', `every ${s.rt.env.MITRA_HEARTBEAT_CADENCE_SECONDS} s per online mitra`, list);

  list.length = 0;
  for (let i = 0; i < 50; i++) {
    const c = customers[i % customers.length]!;
    list.push(
      await measure(s, async () => void (await must(call(s, 'GET', '/api/client/availability', c.token), 200, 'av'))),
    );
  }
  record('customer availability poll', 'count cached 5 s per instance', list);

  // Request → blast → accept by one mitra → both timers fire later and find nothing to do.
  const create: Counts[] = [];
  const accept: Counts[] = [];
  const notifyTimeout: Counts[] = [];
  const requestTimeout: Counts[] = [];
  const cfg = await configReader(s.rt).get();
  for (let r = 0; r < REQUESTS; r++) {
    const c = customers[r]!;
    let requestId = '';
    create.push(await measure(s, async () => void (requestId = await chatRequest(s, c.token))));
    // Waves on (the default config): the winner is one of the mitras the request's first wave reached.
    const { rows: offered } = await s.rt.db.query<{ mitra_id: string }>(
      'SELECT mitra_id FROM chat_request_notifications WHERE request_id = $1 ORDER BY mitra_id LIMIT 1',
      [requestId],
    );
    const winner = mitras.find((m) => m.id === offered[0]?.mitra_id)!;
    accept.push(
      await measure(
        s,
        async () =>
          void (await must(call(s, 'POST', `/api/mitra/requests/${requestId}/accept`, winner.token), 200, 'accept')),
      ),
    );
  }
  notifyTimeout.push(
    scale(await measure(s, () => settle(s, cfg.request_notification_timeout_seconds + 1)), 1 / REQUESTS),
  );
  requestTimeout.push(scale(await measure(s, () => settle(s, cfg.pairing_timeout_seconds)), 1 / REQUESTS));
  record(
    'chat request + blast',
    `first wave: min(blast.max_mitras ${cfg.blast.max_mitras}, available) of ${MITRAS} online, one more busy per request`,
    create,
  );
  record('accept (first mitra wins)', 'losers told "missed"; paid tier → pending_payment', accept);
  record(
    'notification timeout, accepted request',
    `per request (${REQUESTS} fired together); one task per offer batch, nothing left offered`,
    notifyTimeout,
  );
  record(
    'request timeout, accepted request',
    `per request (${REQUESTS} fired together); no-op, already matched`,
    requestTimeout,
  );

  // Unanswered requests: nobody accepts, both timers act on all offers. Free the mitras first.
  await s.rt.db.query(`UPDATE chat_sessions SET status = 'completed' WHERE status IN ('pending_payment','active')`);
  const unanswered: Counts[] = [];
  for (let r = 0; r < REQUESTS; r++) {
    const c = customers[REQUESTS + r]!;
    unanswered.push(await measure(s, async () => void (await chatRequest(s, c.token))));
  }
  const nt = await measure(s, () => settle(s, cfg.request_notification_timeout_seconds + 1));
  const rtm = await measure(s, () => settle(s, cfg.pairing_timeout_seconds));
  record('chat request + blast (second wave)', 'same as above, to be left unanswered', unanswered);
  record('notification timeout, unanswered request', `per request; its first wave's offers → ignored`, [
    scale(nt, 1 / REQUESTS),
  ]);
  record('request timeout, unanswered request', 'per request; expired, customer told', [scale(rtm, 1 / REQUESTS)]);

  // The stale sweep (Cloud Scheduler, every minute), with every mitra online and fresh.
  const sweep = await measure(s, async () => {
    await s.rt.scheduler.schedule({
      name: 'cron:pairing-sweep:capacity',
      path: PAIRING_PATHS.sweep,
      body: {},
      runAt: s.rt.clock.now(),
    });
  });
  record('stale sweep (per minute)', `${MITRAS} mitras online`, [sweep]);
  return results;
}
