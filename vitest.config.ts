import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import SlowFirstSequencer from './test/helpers/sequencer.js';

/**
 * The default run (`npm test`). Fuzzing and stress tests (`test/fuzz*.test.ts`: random bytes,
 * 100,000-column tables, megabyte lines) run with `npm run test:fuzz` (vitest.fuzz.config.ts), the
 * tests in headless Chromium with `npm run test:browser` (vitest.browser.config.ts); `npm run
 * test:all` runs the three.
 */
export const FUZZ_TESTS = 'test/fuzz*.test.ts';
/** Tests in headless Chromium (the web page, the audit's summary page): `npm run test:browser`. */
export const BROWSER_TESTS = ['test/web.test.ts', 'test/audit-html.test.ts'];

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['**/node_modules/**', FUZZ_TESTS, ...BROWSER_TESTS],
    // dist/ built once, before the files run, when its sources changed (npm ci and npm install build it)
    globalSetup: ['./test/helpers/global-setup.ts'],
    // generous: the machine the tests run on may be shared, and a browser or an audit under load is slow
    testTimeout: 120000,
    hookTimeout: 120000,
    pool: 'forks',
    // a worker keeps the modules it loaded from one test file to the next: loading the library and
    // compiling its schemas once per worker rather than once per file (no test mocks modules or
    // changes what a module holds)
    isolate: false,
    // every core: vitest's default leaves one free, which on a two-core machine halves the speed
    maxWorkers: availableParallelism(),
    // without the times of an earlier run (a fresh clone), the files that start processes start first
    sequence: { sequencer: SlowFirstSequencer },
    reporters: ['default', './test/helpers/summary-reporter.ts'],
  },
});
