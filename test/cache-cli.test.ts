import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { COMPLETE, MISSING_FIVE, ensureBuilt, memoryIO, onlyRules, run, tempDir, writeTree } from './helpers/cli.js';
import { main } from '../src/cli/main.js';

/**
 * `--cache`, `--cache-location`, `--cache-strategy`: the main flows on the real binary, the
 * variations through the same `main` in this process.
 */

const RULES = { 'required-sections': 'error', 'doc-number': 'warn' };
const MISSING = '缺少必备部分“五、存在的主要问题及改进情况”';
/** A complete report with a document number written with square brackets, which doc-number fixes. */
const BRACKETS = COMPLETE.replace('本局认真贯彻《条例》。', '本局按照国办公开办函[2021]30号认真贯彻《条例》。');

interface Result {
  filePath: string;
  messages: { ruleId: string | null; message: string; line: number; fatal?: boolean }[];
  errorCount: number;
  warningCount: number;
}

/** A whole second in the past: file times that survive being set again at any precision. */
const PINNED = Math.floor(Date.now() / 1000) - 3600;

/** A folder with a configuration running RULES only, and these files, each modified at PINNED. */
function project(files: Record<string, string | object>, rules: Record<string, unknown> = RULES): string {
  const dir = tempDir();
  writeTree(dir, { '.ogilintrc.json': { root: true, rules: onlyRules(rules) }, ...files });
  for (const f of Object.keys(files)) utimesSync(path.join(dir, f), PINNED, PINNED);
  return dir;
}

interface Outcome {
  code: number | null;
  results: Result[];
  stderr: string;
  stdout: string;
}

/** Run the real binary with -f json. */
function lintBin(dir: string, args: string[]): Outcome {
  const r = run([...args, '-f', 'json'], { cwd: dir });
  return { code: r.code, results: JSON.parse(r.stdout) as Result[], stderr: r.stderr, stdout: r.stdout };
}

/** The same command line in this process (the same `main`; no process to start). */
async function lint(dir: string, args: string[]): Promise<Outcome> {
  const o = memoryIO(dir);
  const code = await main([...args, '-f', 'json'], o);
  return { code, results: o.out ? (JSON.parse(o.out) as Result[]) : [], stderr: o.err, stdout: o.out };
}

const ruleIds = (r: Result | undefined): (string | null)[] => (r?.messages ?? []).map((m) => m.ruleId);
const byName = (results: Result[], name: string): Result | undefined => results.find((r) => path.basename(r.filePath) === name);

interface CacheFile {
  format: number;
  files: Record<string, { size: number; mtimeMs: number; sha256?: string; key: string; result: Result }>;
}
const readCache = (file: string): CacheFile => JSON.parse(readFileSync(file, 'utf8')) as CacheFile;

/** Write new content and give the file back its modification time (PINNED, as `project` left it). */
function rewriteKeepingTime(file: string, content: string | Buffer): void {
  expect(statSync(file).mtimeMs).toBe(PINNED * 1000);
  writeFileSync(file, content);
  utimesSync(file, PINNED, PINNED);
  expect(statSync(file).mtimeMs).toBe(PINNED * 1000);
}

/**
 * Overwrite a file with as many zero bytes, keeping its size and time: read, it is no report at
 * all (a fatal finding); not read, its old result stands.
 */
function scramble(file: string): void {
  rewriteKeepingTime(file, Buffer.alloc(statSync(file).size));
}

beforeAll(() => {
  ensureBuilt();
});

