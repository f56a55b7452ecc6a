import { defineConfig } from 'vitest/config';
import { FUZZ_TESTS } from './vitest.config.js';

/** Fuzzing and stress tests: `npm run test:fuzz`. */
export default defineConfig({
  test: {
    include: [FUZZ_TESTS],
    globalSetup: ['./test/helpers/global-setup.ts'],
    testTimeout: 300000,
    hookTimeout: 120000,
    pool: 'forks',
    reporters: ['default', './test/helpers/summary-reporter.ts'],
  },
});
