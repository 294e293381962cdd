import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { withBenchEnv } from './harness';
import { fmt, table } from './lib/stats';
import { argStr, MITRAS, REQUESTS, HEARTBEATS, HTTP } from './capacity/args';
import { boot } from './capacity/stack';
import { runSteps } from './capacity/steps';
import { statementCosts } from './capacity/statements';
import { type RouteCpu, requestCpu } from './capacity/request-cpu';
import { printSteps } from './capacity/print';

/**
 * `npm run capacity [-- --mitras 40 --requests 8 --heartbeats 400 --no-http --json out.json]`
 *
 * Measures the inputs of docs/capacity.md against a throwaway local Postgres + Firestore emulator
 * (127.0.0.1 only, no cloud): the model's session steps replayed through the real services, one at a
 * time, each followed by the outbox relay and the local Cloud Tasks / Pub/Sub dispatcher until quiet.
 * Per step: SQL statements (split into the request handler, the task/event handlers it caused, the
 * outbox relay, and local-only stand-ins that do not exist in GCP), transactions, outbox rows by kind,
 * Cloud Tasks created / dispatched, Pub/Sub published, Firestore writes (total and hottest document),
 * FCM messages, Postgres CPU (all backends of this Postgres, /proc) and in-process Node CPU.
 * Then per-statement Postgres cost loops and (unless --no-http) the per-request CPU of the pairing
 * bundle on its production host (node:http) over sockets, routes interleaved round by round.
 *
 * New session steps (messages, receipts, extensions, payments) are added to STEPS as those features land.
 */

const load = os.loadavg()[0]!.toFixed(2);
console.log(
  `node ${process.version}, ${os.cpus().length} cores (load average ${load}); ${MITRAS} mitras, ${REQUESTS} requests per wave, ${HEARTBEATS} heartbeats\n`,
);
await withBenchEnv(async (env) => {
  const s = await boot(env);
  try {
    const steps = await runSteps(s);
    console.log('Per session step (each figure per one occurrence of the step; SQL counts include BEGIN/COMMIT):');
    printSteps(steps);
    const stmts = await statementCosts(s);
    console.log(
      '\nPer-statement Postgres cost (CPU of every backend of this server, /proc; 4 in flight, 3 interleaved rounds):',
    );
    console.log(
      table(
        ['statement', 'n', 'PG CPU µs/stmt (median)', 'wall µs/stmt'],
        stmts.map((x) => [x.statement, String(x.n), fmt(x.pgCpuUsPerStmt), fmt(x.wallUsPerStmt)]),
      ),
    );
    let routes: RouteCpu[] = [];
    if (HTTP) {
      routes = await requestCpu(s);
      console.log('\nPer-request CPU of the pairing bundle (node:http, logs at info), routes interleaved per round:');
      console.log(
        table(
          ['route', 'CPU µs/req median', 'min–max', 'req/s'],
          routes.map((r) => [r.route, fmt(r.cpuUsPerReq), r.spread, fmt(r.rps)]),
        ),
      );
    }
    const out = argStr('json');
    if (out) {
      const serial = steps.map((r) => ({
        ...r,
        per: { ...r.per, firestoreDocs: Object.fromEntries(r.per.firestoreDocs) },
      }));
      writeFileSync(
        out,
        JSON.stringify({ load, mitras: MITRAS, requests: REQUESTS, steps: serial, statements: stmts, routes }, null, 2),
      );
    }
  } finally {
    await s.rt.close();
  }
});
process.exit(0);
