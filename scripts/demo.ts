/**
 * `npm run demo`: one whole Halo Bestie session, narrated. Against the stack at BASE_URL (default
 * http://127.0.0.1:8080) or, when none answers /healthz, one it starts itself and stops after. Speaks
 * only the public HTTP API, the local test routes, the fake Xendit and Firestore listeners.
 * Exit 0 on success; 1 with the reason on any failure.
 */
import { randomBytes } from 'node:crypto';
import type { Firestore } from '@google-cloud/firestore';
import { HttpTally } from './scenario/client';
import { Metrics, Scenario } from './scenario/scenario';
import { advanceClock, findOrStartStack, firestoreFor, raiseOtpIpLimit, stackNow, type Target } from './scenario/stack';

const t0 = performance.now();
const say = (line: string) => console.log(line);
const elapsed = () => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

async function clockTo(target: Target, tally: HttpTally, what: string, whenMs: number) {
  const now = await stackNow(target.base, tally);
  const seconds = Math.max(1, Math.ceil((whenMs - now) / 1000) + 1);
  const t = performance.now();
  const r = await advanceClock(target.base, tally, seconds);
  say(
    `[clock] +${seconds} s -> ${r.now} (${what}; ${r.tasks_run} timers ran, ${Math.round(performance.now() - t)} ms)`,
  );
}

async function play(target: Target, fs: Firestore, tally: HttpTally, metrics: Metrics) {
  const sc = new Scenario({
    base: target.base,
    fs,
    tally,
    metrics,
    index: Math.floor(Math.random() * 10_000),
    runTag: randomBytes(2).toString('hex'),
    narrate: say,
    targeted: false,
    listenerPerSide: true,
    messagesPerSide: 3,
    waitMs: 20_000,
  });
  try {
    await sc.start();
    await clockTo(target, tally, 'the paid 30 minutes are up', sc.endsAt());
    await sc.awaitExpired('time_up');
    await sc.extend();
    await clockTo(target, tally, 'the extension is up', sc.endsAt());
    await sc.awaitExpired('time_up_again');
    await clockTo(target, tally, 'the extension window passes', sc.windowEndsAt());
    await sc.awaitClosing();
    await sc.finish();
    await Scenario.settle();
    await sc.deleteAccount();
  } finally {
    sc.close();
  }
  return sc;
}

async function main() {
  say(
    'Halo Bestie demo: one paid session with an extension, as the customer app and the mitra app see it; then the customer deletes the account',
  );
  const target = await findOrStartStack(say);
  const fs = firestoreFor(target);
  const tally = new HttpTally();
  let metrics = new Metrics();
  try {
    let sc: Scenario;
    try {
      sc = await play(target, fs, tally, metrics);
    } catch (err) {
      if (!/OTP_RATE_LIMIT_IP/.test(String((err as Error).message))) throw err;
      say('[setup] this stack already sent 10 OTPs to 127.0.0.1 this hour (SPEC §4 limit):');
      say('        raising otp_max_per_ip_per_hour as the local super admin, then playing again from the start');
      await raiseOtpIpLimit(target.base, tally, 1000);
      metrics = new Metrics();
      sc = await play(target, fs, tally, metrics);
    }
    const lost = metrics.sent - metrics.received;
    say(
      `[done] session ${sc.sessionId} completed in ${elapsed()}: ${metrics.sent} messages sent, ${metrics.received} received by the other side's listener (${lost} lost), ` +
        `${metrics.duplicates} duplicated, ${metrics.outOfOrder} out of order; listener latency p50 ${pct(metrics.latencies, 50)} ms, max ${pct(metrics.latencies, 100)} ms; ` +
        `${metrics.payments} payments, ${metrics.activations} activations; ${tally.requests} HTTP calls, ${tally.serverErrors.length} × 5xx`,
    );
    const problems = [
      lost !== 0 && `${lost} messages never reached the other side`,
      metrics.duplicates !== 0 && `${metrics.duplicates} duplicated messages`,
      metrics.outOfOrder !== 0 && `${metrics.outOfOrder} messages out of order`,
      tally.serverErrors.length !== 0 && `5xx answers: ${tally.serverErrors.join('; ')}`,
      metrics.payments !== metrics.activations && `${metrics.payments} payments but ${metrics.activations} activations`,
    ].filter(Boolean);
    if (problems.length) throw new Error(problems.join('; '));
    say('DEMO OK');
  } finally {
    await fs.terminate().catch(() => undefined);
    if (target.started) {
      say('stopping the stack we started…');
      await target.stop();
    }
  }
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(`DEMO FAILED after ${elapsed()}: ${err.message}`);
    process.exit(1);
  },
);
