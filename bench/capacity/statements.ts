import { median, treeCpuUs } from '../lib/stats';
import { STATEMENT_LOOP } from './args';
import { type Stack } from './stack';

export interface StatementCost {
  statement: string;
  n: number;
  pgCpuUsPerStmt: number;
  wallUsPerStmt: number;
}

export async function statementCosts(s: Stack): Promise<StatementCost[]> {
  const { rows: ms } = await s.rt.db.query<{ id: string }>('SELECT id FROM mitras LIMIT 50');
  const now = s.rt.clock.now();
  const loops: Array<[string, (i: number) => Promise<unknown>]> = [
    ['SELECT 1 (round trip floor)', () => s.rt.db.query('SELECT 1')],
    [
      'heartbeat: UPDATE mitras SET last_heartbeat_at … WHERE id AND is_active',
      (i) =>
        s.rt.db.query('UPDATE mitras SET last_heartbeat_at = $2 WHERE id = $1 AND is_active', [
          ms[i % ms.length]!.id,
          now,
        ]),
    ],
    [
      'outbox INSERT (one realtime row, jsonb)',
      (i) =>
        s.rt.db.query(`INSERT INTO outbox (kind, payload, delivered_at) VALUES ('realtime', $1, now())`, [
          JSON.stringify({ op: 'set', path: `sessions/x/messages/${i}`, data: { body: 'x'.repeat(200), seq: i } }),
        ]),
    ],
  ];
  const out: StatementCost[] = [];
  // Interleaved rounds: each statement's loop runs once per round, the order reversed every other round.
  const rounds = 3;
  const acc = loops.map(() => ({ cpu: [] as number[], wall: [] as number[] }));
  const per = Math.max(100, Math.floor(STATEMENT_LOOP / rounds));
  for (let r = 0; r < rounds; r++) {
    const order = loops.map((_, i) => i);
    if (r % 2) order.reverse();
    for (const i of order) {
      const [, fn] = loops[i]!;
      const cpu0 = treeCpuUs(s.postmasterPid);
      const t0 = performance.now();
      // 4 in flight, like 4 instances' pools sharing the server.
      let next = 0;
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          while (next < per) await fn(next++);
        }),
      );
      acc[i]!.wall.push(((performance.now() - t0) * 1000) / per);
      acc[i]!.cpu.push((treeCpuUs(s.postmasterPid) - cpu0) / per);
    }
  }
  loops.forEach(([name], i) =>
    out.push({
      statement: name,
      n: per * rounds,
      pgCpuUsPerStmt: median(acc[i]!.cpu),
      wallUsPerStmt: median(acc[i]!.wall),
    }),
  );
  return out;
}