describe('--cache', () => {
  it('a second run gives the same output, from .ogilintcache in the working folder', async () => {
    const dir = project({ 'bad.txt': MISSING_FIVE, 'ok.md': COMPLETE });
    const first = run(['.', '--cache'], { cwd: dir });
    expect(first.code).toBe(1);
    expect(first.stdout).toContain(MISSING);
    const cacheFile = path.join(dir, '.ogilintcache');
    expect(existsSync(cacheFile)).toBe(true);
    expect(Object.keys(readCache(cacheFile).files).sort()).toEqual(['bad.txt', 'ok.md']);
    const second = run(['.', '--cache'], { cwd: dir });
    expect(second).toEqual(first);
    // the JSON of a cached run is the JSON of a plain one (the same main, in this process)
    expect((await lint(dir, ['.', '--cache'])).stdout).toBe((await lint(dir, ['.'])).stdout);
  });

  it('with the metadata strategy an unchanged size and time is trusted without reading the file; the content strategy reads it', async () => {
    const dir = project({ 'bad.txt': MISSING_FIVE });
    const file = path.join(dir, 'bad.txt');
    expect(ruleIds((await lint(dir, ['bad.txt', '--cache'])).results[0])).toEqual(['required-sections']);
    scramble(file);
    const stale = await lint(dir, ['bad.txt', '--cache']);
    expect(ruleIds(stale.results[0])).toEqual(['required-sections']);
    expect(stale.results[0]!.messages[0]!.message).toBe(MISSING);
    // the content strategy hashes the file, sees the change and checks it again
    const fresh = await lint(dir, ['bad.txt', '--cache', '--cache-strategy', 'content']);
    expect(fresh.results[0]!.messages.some((m) => m.fatal)).toBe(true);
    // a fatal result is not kept: the entry of the old text is gone
    expect(readCache(path.join(dir, '.ogilintcache')).files['bad.txt']).toBeUndefined();
    writeFileSync(file, MISSING_FIVE);
    await lint(dir, ['bad.txt', '--cache', '--cache-strategy', 'content']);
    expect(readCache(path.join(dir, '.ogilintcache')).files['bad.txt']!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a changed file is checked again: new findings appear, fixed ones go', () => {
    const dir = project({ 'a.txt': COMPLETE, 'b.txt': MISSING_FIVE });
    const before = lintBin(dir, ['.', '--cache']);
    expect(ruleIds(byName(before.results, 'a.txt'))).toEqual([]);
    expect(ruleIds(byName(before.results, 'b.txt'))).toEqual(['required-sections']);
    writeFileSync(path.join(dir, 'a.txt'), MISSING_FIVE);
    writeFileSync(path.join(dir, 'b.txt'), COMPLETE);
    const after = lintBin(dir, ['.', '--cache']);
    expect(ruleIds(byName(after.results, 'a.txt'))).toEqual(['required-sections']);
    expect(ruleIds(byName(after.results, 'b.txt'))).toEqual([]);
    expect(after.code).toBe(1);
  });

  it('a change of configuration, overrides, --rule or --locale makes the file be checked again', async () => {
    const dir = project({ 'bad.txt': MISSING_FIVE });
    expect(ruleIds((await lint(dir, ['bad.txt', '--cache'])).results[0])).toEqual(['required-sections']);
    // a cached result would be in Chinese and an error
    const en = (await lint(dir, ['bad.txt', '--cache', '--locale', 'en'])).results[0]!;
    expect(en.messages[0]!.message).toMatch(/^required section missing/);
    expect((await lint(dir, ['bad.txt', '--cache', '--rule', 'required-sections:warn'])).results[0]!.warningCount).toBe(1);
    writeFileSync(path.join(dir, '.ogilintrc.json'), JSON.stringify({ root: true, rules: onlyRules({ 'required-sections': 'off' }) }));
    expect((await lint(dir, ['bad.txt', '--cache'])).results[0]!.messages).toEqual([]);
    // an override for this file is part of its configuration too
    writeFileSync(
      path.join(dir, '.ogilintrc.json'),
      JSON.stringify({ root: true, rules: onlyRules({ 'required-sections': 'off' }), overrides: [{ files: ['bad.txt'], rules: { 'required-sections': 'error' } }] }),
    );
    expect((await lint(dir, ['bad.txt', '--cache'])).results[0]!.errorCount).toBe(1);
  });

  it('--year is part of the key: a cached result of one year is not given for another', async () => {
    const dir = project({ 'report.txt': COMPLETE }, { 'stats-period': 'error', 'report-year': 'error' });
    const plain = (await lint(dir, ['report.txt'])).results[0]!;
    const later = (await lint(dir, ['report.txt', '--year', '2030'])).results[0]!;
    // the year changes what this report draws, or the test would prove nothing
    expect(later.messages).not.toEqual(plain.messages);
    expect((await lint(dir, ['report.txt', '--cache'])).results[0]!.messages).toEqual(plain.messages);
    expect((await lint(dir, ['report.txt', '--cache', '--year', '2030'])).results[0]!.messages).toEqual(later.messages);
    expect((await lint(dir, ['report.txt', '--cache'])).results[0]!.messages).toEqual(plain.messages);
  });

  it('a corrupt, truncated or foreign cache file is ignored and replaced', async () => {
    const dir = project({ 'bad.txt': MISSING_FIVE });
    const expected = (await lint(dir, ['bad.txt'])).stdout;
    const cacheFile = path.join(dir, '.ogilintcache');
    // cut off; not JSON; an entry of the wrong shape; a layout of another version
    for (const junk of ['{"format":1,"files":{"bad.txt":', '\u0000\u0001binary', '{"format":1,"files":{"bad.txt":{"size":"x"}}}', '{"format":99,"files":{"bad.txt":{}}}']) {
      writeFileSync(cacheFile, junk);
      const r = await lint(dir, ['bad.txt', '--cache']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(1);
      expect(r.stdout).toBe(expected);
      expect(Object.keys(readCache(cacheFile).files)).toEqual(['bad.txt']);
    }
    // a folder where the cache file should be: the run goes on and says the cache was not written
    const blocked = project({ 'bad.txt': MISSING_FIVE, 'plain-file': 'x' });
    const r = await lint(blocked, ['bad.txt', '--cache', '--cache-location', 'plain-file/cache.json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(expected.replaceAll(dir, blocked));
    expect(r.stderr).toContain('无法写入缓存文件 plain-file/cache.json');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('--cache-location takes a file or a folder (ending in /, or existing)', async () => {
    const dir = project({ 'bad.txt': MISSING_FIVE });
    await lint(dir, ['bad.txt', '--cache', '--cache-location', 'tmp/my.cache']);
    expect(readCache(path.join(dir, 'tmp', 'my.cache')).files['../bad.txt']).toBeDefined();
    await lint(dir, ['bad.txt', '--cache', '--cache-location', 'cachedir/']);
    const inDir = readdirSync(path.join(dir, 'cachedir'));
    expect(inDir).toHaveLength(1);
    expect(inDir[0]).toMatch(/^\.ogilintcache_[0-9a-f]{12}$/);
    // an existing folder named without the slash is the same folder, and the same file in it
    await lint(dir, ['bad.txt', '--cache', '--cache-location', 'cachedir']);
    expect(readdirSync(path.join(dir, 'cachedir'))).toEqual(inDir);
    expect(existsSync(path.join(dir, '.ogilintcache'))).toBe(false);
    // the file is used: the scrambled file is not read through it
    scramble(path.join(dir, 'bad.txt'));
    const cached = (await lint(dir, ['bad.txt', '--cache', '--cache-location', 'cachedir/'])).results[0]!;
    expect(cached.messages.map((m) => m.message)).toEqual([MISSING]);
  });

  it('files that could not be read are not cached; they are tried again on every run', async () => {
    const dir = project({ 'bad.txt': MISSING_FIVE, 'empty.txt': '' });
    const first = await lint(dir, ['.', '--cache']);
    expect(byName(first.results, 'empty.txt')!.messages.some((m) => m.fatal)).toBe(true);
    expect(Object.keys(readCache(path.join(dir, '.ogilintcache')).files)).toEqual(['bad.txt']);
    writeFileSync(path.join(dir, 'empty.txt'), COMPLETE);
    expect(byName((await lint(dir, ['.', '--cache'])).results, 'empty.txt')!.messages).toEqual([]);
  });

  it('--fix checks again a cached file with fixable findings, and the fixed file is not cached with the findings of its old text', async () => {
    const dir = project({ 'r.txt': BRACKETS });
    const file = path.join(dir, 'r.txt');
    expect(ruleIds((await lint(dir, ['r.txt', '--cache'])).results[0])).toEqual(['doc-number']);
    const fixed = await lint(dir, ['r.txt', '--cache', '--fix']);
    expect(fixed.results[0]!.messages).toEqual([]);
    expect(readFileSync(file, 'utf8')).toContain('国办公开办函〔2021〕30号');
    expect(readCache(path.join(dir, '.ogilintcache')).files['r.txt']).toBeUndefined();
    expect((await lint(dir, ['r.txt', '--cache'])).results[0]!.messages).toEqual([]);
    // a dry run shows the fixes of a cached result and leaves the file and the cache as they were
    writeFileSync(file, BRACKETS);
    await lint(dir, ['r.txt', '--cache']);
    const before = readFileSync(path.join(dir, '.ogilintcache'), 'utf8');
    const dry = await lint(dir, ['r.txt', '--cache', '--fix-dry-run']);
    expect((dry.results[0] as Result & { output?: string }).output).toContain('〔2021〕');
    expect(readFileSync(file, 'utf8')).toBe(BRACKETS);
    expect(readFileSync(path.join(dir, '.ogilintcache'), 'utf8')).toBe(before);
  });

  it('works with the worker pool of a large folder: only the changed file is checked again', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 6; i++) files[`r${i}.txt`] = i % 2 ? COMPLETE : MISSING_FIVE;
    const dir = project(files);
    const first = lintBin(dir, ['.', '--cache']);
    expect(first.results).toHaveLength(6);
    expect(Object.keys(readCache(path.join(dir, '.ogilintcache')).files)).toHaveLength(6);
    const again = lintBin(dir, ['.', '--cache']);
    expect(again.stdout).toBe(first.stdout);
    // r0 changes (its finding moves a line down), r2 changes unseen (same size and time: not read), r1 gets a finding
    writeFileSync(path.join(dir, 'r0.txt'), `\n${MISSING_FIVE}`);
    scramble(path.join(dir, 'r2.txt'));
    writeFileSync(path.join(dir, 'r1.txt'), MISSING_FIVE);
    const third = lintBin(dir, ['.', '--cache']);
    expect(byName(third.results, 'r0.txt')!.messages[0]!.line).toBe(11);
    expect(byName(third.results, 'r2.txt')).toEqual(byName(first.results, 'r2.txt'));
    expect(ruleIds(byName(third.results, 'r1.txt'))).toEqual(['required-sections']);
    expect(third.results.map((r) => path.basename(r.filePath))).toEqual(first.results.map((r) => path.basename(r.filePath)));
  });

  it('standard input is never cached, and --cache-strategy takes only metadata or content', async () => {
    const dir = project({});
    const o = memoryIO(dir, MISSING_FIVE);
    expect(await main(['-', '--stdin-filename', 'r.txt', '--cache', '-f', 'json'], o)).toBe(1);
    expect(existsSync(path.join(dir, '.ogilintcache'))).toBe(false);
    const bad = memoryIO(dir);
    expect(await main(['x.txt', '--cache', '--cache-strategy', 'mtime'], bad)).toBe(2);
    expect(bad.err).toContain('mtime');
  });
});
