import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import SlowFirstSequencer from './test/helpers/sequencer.js';
import { FUZZ_TESTS } from './vitest.config.js';

/**
 * Fuzzing and stress tests: `npm run test:fuzz`. The files `test/fuzz*.test.ts`, and at their full
 * size (OGI_LINT_FUZZ=1) the property and stress tests that `npm test` runs smaller: every test file
 * that sizes its runs with test/helpers/runs.ts.
 */
const testDir = fileURLToPath(new URL('./test/', import.meta.url));
const SIZED = readdirSync(testDir)
  .filter((f) => f.endsWith('.test.ts') && readFileSync(testDir + f, 'utf8').includes("from './helpers/runs.js'"))
  .map((f) => `test/${f}`);

export default defineConfig({
  test: {
    include: [FUZZ_TESTS, ...SIZED],
    env: { OGI_LINT_FUZZ: '1' },
    globalSetup: ['./test/helpers/global-setup.ts'],
    testTimeout: 300000,
    hookTimeout: 120000,
    pool: 'forks',
    // every core, as in the default run: vitest's default leaves one free, which on a two-core
    // machine runs the files one at a time
    maxWorkers: availableParallelism(),
    sequence: { sequencer: SlowFirstSequencer },
    reporters: ['default', './test/helpers/summary-reporter.ts'],
  },
});
