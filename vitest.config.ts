import { defineConfig } from 'vitest/config';

// test/interop (other tools' files in ../shared/datasets) has its own config: npm run test:interop.
export default defineConfig({
  test: {
    include: [
      'test/engine/**/*.test.ts',
      'test/interchange/**/*.test.ts',
      'test/main/**/*.test.ts',
      'test/cli/**/*.test.ts',
      'test/renderer/**/*.test.ts',
      'test/lint/**/*.test.ts',
      'test/fuzz/**/*.test.ts',
    ],
    pool: 'forks',
    testTimeout: 30_000,
  },
});
