// @ts-check
import process from 'node:process';
// Mutation testing of the critical use cases (`npm run mutate`; not part of `npm test`).
// Each group's files are mutated against that group's own test files only: a whole-suite run per mutant
// would not fit this machine. When a use case moves, change its paths here and nowhere else.

/** @type {Array<{ name: string; mutate: string[]; tests: string[] }>} */
export const groups = [
  {
    name: 'accept-request',
    mutate: ['shared/pairing/accept-request.ts'],
    tests: [
      'test/integration/pairing/accept.test.ts',
      'test/integration/pairing/requests.test.ts',
      'test/integration/pairing/locks.test.ts',
    ],
  },
  {
    name: 'send-message',
    mutate: ['shared/sessions/send-message.ts'],
    tests: ['test/integration/sessions/messages.test.ts'],
  },
  {
    name: 'receipts',
    mutate: ['shared/sessions/mark-receipts.ts'],
    tests: ['test/integration/sessions/receipts-typing.test.ts'],
  },
  {
    name: 'settle-payment',
    mutate: ['shared/payments/settle-payment.ts'],
    tests: [
      'test/integration/payments/settle-payment.test.ts',
      'test/integration/payments/webhook.test.ts',
      'test/integration/payments/settlement.test.ts',
    ],
  },
  {
    name: 'session-timers',
    mutate: [
      'shared/sessions/expire-session.ts',
      'shared/sessions/extension-window-closed.ts',
      'shared/sessions/extension-timeout.ts',
      'shared/sessions/closing-grace.ts',
    ],
    tests: [
      'test/integration/sessions/timers.test.ts',
      'test/integration/sessions/lifecycle.test.ts',
      'test/integration/sessions/extensions.test.ts',
    ],
  },
  {
    name: 'refresh-rotation',
    mutate: ['shared/auth/refresh.ts', 'shared/auth/refresh-sessions.ts'],
    tests: ['test/integration/auth/tokens.test.ts', 'test/integration/auth/control-center.test.ts'],
  },
  {
    name: 'permissions',
    mutate: ['shared/http/auth-middleware.ts'],
    tests: [
      'test/integration/control-center/permission-matrix.test.ts',
      'test/integration/auth/control-center.test.ts',
      'test/integration/auth/tokens.test.ts',
    ],
  },
  {
    name: 'relay-outcomes',
    mutate: ['shared/outbox/relay-outcomes.ts'],
    tests: ['test/integration/outbox-outcomes.test.ts', 'test/integration/realtime-outbox.test.ts'],
  },
];

/**
 * Surviving mutants judged equivalent (no test can tell them apart from the code): left out of the
 * score `npm run mutate` prints. Matched on the file, the mutator, the mutated source text and its
 * replacement, so they survive line moves; an entry that no longer matches anything is reported.
 * @type {Array<{ file: string; mutator: string; original: string; replacement: string; reason: string }>}
 */
export const equivalent = [];

const selected = process.env.MUTATE_GROUP ? groups.filter((g) => g.name === process.env.MUTATE_GROUP) : groups;
if (selected.length === 0) throw new Error(`MUTATE_GROUP=${process.env.MUTATE_GROUP}: no such group`);
const name = process.env.MUTATE_GROUP ?? 'all';

// The test runner processes inherit it; vitest.mutate.config.ts runs these files only.
process.env.MUTATE_TEST_FILES = selected.flatMap((g) => g.tests).join(',');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  // The runner gives each of its processes its own vitest, so its own Postgres and emulator (global setup).
  vitest: { configFile: 'vitest.mutate.config.ts', related: false },
  mutate: selected.flatMap((g) => g.mutate),
  coverageAnalysis: 'perTest',
  concurrency: Number(process.env.MUTATE_CONCURRENCY ?? 1),
  // Integration tests take seconds each on a shared machine: a slow run is not an infinite loop.
  timeoutMS: 60_000,
  timeoutFactor: 2,
  reporters: ['clear-text', 'progress-append-only', 'json', 'html'],
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  clearTextReporter: { allowColor: false, logTests: false },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  ignorePatterns: ['dist', '.data', '.scratch', 'coverage', 'reports', 'docs'],
};
