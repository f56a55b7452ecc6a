import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** A test file that starts processes: the binary, a language server, Chromium, an audit's workers. */
const STARTS_PROCESSES = /import \{[^}]*\b(run|runAsync|bin)\b[^}]*\} from '\.\/helpers\/cli\.js'|from 'node:child_process'|from 'playwright-core'|from '\.\/helpers\/lsp-client\.js'/;

/**
 * The order test files start in. After a run, vitest's own order (longest first, from the times it
 * kept in node_modules/.vite). Without kept times, as in a fresh clone or CI, the files that start
 * processes first, as they take longest: a long file that starts last keeps one core busy alone.
 */
export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const root = this.ctx.config.root;
    const timed = (s: TestSpecification): boolean => !!this.ctx.cache.getFileTestResults(`${s.project.name}:${path.relative(root, s.moduleId)}`);
    if (sorted.every(timed)) return sorted;
    const slow = (s: TestSpecification): boolean => STARTS_PROCESSES.test(readFileSync(s.moduleId, 'utf8'));
    return [...sorted.filter(slow), ...sorted.filter((s) => !slow(s))];
  }
}
