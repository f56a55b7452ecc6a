import { beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureBuilt, memoryIO, tempDir } from './helpers/cli.js';
import { main } from '../src/cli/main.js';
import { lintFiles, type LintFilesOptions } from '../src/index.js';
import { json } from '../src/output/json.js';
import { repoRoot } from './helpers/corpus.js';

/**
 * A folder of five or more reports is checked on every core (the worker pool), fewer in this
 * process: which files are checked, and what each result holds, must not depend on which.
 */

const SAMPLES = path.join(repoRoot, 'fixtures', 'samples');

/** A folder of real reports with an ignore file, a README, a disable comment and a file that cannot be read. */
function folder(): string {
  const dir = tempDir();
  for (const f of readdirSync(SAMPLES)) copyFileSync(path.join(SAMPLES, f), path.join(dir, f));
  copyFileSync(path.join(SAMPLES, '2023-year-mismatch.txt'), path.join(dir, 'ignored-by-file.txt'));
  copyFileSync(path.join(SAMPLES, '2023-year-mismatch.txt'), path.join(dir, 'ignored-by-flag.txt'));
  writeFileSync(path.join(dir, '.ogilintignore'), 'ignored-by-file.txt\n');
  writeFileSync(path.join(dir, 'README.md'), '# 说明\n\n本文件夹存放各单位年报。\n');
  writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]));
  writeFileSync(path.join(dir, 'disabled.txt'), `<!-- ogi-lint-disable contact-info -->\n${readFileSync(path.join(SAMPLES, '2023-year-mismatch.txt'), 'utf8')}`);
  writeFileSync(path.join(dir, '.ogilintrc.json'), JSON.stringify({ root: true }));
  return dir;
}

/** The JSON of a run without its timings (they differ from run to run). */
function comparable(text: string): unknown {
  return (JSON.parse(text) as { stats?: unknown }[]).map(({ stats, ...r }) => ({ ...r, hasStats: stats !== undefined }));
}

beforeAll(() => {
  ensureBuilt();
});

describe('a folder checked on the worker pool', () => {
  it('checks the same files as one process, and gives the same results: ignores, skipped files, directives, unreadable files, stats', async () => {
    const dir = folder();
    const args = ['--ignore-pattern', 'ignored-by-flag.txt', '--report-unused-disable-directives', '--stats'];
    const o = memoryIO(dir);
    const code = await main(['.', '-f', 'json', ...args], o);
    const pooled = comparable(o.out) as { filePath: string; fatalErrorCount?: number; suppressedMessages?: unknown[]; hasStats: boolean }[];
    const files = pooled.map((r) => path.basename(r.filePath));
    // enough files for the pool, and none of those the configuration, the flag or the folder rules leave out
    expect(files.length).toBeGreaterThanOrEqual(5);
    expect(files).not.toContain('ignored-by-file.txt');
    expect(files).not.toContain('ignored-by-flag.txt');
    expect(files).not.toContain('README.md');
    expect(pooled.find((r) => r.filePath.endsWith('binary.txt'))!.fatalErrorCount).toBe(1);
    expect(pooled.find((r) => r.filePath.endsWith('disabled.txt'))!.suppressedMessages!.length).toBeGreaterThan(0);
    expect(pooled.filter((r) => !r.fatalErrorCount).every((r) => r.hasStats)).toBe(true);
    // the same run in this process
    const opts: LintFilesOptions = { cwd: dir, ignorePatterns: ['ignored-by-flag.txt'], reportUnusedDisableDirectives: 'error', stats: true };
    const inProcess = comparable(json(await lintFiles(['.'], opts)));
    expect(pooled).toEqual(inProcess);
    // and the library's own parallel run
    expect(comparable(json(await lintFiles(['.'], { ...opts, parallel: true })))).toEqual(inProcess);
    expect(code).toBe(1);
  });
});
