import { defineConfig } from 'vitest/config';
import { BROWSER_TESTS } from './vitest.config.js';

/**
 * The tests that drive headless Chromium (Debian's package, through playwright-core): the web page
 * and the audit's summary page. `npm run test:browser`; `.ci/run` and `npm run test:all` run them.
 */
export default defineConfig({
  test: {
    include: BROWSER_TESTS,
    globalSetup: ['./test/helpers/global-setup.ts'],
    testTimeout: 300000,
    hookTimeout: 300000,
    pool: 'forks',
    // the two files side by side, each with its own browser: the page's file is the longer, and the
    // summary's runs beside it
    maxWorkers: 2,
    reporters: ['default', './test/helpers/summary-reporter.ts'],
  },
});
