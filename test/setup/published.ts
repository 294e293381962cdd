import { afterAll, afterEach, type RunnerTestFile } from 'vitest';
import { ledger } from '../helpers/published';

/**
 * Holds every test to docs/asyncapi.yaml: a document or push that did not match fails the test it was
 * written or sent in (or, when it went out after the file's last test, the file), and the file's counts
 * travel to the reporter (test/setup/published-reporter.ts) in the file's metadata.
 */
function assertNone(violations: string[], when: string) {
  if (violations.length) {
    throw new Error(`not as published in docs/asyncapi.yaml${when}:\n- ${violations.join('\n- ')}`);
  }
}

let file: RunnerTestFile | undefined;

afterEach(({ task }) => {
  file = task.file;
  assertNone(ledger.violations.splice(0), '');
});

afterAll(() => {
  if (file) file.meta.published = structuredClone(ledger.counts);
  assertNone(ledger.violations.splice(0), ' (after the last test)');
});
