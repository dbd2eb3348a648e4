import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['src/zod-jitless.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
