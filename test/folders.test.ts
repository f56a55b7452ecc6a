import { beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { COMPLETE, MISSING_FIVE, ensureBuilt, memoryIO, onlyRules, run, runMain, tempDir, writeTree } from './helpers/cli.js';
import { main } from '../src/cli/main.js';
import { expandPatterns, isAuditOutput } from '../src/cli/files.js';
import { repoRoot } from './helpers/corpus.js';

/** Folder walks: every file is either checked, reported as unreadable, or listed as skipped. */

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Array(504).fill(0)]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array(64).fill(0)]);

function project(files: Record<string, string | object>): string {
  const dir = tempDir();
  writeTree(dir, { '.ogilintrc.json': { root: true, rules: onlyRules({ 'required-sections': 'error' }) }, ...files });
  return dir;
}

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; message: string; fatal?: boolean }[];
}

beforeAll(() => {
  ensureBuilt();
});

describe('what a folder holds', () => {
  it('old Word and WPS files each get one clear finding; images and spreadsheets are listed as skipped', async () => {
    const dir = project({ 'r/a.txt': COMPLETE });
    writeFileSync(path.join(dir, 'r', 'old.doc'), OLE);
    writeFileSync(path.join(dir, 'r', 'wps.wps'), OLE);
    writeFileSync(path.join(dir, 'r', 'scan.png'), PNG);
    writeFileSync(path.join(dir, 'r', 'table.xlsx'), PNG);
    const o = memoryIO(dir);
    const code = await main(['r', '-f', 'json'], o);
    expect(code).toBe(1);
    const res = JSON.parse(o.out) as JsonResult[];
    expect(res.map((x) => path.basename(x.filePath))).toEqual(['a.txt', 'old.doc', 'wps.wps']);
    for (const x of res.slice(1)) {
      expect(x.messages).toHaveLength(1);
      expect(x.messages[0]).toMatchObject({ ruleId: 'file-unreadable', fatal: true });
    }
    // JSON has no place for them: the skipped files are named on standard error
    expect(o.err).toBe(`已跳过 2 个不是报告的文件：${path.join('r', 'scan.png')}、${path.join('r', 'table.xlsx')}\n`);
    const stylish = memoryIO(dir);
    await main(['r'], stylish);
    expect(stylish.out).toContain(`已跳过 2 个不是报告的文件：${path.join('r', 'scan.png')}、${path.join('r', 'table.xlsx')}`);
    expect(stylish.err).toBe('');
  });

  it('README.md, CHANGELOG.md and the like are not reports unless named', async () => {
    const dir = project({ 'r/report.md': COMPLETE, 'r/README.md': '# 说明\n本目录存放年报。\n', 'r/CHANGELOG.md': '# 更新\n', 'r/LICENSE': 'MIT' });
    const found = await expandPatterns(['r'], dir);
    expect(found.files.map((f) => path.basename(f))).toEqual(['report.md']);
    expect(found.skipped.map((s) => [path.basename(s.file), s.reason])).toEqual([
      ['CHANGELOG.md', 'project-file'],
      ['LICENSE', 'project-file'],
      ['README.md', 'project-file'],
    ]);
    expect((await expandPatterns(['r/*.md'], dir)).files.map((f) => path.basename(f))).toEqual(['report.md']);
    const named = await expandPatterns(['r/README.md'], dir);
    expect(named.files.map((f) => path.basename(f))).toEqual(['README.md']);
  });

  it('a folder with many kinds of files: every file is accounted for', async () => {
    const names = ['a.txt', 'b.md', 'c.html', 'd.doc', 'e.wps', 'f.jpg', 'g.zip', 'h.json', 'README.txt', 'i.TXT', 'j.Md'];
    const dir = project(Object.fromEntries(names.map((n) => [`r/${n}`, COMPLETE])));
    const { files, skipped } = await expandPatterns(['r'], dir);
    const all = [...files, ...skipped.map((s) => s.file)].map((f) => path.basename(f)).sort();
    expect(all).toEqual([...names].sort());
    expect(files.map((f) => path.basename(f))).toEqual(['a.txt', 'b.md', 'c.html', 'd.doc', 'e.wps', 'i.TXT', 'j.Md']);
  });
});

