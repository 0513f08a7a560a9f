import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/engine/**/*.test.ts', 'test/interchange/**/*.test.ts', 'test/main/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/renderer/**/*.test.ts', 'test/lint/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
  },
});
