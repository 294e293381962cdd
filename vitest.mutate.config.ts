import { defineConfig } from 'vitest/config';
import base from './vitest.config';

// Stryker's runs (stryker.config.mjs): the suite narrowed to the test files of the group under mutation.
// Narrowed here rather than with Stryker's `testFiles`, which activates module-level (static) mutants
// only after their module has loaded, so they would survive whatever the tests check.
const files = (process.env.MUTATE_TEST_FILES ?? '').split(',').filter(Boolean);
if (files.length === 0) throw new Error('MUTATE_TEST_FILES is empty: run through npm run mutate');

// A mutated module is instrumented (slower), and bcrypt-heavy tests (five failed logins) outlast the
// suite's 30 s on a loaded machine: an endless mutant is Stryker's timeoutMS to catch, not this.
export default defineConfig({ ...base, test: { ...base.test, include: files, testTimeout: 120_000 } });