describe("an audit's output inside the folder checked", () => {
  it('is passed over by later runs, lint and audit alike, under any name; a file in it named alone is checked', async () => {
    const dir = tempDir();
    const samples = path.join(repoRoot, 'fixtures', 'samples');
    for (const f of readdirSync(samples)) copyFileSync(path.join(samples, f), path.join(dir, f));
    const reports = readdirSync(samples).length;
    // two audits of the folder: into the default ogi-lint-audit/, and into a folder of another name
    expect(await main(['audit', '.'], memoryIO(dir))).toBe(1);
    expect(await main(['audit', '.', '--out-dir', 'checks/2024'], memoryIO(dir))).toBe(1);
    for (const out of ['ogi-lint-audit', 'checks/2024']) expect(existsSync(path.join(dir, out, 'summary.html'))).toBe(true);
    const audit = JSON.parse(readFileSync(path.join(dir, 'checks/2024/audit.json'), 'utf8')) as { results: { filePath: string }[] };
    expect(audit.results).toHaveLength(reports);
    // a lint of the folder checks the reports alone, and lists none of the audits' files as skipped
    const o = memoryIO(dir);
    await main(['.', '-f', 'json'], o);
    const checked = (JSON.parse(o.out) as JsonResult[]).map((r) => path.relative(dir, r.filePath)).sort();
    expect(checked).toEqual(readdirSync(samples).sort());
    const walked = await expandPatterns(['.'], dir);
    expect(walked.skipped).toEqual([]);
    expect((await expandPatterns(['**/*.html'], dir)).files).toEqual([]);
    // named, summary.html is checked (and is no report)
    const named = memoryIO(dir);
    expect(await main(['checks/2024/summary.html', '-f', 'json'], named)).toBe(1);
    expect((JSON.parse(named.out) as JsonResult[])[0]!.messages.length).toBeGreaterThan(0);
  }, 60_000);

  it('is told by its files: results.ndjson beside audit.json or a summary', () => {
    expect(isAuditOutput(new Set(['results.ndjson', 'audit.json']))).toBe(true);
    expect(isAuditOutput(new Set(['results.ndjson', 'summary.html']))).toBe(true);
    expect(isAuditOutput(new Set(['results.ndjson', 'report.md']))).toBe(false);
    expect(isAuditOutput(new Set(['audit.json', 'summary.html', 'summary.csv']))).toBe(false);
  });
});

describe('symbolic links', () => {
  it('are followed, and each file is checked once, whatever the number of links and loops', async () => {
    const dir = project({ 'reports/a.txt': COMPLETE, 'reports/sub/b.txt': MISSING_FIVE });
    symlinkSync(path.join(dir, 'reports', 'sub'), path.join(dir, 'reports', 'again'));
    symlinkSync(path.join(dir, 'reports'), path.join(dir, 'reports', 'sub', 'loop'));
    symlinkSync(path.join(dir, 'reports', 'a.txt'), path.join(dir, 'reports', 'link-to-a.txt'));
    symlinkSync(path.join(dir, 'elsewhere'), path.join(dir, 'reports', 'dangling'));
    // the folder on the real binary, the glob through the same main in this process
    for (const [pattern, r] of [['reports', run(['reports', '-f', 'json'], { cwd: dir })], ['reports/**/*.txt', await runMain(['reports/**/*.txt', '-f', 'json'], { cwd: dir })]] as const) {
      expect(r.stderr, pattern).toBe('');
      expect(r.code).toBe(1);
      const res = JSON.parse(r.stdout) as JsonResult[];
      const real = res.map((x) => path.relative(dir, x.filePath));
      expect(real).toHaveLength(2);
      expect(new Set(res.map((x) => readFileSync(x.filePath, 'utf8')))).toEqual(new Set([COMPLETE, MISSING_FIVE]));
    }
  });

  it('a linked folder given on the command line is walked', async () => {
    const dir = project({ 'real/a.txt': COMPLETE });
    symlinkSync(path.join(dir, 'real'), path.join(dir, 'link'));
    expect((await expandPatterns(['link'], dir)).files).toEqual([path.join(dir, 'link', 'a.txt')]);
  });
});

it('the repository folder itself: README.md, CHANGELOG.md and CONTRIBUTING.md are not taken for reports', async () => {
  const { files } = await expandPatterns(['.'], repoRoot);
  expect(files.filter((f) => /^(README|CHANGELOG|CONTRIBUTING)\.md$/.test(path.basename(f)))).toEqual([]);
});
