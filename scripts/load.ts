/**
 * `npm run load -- --sessions N [--concurrency C] [--json out.json]`: N whole sessions (the demo's
 * scenario) at once against a stack it starts itself (or BASE_URL when one answers), then a table.
 *
 * The test clock moves time for the whole stack, so the clock-driven part runs in waves: every
 * scenario plays up to its paid, active chat; then ONE clock advance to the latest `ends_at` expires
 * them all; every scenario extends (request, accept, pay, chat); one advance expires them all again;
 * then the clock jumps to just before the earliest second time-up and real time plays out the spread
 * (likewise for the extension-window ends, which put them all in closing); every scenario says goodbye,
 * completes and rates. No scenario's timer is moved while another is still mid-step.
 */
import { writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { HttpTally } from './scenario/client';
import { Metrics, Scenario } from './scenario/scenario';
import {
  advanceClock,
  findOrStartStack,
  firestoreFor,
  raiseLimitsForLoad,
  raiseOtpIpLimit,
  stackNow,
} from './scenario/stack';

const { values } = parseArgs({
  options: {
    sessions: { type: 'string', default: '20' },
    concurrency: { type: 'string' },
    json: { type: 'string' },
  },
});
const N = Number(values.sessions);
const C = Number(values.concurrency ?? Math.min(N, 50));
if (!Number.isInteger(N) || N < 1 || !Number.isInteger(C) || C < 1) {
  console.error('usage: npm run load -- --sessions N [--concurrency C] [--json out.json]');
  process.exit(2);
}
// Two OTPs (customer upgrade, mitra sign-in) per scenario, all from 127.0.0.1, before the clock moves.
const OTP_IP_LIMIT = 1000;
if (2 * N > OTP_IP_LIMIT) {
  console.error(`--sessions ${N}: at most ${OTP_IP_LIMIT / 2} (otp_max_per_ip_per_hour caps at ${OTP_IP_LIMIT})`);
  process.exit(2);
}

const log = (m: string) => process.stderr.write(`${m}\n`);
const t0 = performance.now();

function pct(xs: number[], p: number) {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

function bar(label: string, done: number, failed: number, total: number, startedAt: number) {
  const width = 30;
  const filled = Math.round((width * (done + failed)) / Math.max(1, total));
  const secs = ((performance.now() - startedAt) / 1000).toFixed(1);
  process.stderr.write(
    `\r${label.padEnd(12)} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done + failed}/${total} ok ${done} failed ${failed} ${secs} s   `,
  );
}

/** Runs `fn` over the live scenarios, at most C at once, with a progress bar; failed ones drop out. */
async function wave(label: string, live: Scenario[], fn: (s: Scenario) => Promise<unknown>, limit = C) {
  const startedAt = performance.now();
  let next = 0;
  let done = 0;
  let failed = 0;
  const dropped = new Set<Scenario>();
  const worker = async () => {
    while (next < live.length) {
      const s = live[next++]!;
      try {
        await fn(s);
        done++;
      } catch (err) {
        failed++;
        dropped.add(s);
        const why = `${label} #${live.indexOf(s)}: ${(err as Error).message}`;
        if (metrics.failures.length < 3) process.stderr.write(`\n${why}\n`);
        metrics.failures.push(why);
      }
      bar(label, done, failed, live.length, startedAt);
    }
  };
  bar(label, 0, 0, live.length, startedAt);
  await Promise.all(Array.from({ length: Math.min(limit, live.length) }, worker));
  process.stderr.write('\n');
  return { survivors: live.filter((s) => !dropped.has(s)), ms: performance.now() - startedAt };
}

/**
 * Jumps the clock to just before the earliest of `times`, then lets real time play out their spread
 * (bounded), so timers fire at the pace the sessions reached them instead of all in one instant. Needed
 * for the extension-window timers: dozens at once exhaust the session function's Postgres pool (see
 * docs/history.md, "Load runs").
 */
async function clockPlay(base: string, what: string, times: number[]) {
  const first = Math.min(...times);
  const spreadMs = Math.max(...times) - first;
  await clockTo(base, `${what}, first`, first - 1000);
  const wait = Math.min(spreadMs + 2500, 180_000);
  log(`letting ${Math.round(wait / 1000)} s of real time pass (${what} spread over ${Math.round(spreadMs / 1000)} s)`);
  await new Promise((r) => setTimeout(r, wait));
}

const metrics = new Metrics();
const tally = new HttpTally();
const clockSteps: Array<{ what: string; seconds: number; tasks_run: number; ms: number }> = [];

async function clockTo(base: string, what: string, whenMs: number) {
  const now = await stackNow(base, tally);
  const seconds = Math.max(1, Math.ceil((whenMs - now) / 1000) + 1);
  const t = performance.now();
  const r = await advanceClock(base, tally, seconds);
  const ms = performance.now() - t;
  clockSteps.push({ what, seconds, tasks_run: r.tasks_run, ms: Math.round(ms) });
  log(`clock +${seconds} s (${what}): ${r.tasks_run} timers ran in ${Math.round(ms)} ms`);
}

async function main() {
  log(`load: ${N} sessions, concurrency ${C}`);
  const target = await findOrStartStack(log);
  for (const sig of ['SIGINT', 'SIGTERM'] as const)
    process.once(sig, () => {
      log(`${sig}: stopping`);
      void target.stop().finally(() => process.exit(130));
    });
  const fs = firestoreFor(target);
  const phases: Record<string, number> = {};
  try {
    await raiseOtpIpLimit(target.base, tally, OTP_IP_LIMIT);
    await raiseLimitsForLoad(target.base, tally);
    const runTag = randomBytes(2).toString('hex');
    const all = Array.from(
      { length: N },
      (_, i) =>
        new Scenario({
          base: target.base,
          fs,
          tally,
          metrics,
          index: i,
          runTag,
          targeted: true,
          listenerPerSide: false,
          messagesPerSide: 3,
          waitMs: 60_000,
        }),
    );
    let live = all;
    const run = async (label: string, fn: (s: Scenario) => Promise<unknown>, limit?: number) => {
      const r = await wave(label, live, fn, limit);
      live = r.survivors;
      phases[label] = Math.round(r.ms);
    };
    await run('to active', (s) => s.start());
    if (live.length) await clockTo(target.base, 'time-up', Math.max(...live.map((s) => s.endsAt())));
    await run('time-up', (s) => s.awaitExpired('time_up'), live.length);
    await run('extension', (s) => s.extend());
    if (live.length)
      await clockPlay(
        target.base,
        'time-up again',
        live.map((s) => s.endsAt()),
      );
    await run('time-up 2', (s) => s.awaitExpired('time_up_again'), live.length);
    if (live.length)
      await clockPlay(
        target.base,
        'window ends',
        live.map((s) => s.windowEndsAt()),
      );
    await run('closing', (s) => s.awaitClosing(), live.length);
    await run('finish', (s) => s.finish());
    await Scenario.settle(500);
    for (const s of all) s.close();
  } finally {
    await fs.terminate().catch(() => undefined);
    if (target.started) {
      log('stopping the stack we started…');
      await target.stop();
    }
  }

  const steps = [...metrics.steps.entries()].map(([step, xs]) => ({
    step,
    n: xs.length,
    p50_ms: Math.round(pct(xs, 50)),
    p99_ms: Math.round(pct(xs, 99)),
    max_ms: Math.round(pct(xs, 100)),
  }));
  const report = {
    sessions: N,
    concurrency: C,
    completed: metrics.completed,
    failed: metrics.failures.length,
    wall_seconds: Math.round((performance.now() - t0) / 100) / 10,
    phases_ms: phases,
    clock_waves: clockSteps,
    steps,
    messages: {
      sent: metrics.sent,
      received_by_listeners: metrics.received,
      lost: metrics.sent - metrics.received,
      duplicates: metrics.duplicates,
      send_retries_after_dropped_connection: metrics.retries,
      out_of_order: metrics.outOfOrder,
      listener_latency_ms: {
        p50: pct(metrics.latencies, 50),
        p99: pct(metrics.latencies, 99),
        max: pct(metrics.latencies, 100),
      },
    },
    payments: { paid: metrics.payments, activations: metrics.activations },
    http: {
      requests: tally.requests,
      server_errors: tally.serverErrors.length,
      by_status: Object.fromEntries([...tally.byStatus.entries()].sort((a, b) => a[0] - b[0])),
      server_error_samples: tally.serverErrors.slice(0, 10),
    },
    failures: metrics.failures.slice(0, 20),
  };

  const rows = [['step', 'n', 'p50 ms', 'p99 ms', 'max ms']].concat(
    steps.map((s) => [s.step, String(s.n), String(s.p50_ms), String(s.p99_ms), String(s.max_ms)]),
  );
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const fmt = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(fmt(rows[0]!));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows.slice(1)) console.log(fmt(r));
  const m = report.messages;
  console.log('');
  console.log(
    `sessions            ${report.completed}/${N} completed (concurrency ${C}), ${report.wall_seconds} s wall`,
  );
  console.log(`messages            sent ${m.sent}, received by listeners ${m.received_by_listeners} (lost ${m.lost})`);
  console.log(
    `duplicates          ${m.duplicates}, out of order ${m.out_of_order} (sends retried after a dropped connection: ${m.send_retries_after_dropped_connection})`,
  );
  console.log(
    `listener latency    p50 ${m.listener_latency_ms.p50} ms, p99 ${m.listener_latency_ms.p99} ms, max ${m.listener_latency_ms.max} ms`,
  );
  console.log(`payments            ${report.payments.paid} paid, ${report.payments.activations} activations`);
  console.log(`http                ${report.http.requests} requests, ${report.http.server_errors} × 5xx`);
  for (const f of report.failures) console.log(`failure: ${f}`);
  if (values.json) writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`);

  const ok =
    report.completed === N &&
    m.lost === 0 &&
    m.duplicates === 0 &&
    m.out_of_order === 0 &&
    report.http.server_errors === 0 &&
    report.payments.paid === report.payments.activations;
  return ok;
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (err: Error) => {
    process.stderr.write(`\nLOAD FAILED: ${err.message}\n`);
    process.exit(1);
  },
);
