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

describe('the pool asked for on the command line: --jobs, --file-timeout, --file-memory', () => {
  it('gives the same results on one thread as in this process', async () => {
    const dir = folder();
    const o = memoryIO(dir);
    const code = await main(['.', '-f', 'json', '-j', '1'], o);
    expect(comparable(o.out)).toEqual(comparable(json(await lintFiles(['.'], { cwd: dir }))));
    expect(code).toBe(1);
  });

  it('keeps a time budget asked for even for one file named alone, and says which limit it was', async () => {
    const dir = tempDir();
    // the Markdown parser takes tens of seconds over 60,000 emphasis marks that match none
    writeFileSync(path.join(dir, 'nested.md'), `${'*_'.repeat(30_000)} 引文\n`);
    const o = memoryIO(dir);
    const code = await main(['nested.md', '-f', 'json', '--file-timeout', '1.5'], o);
    const [r] = JSON.parse(o.out) as { messages: { ruleId: string; message: string }[] }[];
    expect(r!.messages.map((m) => m.ruleId)).toEqual(['file-too-complex']);
    expect(r!.messages[0]!.message).toContain('1.5 秒');
    expect(r!.messages[0]!.message).toContain('--file-timeout');
    expect(code).toBe(1);
    // a report within the budget is checked as ever
    const ok = memoryIO(SAMPLES);
    await main(['2023-year-mismatch.txt', '-f', 'json', '--file-timeout', '30', '--file-memory', '256'], ok);
    expect(comparable(ok.out)).toEqual(comparable(json(await lintFiles(['2023-year-mismatch.txt'], { cwd: SAMPLES }))));
  }, 60_000);

  it('takes a time budget longer than a timer can wait (24.8 days) as no limit, without warnings', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error): void => void warnings.push(w.name);
    process.on('warning', onWarning);
    try {
      const o = memoryIO(SAMPLES);
      await main(['.', '-f', 'json', '--file-timeout', '3000000'], o);
      expect(comparable(o.out)).toEqual(comparable(json(await lintFiles(['.'], { cwd: SAMPLES }))));
      // (a warning is emitted on the next tick)
      await new Promise((r) => setImmediate(r));
      expect(warnings).not.toContain('TimeoutOverflowWarning');
    } finally {
      process.off('warning', onWarning);
    }
  });

  it.each([
    [['-j', '0'], '--jobs 应为正整数，而不是 0'],
    [['--jobs', '2.5'], '--jobs 应为正整数，而不是 2.5'],
    [['--file-timeout', '-1'], '--file-timeout 应为正数，而不是 -1'],
    [['--file-memory', '8'], '--file-memory 至少为 64（MB）'],
    [['--file-memory', 'lots'], '--file-memory 应为正数，而不是 NaN'],
  ])('refuses %j as a usage error (exit code 2)', async (flags, said) => {
    const o = memoryIO(SAMPLES);
    const code = await main(['.', ...flags], o);
    expect(code).toBe(2);
    expect(o.err).toContain(said);
    expect(o.out).toBe('');
  });

  it('refuses the same values for audit, in English when asked', async () => {
    const o = memoryIO(SAMPLES);
    const code = await main(['audit', '.', '--out-dir', path.join(tempDir(), 'out'), '--file-memory', '8', '--locale', 'en'], o);
    expect(code).toBe(2);
    expect(o.err).toContain('--file-memory takes at least 64 (MB)');
  });
});
