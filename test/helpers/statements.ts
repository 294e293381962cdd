import type pg from 'pg';

/**
 * What the relay sends (claims, outcomes, computed documents) and the config reader's refresh (on its own
 * clock): not part of a request's own cost.
 */
const RELAY = [
  /^(?!WITH slot)[\s\S]*\boutbox\b/,
  /FROM chat_messages WHERE id = ANY/,
  /FROM chat_sessions s\b[\s\S]*= ANY/,
  /FROM chat_messages x JOIN chat_sessions s\b[\s\S]*= ANY/,
  /FROM device_tokens WHERE user_type = \$1 AND user_id = ANY/,
  /\bFROM app_config/,
];

/**
 * Records the text of every statement the pool's clients send from now on, until `stop()`: wraps each
 * client's `query` when it is checked out (the pool's own `acquire` event), so nothing of the module is
 * replaced. `own()` leaves out the relay's statements.
 */
export function recordStatements(pool: pg.Pool) {
  const texts: string[] = [];
  let on = true;
  const wrapped = new WeakSet<pg.PoolClient>();
  const onAcquire = (client: pg.PoolClient) => {
    if (wrapped.has(client)) return;
    wrapped.add(client);
    const original = client.query.bind(client) as (...a: unknown[]) => unknown;
    (client as unknown as { query: (...a: unknown[]) => unknown }).query = (...a: unknown[]) => {
      const q = a[0];
      if (on) texts.push((typeof q === 'string' ? q : ((q as { text?: string }).text ?? '')).trim());
      return original(...a);
    };
  };
  pool.on('acquire', onAcquire);
  return {
    texts,
    own: () => texts.filter((t) => !RELAY.some((re) => re.test(t))),
    stop: () => {
      on = false;
      pool.off('acquire', onAcquire);
    },
  };
}
