import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['src/zod-jitless.ts'],
    // A PostgreSQL cluster for the PostgreSQL store's tests, started on first use (test/postgres/).
    globalSetup: ['test/postgres/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
