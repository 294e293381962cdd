import type { BareBurst, BurstDocs } from './bare-burst';
import { fmt, median, spread, table } from './stats';

export interface Stages {
  /** The last Firestore-bound row committed (the blast or accept transactions done), ms after the start. */
  committedMs: number;
  /** The last of them written to Firestore by the relay, ms after the start. */
  deliveredMs: number;
  rows: number;
  /** CPU each process used over the phase. */
  cpu?: string;
}

export interface BurstFigures {
  /** The bare baseline: as many offer docs, then missed + paired docs, written straight to the emulator. */
  bare: BareBurst;
  /** Real documents of this round, for the next round's bare baseline when it goes first. */
  docs: BurstDocs;
  offerStages: Stages;
  settleStages: Stages;
  scenario: string;
  offers: number;
  requestsAnsweredMs: number;
  offersVisibleMs: number;
  acceptsAnsweredMs: number;
  settledMs: number;
  goalMs: number;
  offersMissing?: string;
  settleMissing?: string;
}

/** One scenario's rounds: the figures' medians, spreads and per-round values, and where the time went. */
export function printScenario(runs: BurstFigures[]): void {
  const { scenario: name, goalMs } = runs[0]!;
  const s = (ms: number) => `${fmt(ms / 1000)} s`;
  const row = (label: string, pick: (f: BurstFigures) => number, goal?: number) => {
    const xs = runs.map(pick);
    const verdict =
      goal === undefined
        ? ''
        : ` ${median(xs) < goal ? '✓' : '✗'} (< ${goal / 1000} s; ${xs.filter((x) => x < goal).length}/${xs.length} rounds)`;
    return [label, `${s(median(xs))} (${spread(xs.map((x) => x / 1000))} s)${verdict}`, xs.map(s).join('  ')];
  };
  const ratio = (label: string, pick: (f: BurstFigures) => number) => {
    const xs = runs.map(pick);
    return [label, `${fmt(median(xs))} (${spread(xs)})`, xs.map(fmt).join('  ')];
  };
  const missing = runs.flatMap((f) => [f.offersMissing, f.settleMissing]).filter(Boolean);
  console.log(`\n  ${name} (${runs[0]!.offers} offers)${missing.length ? `; MISSING: ${missing.join('; ')}` : ''}`);
  console.log(
    table(
      ['', 'median (min–max)', 'per round'],
      [
        row('all requests answered', (f) => f.requestsAnsweredMs),
        row('every offer doc seen', (f) => f.offersVisibleMs, goalMs),
        row('bare: as many offer docs seen', (f) => f.bare.offersMs),
        ratio('offers ÷ bare', (f) => f.offersVisibleMs / f.bare.offersMs),
        row('all accepts answered', (f) => f.acceptsAnsweredMs),
        row('every missed + paired seen', (f) => f.settledMs, goalMs),
        row('bare: as many missed + paired seen', (f) => f.bare.settleMs),
        ratio('missed + paired ÷ bare', (f) => f.settledMs / f.bare.settleMs),
      ],
    )
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n'),
  );
  console.log('  Where the time went (Postgres clock; "committed" = the last transaction writing a document began):');
  runs.forEach((f, i) => {
    for (const [phase, st] of [
      ['offers', f.offerStages],
      ['missed + paired', f.settleStages],
    ] as const) {
      console.log(
        `  round ${i + 1}, ${phase}: ${st.rows} document writes, last committed at ${fmt(st.committedMs / 1000)} s, ` +
          `last written to Firestore at ${fmt(st.deliveredMs / 1000)} s; CPU: ${st.cpu}`,
      );
    }
  });
}
