import { configReader } from '../../shared/config';
import { withBenchEnv } from '../harness';
import { counter, perOne, type Counts } from '../capacity/counts';
import { boot, call, makeCustomers, makeMitras, measure, must } from '../capacity/stack';

/**
 * Statements per chat message, counted on the driver in-process (the capacity bench's instrumented
 * stack): the route's own (BEGIN and COMMIT included) and the relay's share, for the common case (the
 * other side active, so no push) and for a message that pushes.
 */
export async function messageStatements(messages = 20): Promise<void> {
  await withBenchEnv(async (env) => {
    const s = await boot(env);
    const empties: Counts[] = [];
    for (let i = 0; i < 10; i++) empties.push(await measure(s, async () => undefined));
    counter.baseline = perOne(empties);
    // A free trial without a verified phone: this measures the message path, not SPEC §13's gate.
    await s.rt.db.query(
      `UPDATE app_config SET value = jsonb_set(value, '{requires_phone}', 'false') WHERE key = 'free_trial'`,
    );
    configReader(s.rt).invalidate();
    const [mitra] = await makeMitras(s, 1, '7');
    const [customer] = await makeCustomers(s, 1, '7');
    await must(call(s, 'POST', '/api/mitra/status/online', mitra!.token), 200, 'online');
    const req = await must(
      call(
        s,
        'POST',
        '/api/client/chat/request',
        customer!.token,
        {
          topic_sensitivity: 'regular',
          free_trial: true,
          target_mitra_id: mitra!.id,
        },
        { 'x-device-id': 'bench-statements' },
      ),
      201,
      'request',
    );
    const { request_id } = (await req.json()) as { request_id: string };
    const won = await must(call(s, 'POST', `/api/mitra/requests/${request_id}/accept`, mitra!.token), 200, 'accept');
    const { session_id } = (await won.json()) as { session_id: string };
    const send = (who: { token: string }, side: 'client' | 'mitra', n: number) =>
      must(
        call(s, 'POST', `/api/${side}/sessions/${session_id}/messages`, who.token, {
          client_message_id: `st-${side}-${n}`,
          body: 'halo, aku mau cerita',
        }),
        201,
        'message',
      );
    // The customer has not been active yet: the mitra's first message pushes it.
    const pushed = [await measure(s, async () => void (await send(mitra!, 'mitra', 0)))];
    const common: Counts[] = [];
    for (let i = 1; i <= messages; i++)
      common.push(await measure(s, async () => void (await send(customer!, 'client', i))));
    print('other side active (no push)', common);
    print('other side idle (push)', pushed);
    await s.rt.close();
  });
}

function print(what: string, list: Counts[]): void {
  const c = perOne(list);
  console.log(
    `  statements per message, ${what}: route ${c.stmtHandler.toFixed(1)} (BEGIN and COMMIT counted, if any), ` +
      `relay ${c.stmtRelay.toFixed(1)} (claim, write-out, outcome; shared by a batch); ` +
      `CPU µs route ${c.cpuHandlerUs.toFixed(0)}, relay ${c.cpuRelayUs.toFixed(0)}; n=${list.length}`,
  );
}
