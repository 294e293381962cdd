import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['test/setup/global.ts'],
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 90_000,
    reporters: ['default'],
    // The Firestore client otherwise probes for a GCE metadata server on this offline machine.
    env: { METADATA_SERVER_DETECTION: 'none' },
  },
});
