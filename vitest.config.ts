import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/setup/global.ts'],
    // Every Firestore write and push of a test stack is held to docs/asyncapi.yaml (counts at the end).
    setupFiles: ['test/setup/published.ts'],
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 90_000,
    reporters: ['default', './test/setup/published-reporter.ts'],
    // The Firestore client otherwise probes for a GCE metadata server on this offline machine.
    env: { METADATA_SERVER_DETECTION: 'none' },
  },
});
