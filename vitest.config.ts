import { defineConfig } from 'vitest/config';

/**
 * The default run (`npm test`). Fuzzing and stress tests (`test/fuzz*.test.ts`: random bytes,
 * 100,000-column tables, megabyte lines) run with `npm run test:fuzz` (vitest.fuzz.config.ts).
 */
export const FUZZ_TESTS = 'test/fuzz*.test.ts';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['**/node_modules/**', FUZZ_TESTS],
    testTimeout: 60000,
    hookTimeout: 120000,
    pool: 'forks',
    reporters: ['default', './test/helpers/summary-reporter.ts'],
  },
});
