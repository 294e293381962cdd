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
    // The timers' own checks, and the part of the state machine they rely on: moveSession (status,
    // version, guard, the conditional UPDATE, the effects) and the expiry rule's guard (ends_at <= now).
    // The rest of TRANSITIONS is a module-level table: every mutant of it would run all of these files.
    mutate: [
      'shared/sessions/timers.ts',
      // The expiry guard's line. A range needs both ends: 'file:70' alone matched no file (Stryker only
      // warned), so the guard went unmutated. Lines move when the file changes: check them then.
      'shared/sessions/transitions.ts:72-72',
      'shared/sessions/transitions.ts:144-177',
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
    // Its own tests only: realtime-outbox.test.ts holds timing-bound delivery tests that fail the initial
    // run on a loaded machine with no mutant active.
    tests: ['test/integration/outbox-outcomes.test.ts'],
  },
];

/**
 * Surviving mutants judged equivalent (no test can tell them apart from the code): left out of the
 * score `npm run mutate` prints. Named by file, mutator, the source line, the mutated text and its
 * replacement (no line numbers, which move); an entry that matches nothing any more is reported.
 * @type {Array<{ file: string; mutator: string; line: string; original: string; replacement: string; reason: string }>}
 */
export const equivalent = [
  {
    file: 'shared/pairing/accept-request.ts',
    mutator: 'BooleanLiteral',
    line: 'const n = await findNotification(t, requestId, mitraId, true);',
    original: 'true',
    replacement: 'false',
    reason:
      "Every writer of an offer row holds the request row lock (reject, cancel, notification timeout, expiry) or the mitra row lock (withdrawal on deactivation, offers on going online), and accept takes both before this read: the offer's own lock adds nothing.",
  },
  {
    file: 'shared/payments/settle-payment.ts',
    mutator: 'ConditionalExpression',
    line: 'const amounts = [r.amount, ...(r.paidAmount === undefined ? [] : [r.paidAmount])];',
    original: 'r.paidAmount === undefined',
    replacement: 'false',
    reason:
      'An undefined paid amount in the list is never reported as the mismatch: find() returns that undefined element, which reads as no mismatch.',
  },
  {
    file: 'shared/sessions/mark-receipts.ts',
    mutator: 'StringLiteral',
    line: "throw new AppError('FORBIDDEN');",
    original: "'FORBIDDEN'",
    replacement: '""',
    reason:
      "Unreachable: the UPDATE matches nothing only for a missing session or another user's side, and sessionOfParticipant throws 404/403 for exactly those, in the same transaction (sessions are never deleted and never change participants).",
  },
  {
    file: 'shared/sessions/timers.ts',
    mutator: 'ConditionalExpression',
    line: "if (!s || s.status !== 'expired' || s.version !== version) return false;",
    original: 's.version !== version',
    replacement: 'false',
    reason:
      "moveSession('close') checks the version again on the same locked row and answers undefined (false); the open-extension look-up in between writes nothing.",
  },
  {
    file: 'shared/sessions/timers.ts',
    mutator: 'ConditionalExpression',
    line: "if (s?.status === 'expired')",
    original: "s?.status === 'expired'",
    replacement: 'true',
    reason:
      'Reached only after the requested extension timed out under the session row lock, and a requested extension exists only while its session is expired: it is asked for only then, every move out of expired cancels the open ones (close) or consumes the accepted one (extend), and there is one open extension at a time.',
  },
  {
    file: 'shared/sessions/timers.ts',
    mutator: 'OptionalChaining',
    line: "if (s?.status === 'expired')",
    original: 's?.status',
    replacement: 's.status',
    reason:
      "The extension's session always exists: session_extensions.session_id references chat_sessions, and sessions are never deleted.",
  },
  {
    file: 'shared/sessions/transitions.ts',
    mutator: 'ConditionalExpression',
    line: 'if (!s) return undefined;',
    original: '!s',
    replacement: 'false',
    reason:
      'The UPDATE is conditional on the status and version just read with the row lock held (findSession … true), so within this transaction it always matches.',
  },
  {
    file: 'shared/auth/refresh.ts',
    mutator: 'OptionalChaining',
    line: 'const role = (await findCcUser(deps.db, rotated.userId))?.role_id;',
    original: '(await findCcUser(deps.db, rotated.userId))?.role_id',
    replacement: '(await findCcUser(deps.db, rotated.userId)).role_id',
    reason: "A session's user row always exists: customers, mitras and control-center users are never deleted.",
  },
  {
    file: 'shared/auth/refresh.ts',
    mutator: 'ConditionalExpression',
    line: 'if (role) principal.role = role;',
    original: 'role',
    replacement: 'true',
    reason: 'role_id is NOT NULL and the user always exists (never deleted): role is always set.',
  },
  {
    file: 'shared/auth/refresh.ts',
    mutator: 'OptionalChaining',
    line: "} else if (rotated.userType === 'mitra' && !(await findMitra(deps.db, rotated.userId))?.is_active) {",
    original: '(await findMitra(deps.db, rotated.userId))?.is_active',
    replacement: '(await findMitra(deps.db, rotated.userId)).is_active',
    reason: "A session's user row always exists: customers, mitras and control-center users are never deleted.",
  },
  {
    file: 'shared/auth/refresh.ts',
    mutator: 'ConditionalExpression',
    line: "} else if (rotated.userType === 'customer' && (await findCustomer(deps.db, rotated.userId))?.is_banned) {",
    original: "rotated.userType === 'customer'",
    replacement: 'true',
    reason:
      "Reached only by a mitra (control-center users took the first branch): no customer has a mitra's id, so the ban look-up finds nothing.",
  },
  {
    file: 'shared/auth/refresh.ts',
    mutator: 'OptionalChaining',
    line: "} else if (rotated.userType === 'customer' && (await findCustomer(deps.db, rotated.userId))?.is_banned) {",
    original: '(await findCustomer(deps.db, rotated.userId))?.is_banned',
    replacement: '(await findCustomer(deps.db, rotated.userId)).is_banned',
    reason: "A session's user row always exists: customers, mitras and control-center users are never deleted.",
  },
];

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
  // The first run of the whole group, on a loaded machine, outlasts Stryker's 5 minutes.
  dryRunTimeoutMinutes: 30,
  reporters: ['clear-text', 'progress-append-only', 'json', 'html'],
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  clearTextReporter: { allowColor: false, logTests: false },
  // One sandbox folder per group, so two groups can run at once.
  tempDirName: `.stryker-tmp/${name}`,
  cleanTempDir: true,
  // Anchored to the root (gitignore syntax): a bare 'docs' also dropped scripts/docs, which the test setup
  // imports (no test was found). docs/ stays in: the test reporter reads docs/asyncapi.yaml.
  ignorePatterns: ['/dist', '/.data', '/.scratch', '/coverage', '/reports', '/.stryker-tmp'],
};
