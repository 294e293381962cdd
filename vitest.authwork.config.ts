import { defineConfig } from 'vitest/config';
export default defineConfig({
  test: {
    globalSetup: ['test/setup/global.ts'],
    setupFiles: ['/tmp/authwork/mock-apps.ts'],
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 90_000,
    env: { METADATA_SERVER_DETECTION: 'none' },
  },
});
