import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { COMPLETE, MISSING_FIVE, ensureBuilt, onlyRules, runAsync, runMain, tempDir, writeTree, type Run } from './helpers/cli.js';
import { repoRoot } from './helpers/corpus.js';

/**
 * The command line as users run it: each case starts the real binary (bin/ogi-lint.js), and one
 * run checks as much as it can (a prepared folder, a configuration and several flags at once).
 * The runs do not depend on each other, so they are started side by side, each its own process.
 * The many variants of each feature are tested through the same `main` in process, in the files
 * named beside each case.
 */

interface Message {
  ruleId: string | null;
  severity: number;
  message: string;
  line: number;
  fix?: unknown;
}
interface Result {
  filePath: string;
  messages: Message[];
  suppressedMessages: (Message & { suppressions: { kind: string }[] })[];
  errorCount: number;
  warningCount: number;
  fixableWarningCount: number;
  output?: string;
  stats?: { times: { passes: { rules: Record<string, unknown> }[] } };
}

const json = (r: Run): Result[] => JSON.parse(r.stdout) as Result[];
const rel = (dir: string, r: Result): string => path.relative(dir, r.filePath).split(path.sep).join('/');
const byFile = (dir: string, rs: Result[]): Record<string, Result> => Object.fromEntries(rs.map((r) => [rel(dir, r), r]));

/** A complete report without the placeholder 某某局. */
const BODY = COMPLETE.replace('某某局', '青禾县民政局');
/** The same with a placeholder (XX) on line 3. */
const XX = BODY.replace('本局认真贯彻《条例》。', '本局于XX年发布文件。');
/** The same with a document number in square brackets, which doc-number fixes. */
const BRACKETS = BODY.replace('本局认真贯彻《条例》。', '本局按照国办公开办函[2021]30号认真贯彻《条例》。');
/** The same with a contact line whose three values contact-info finds malformed (warnings by default). */
const CONTACT = BODY.replace('本局认真贯彻《条例》。', '本局认真贯彻《条例》。联系电话：0701-562，电子邮箱：wczb@，邮编：24206。');
const MISSING = '缺少必备部分“五、存在的主要问题及改进情况”';

/** A report as a web page: the title, the part headings and the paragraphs of a text report. */
function html(text: string, replace: (p: string) => string = (p) => p): string {
  const [title, ...lines] = text.trimEnd().split('\n');
  const body = lines.map((l) => (/^[一二三四五六]、/.test(l) ? `<h2>${l}</h2>` : replace(`<p>${l}</p>`))).join('\n');
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>${title}</title></head><body>\n<h1>${title}</h1>\n${body}\n</body></html>\n`;
}

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Array(504).fill(0)]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array(64).fill(0)]);

/** Well-formed XML, or the parser's complaints. */
function xml(text: string): Document {
  const problems: string[] = [];
  const doc = new DOMParser({ errorHandler: (level: string, msg: string) => problems.push(`${level}: ${msg}`) }).parseFromString(text, 'text/xml');
  expect(problems).toEqual([]);
  return doc as unknown as Document;
}

// ---- the folders ----------------------------------------------------------------------------

/** Configuration: overrides, an ignore file, and two folders left out (by the file and by a flag). */
const conf = tempDir();
writeTree(conf, {
  '.ogilintrc.json': { root: true, rules: onlyRules({ 'required-sections': 'error' }), overrides: [{ files: ['lenient/**'], rules: { 'required-sections': 'warn' } }] },
  '.ogilintignore': '# not submitted\ndrafts/\n',
  'bad.txt': MISSING_FIVE,
  'lenient/bad.txt': MISSING_FIVE,
  'drafts/x.txt': MISSING_FIVE,
  'old/y.txt': MISSING_FIVE,
  'count.mjs': 'export default async (results, context) => `${results.length} ${results.map((r) => r.errorCount).join(",")} ${context.locale}\\n`;\n',
});

/** Inline comments in plain text and HTML, a fixable finding, and a rule with milder findings. */
const inline = tempDir();
const COMMENTED = XX.replace('本局于XX年', '// ogi-lint-disable-next-line placeholder\n本局于XX年')
  .replace('二、主动公开政府信息情况\n', '二、主动公开政府信息情况\n<!-- ogi-lint-disable-next-line placeholdr -->\n')
  .replace('三、收到和处理政府信息公开申请情况\n', '三、收到和处理政府信息公开申请情况\n// ogi-lint-disable-next-line doc-number\n');
writeTree(inline, {
  '.ogilintrc.json': { root: true, rules: onlyRules({ 'required-sections': 'error', placeholder: 'error', 'doc-number': 'warn' }) },
  'comment.txt': COMMENTED,
  'page.html': html(XX, (p) => (p.includes('XX') ? `<!-- ogi-lint-disable placeholder -->${p}<!-- ogi-lint-enable placeholder -->` : p)),
  'fix.txt': BRACKETS,
});
/** contact-info left at its default (error), its malformed values given as warnings. */
const contact = tempDir();
writeTree(contact, { '.ogilintrc.json': { root: true, rules: Object.fromEntries(Object.entries(onlyRules({})).filter(([id]) => id !== 'contact-info')) }, 'r.txt': CONTACT });

/** The suppressions file. */
const sup = tempDir();
writeTree(sup, { '.ogilintrc.json': { root: true, rules: onlyRules({ 'required-sections': 'error', placeholder: 'error' }) }, 'a.txt': MISSING_FIVE, 'b.txt': XX });

/** A folder as reports arrive: Word 97 and WPS files, a damaged PDF, a README, an image, links. */
const walk = tempDir();
writeTree(walk, { '.ogilintrc.json': { root: true, rules: onlyRules({ 'required-sections': 'error' }) }, 'r/a.txt': BODY, 'r/README.md': '# 说明\n本目录存放年报。\n' });
writeFileSync(path.join(walk, 'r', 'old.doc'), OLE);
writeFileSync(path.join(walk, 'r', 'wps.wps'), OLE);
writeFileSync(path.join(walk, 'r', 'notes.pdf'), '%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n');
writeFileSync(path.join(walk, 'r', 'scan.png'), PNG);
symlinkSync(path.join(walk, 'r', 'a.txt'), path.join(walk, 'r', 'link-to-a.txt'));
symlinkSync(path.join(walk, 'r'), path.join(walk, 'r', 'loop'));

/** Configuration files that are wrong. */
const badJson = tempDir();
writeTree(badJson, { '.ogilintrc.json': '{\n  "root": true,\n  "rules": { "required-sections": "warn", }\n}\n', 'r.txt': BODY });
const badKey = tempDir();
writeTree(badKey, { '.ogilintrc.json': { root: true, rule: { 'required-sections': 'warn' } }, 'r.txt': BODY });

/** extract. */
const ext = tempDir();
const TABLES = 'tables.md';
writeFileSync(path.join(ext, TABLES), readFileSync(path.join(repoRoot, 'fixtures', 'tables', 'recog-2021-clean.md')));
writeFileSync(path.join(ext, 'empty.txt'), '');

// ---- the runs, side by side -----------------------------------------------------------------

const runs = {
  conf: () => runAsync(['.', '--ignore-pattern', 'old/'], { cwd: conf }),
  unix: () => runAsync(['.', 'gone.txt', '--no-ignore', '--no-error-on-unmatched-pattern', '-f', 'unix'], { cwd: conf }),
  checkstyle: () => runAsync(['.', '-f', 'checkstyle'], { cwd: conf }),
  junit: () => runAsync(['.', '-f', 'junit'], { cwd: conf }),
  custom: () => runAsync(['.', '-f', './count.mjs'], { cwd: conf }),
  inlineJson: () => runAsync(['.', '-f', 'json', '--report-unused-disable-directives'], { cwd: inline }),
  inlineStylish: () => runAsync(['.'], { cwd: inline }),
  noInline: () => runAsync(['.', '--no-inline-config', '-f', 'compact'], { cwd: inline }),
  dryRun: () => runAsync(['fix.txt', '--fix-dry-run', '-f', 'json', '--stats'], { cwd: inline }),
  conflicting: () => runAsync(['fix.txt', '--fix', '--fix-dry-run'], { cwd: inline }),
  contactError: () => runAsync(['r.txt', '-f', 'json', '--rule', 'contact-info:error'], { cwd: contact }),
  walk: () => runAsync(['r'], { cwd: walk }),
  badJson: () => runAsync(['r.txt'], { cwd: badJson }),
  badKey: () => runAsync(['r.txt'], { cwd: badKey }),
  badFlag: () => runAsync(['r.txt', '--quite'], { cwd: badKey }),
  extractCsv: () => runAsync(['extract', TABLES, 'empty.txt', 'gone.txt', '-f', 'csv', '-o', 'out/tables.csv'], { cwd: ext }),
  extractJson: () => runAsync(['extract', TABLES, '-f', 'json', '--no-positions', '-o', 'tables.json'], { cwd: ext }),
  /** two runs, one after the other: accept today's findings, then a new one appears */
  suppress: async () => {
    const first = await runAsync(['.', '--suppress-all'], { cwd: sup });
    writeFileSync(path.join(sup, 'b.txt'), XX.replace('见下表。', '见下表XX。'));
    return [first, await runAsync(['.', '-f', 'json'], { cwd: sup })] as const;
  },
};

type Outcomes = { [K in keyof typeof runs]: Awaited<ReturnType<(typeof runs)[K]>> };
let r: Outcomes;

beforeAll(async () => {
  ensureBuilt();
  // two processes at a time: the machine's two cores busy, without crowding out the other test files
  const entries = Object.entries(runs) as [keyof Outcomes, () => Promise<unknown>][];
  const done: Partial<Record<keyof Outcomes, unknown>> = {};
  let next = 0;
  await Promise.all(
    Array.from({ length: 2 }, async () => {
      while (next < entries.length) {
        const [name, start] = entries[next++]!;
        done[name] = await start();
      }
    }),
  );
  r = done as Outcomes;
}, 120_000);

// ---- what each run shows --------------------------------------------------------------------

describe('configuration on the real binary (in process: config-files.test.ts)', () => {
  it('overrides, .ogilintignore and --ignore-pattern decide what is checked and how; stylish names the rule in Chinese and sums up', () => {
    const { code, stdout, stderr } = r.conf;
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const lines = stdout.split('\n');
    // bad.txt: the configured error; lenient/bad.txt: the override's warning; drafts/ and old/ left out
    expect(lines).toContain('bad.txt');
    expect(lines).toContain(path.join('lenient', 'bad.txt'));
    expect(stdout).not.toContain('drafts');
    expect(stdout).not.toContain('old');
    const rows = lines.filter((l) => l.includes(MISSING));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^ {2}10:1 {2}错误 {2}缺少必备部分“五、存在的主要问题及改进情况” {2}required-sections（必备部分）$/);
    expect(rows[1]).toMatch(/^ {2}10:1 {2}警告 {2}缺少必备部分/);
    expect(stdout).toContain('✖ 2 个问题（1 个错误，1 个警告）');
  });

  it('--no-ignore checks everything; --no-error-on-unmatched-pattern leaves out a missing path (unix format)', () => {
    const { code, stdout, stderr } = r.unix;
    expect(code).toBe(1);
    // the formatter in the folder is no report: named as skipped, on standard error beside a machine format
    expect(stderr).toBe('已跳过 1 个不是报告的文件：count.mjs\n');
    const lines = stdout.trimEnd().split('\n');
    expect(lines.slice(0, -2).sort()).toEqual(
      [
        `bad.txt:10:1: ${MISSING} [Error/required-sections]`,
        `${path.join('drafts', 'x.txt')}:10:1: ${MISSING} [Error/required-sections]`,
        `${path.join('lenient', 'bad.txt')}:10:1: ${MISSING} [Warning/required-sections]`,
        `${path.join('old', 'y.txt')}:10:1: ${MISSING} [Error/required-sections]`,
      ].sort(),
    );
    expect(stdout).not.toContain('gone.txt');
    expect(lines.at(-2)).toBe('');
    expect(lines.at(-1)).toMatch(/^4 /);
  });

  it('inline comments work in plain text and in HTML; unknown rule ids and unused comments are reported', () => {
    const { code, stdout, stderr } = r.inlineJson;
    expect([code, stderr]).toEqual([1, '']);
    const res = byFile(inline, json(r.inlineJson));
    expect(Object.keys(res).sort()).toEqual(['comment.txt', 'fix.txt', 'page.html']);
    expect(res['comment.txt']!.messages.map((m) => [m.ruleId, m.severity, m.message])).toEqual([
      [null, 2, '停用注释中的规则“placeholdr”不存在，是否想写“placeholder”？'],
      [null, 2, '多余的停用注释：没有屏蔽“doc-number”的任何问题'],
    ]);
    expect(res['comment.txt']!.suppressedMessages.map((m) => [m.ruleId, m.line, m.suppressions[0]!.kind])).toEqual([['placeholder', 4, 'directive']]);
    expect(res['page.html']!.messages).toEqual([]);
    expect(res['page.html']!.suppressedMessages.map((m) => [m.ruleId, m.suppressions[0]!.kind])).toEqual([['placeholder', 'directive']]);
    expect(stdout).not.toContain('"source"');
  });

  it('--no-inline-config ignores every comment (compact format)', () => {
    const { code, stdout } = r.noInline;
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.filter((l) => l.includes('(placeholder)')).map((l) => l.slice(0, l.indexOf(':')))).toEqual(['comment.txt', 'page.html']);
    expect(lines.find((l) => l.startsWith('comment.txt'))).toMatch(/^comment\.txt: 第 4 行第 \d+ 列, 错误 - .*XX.* \(placeholder\)$/);
    // the comments are text now: nothing says they are unused or unknown
    expect(stdout).not.toContain('停用注释');
    expect(lines.at(-1)).toMatch(/^\d+ 个问题$/);
  });

  it('the suppressions file: --suppress-all accepts today’s findings, a later run reports only a file and rule with more', () => {
    const [first, later] = r.suppress;
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('ogi-lint-suppressions.json');
    const file = JSON.parse(readFileSync(path.join(sup, 'ogi-lint-suppressions.json'), 'utf8')) as Record<string, Record<string, { count: number }>>;
    expect(file).toEqual({ 'a.txt': { placeholder: { count: 1 }, 'required-sections': { count: 1 } }, 'b.txt': { placeholder: { count: 1 } } });
    expect(later.code).toBe(1);
    const res = byFile(sup, json(later));
    expect(res['a.txt']!.messages).toEqual([]);
    expect(res['a.txt']!.suppressedMessages.map((m) => [m.ruleId, m.suppressions[0]!.kind])).toEqual([
      ['placeholder', 'file'],
      ['required-sections', 'file'],
    ]);
    // one placeholder more than accepted: both are reported again
    expect(res['b.txt']!.messages.map((m) => m.ruleId)).toEqual(['placeholder', 'placeholder']);
  });

  it('the configured severity applies to every finding of a rule (in process: cli.test.ts)', async () => {
    // at its default, the error-level rule gives its malformed values as warnings (the same main, in this process)
    const byDefault = await runMain(['r.txt', '-f', 'json'], { cwd: contact });
    const mild = json(byDefault)[0]!.messages.filter((m) => m.ruleId === 'contact-info');
    expect(mild.length).toBeGreaterThanOrEqual(3);
    expect(new Set(mild.map((m) => m.severity))).toEqual(new Set([1]));
    expect(byDefault.code).toBe(0);
    const strict = json(r.contactError)[0]!.messages.filter((m) => m.ruleId === 'contact-info');
    expect(strict.map((m) => [m.line, m.message])).toEqual(mild.map((m) => [m.line, m.message]));
    expect(strict.map((m) => m.severity)).toEqual(mild.map(() => 2));
    expect(r.contactError.code).toBe(1);
  });
});

describe('output on the real binary (in process: formats.test.ts, fix.test.ts, formatters.test.ts)', () => {
  it('stylish marks a fixable finding and says how many --fix can fix', () => {
    const { code, stdout } = r.inlineStylish;
    expect(code).toBe(1);
    const row = stdout.split('\n').find((l) => l.includes('doc-number（'))!;
    expect(row).toMatch(/^ {2}3:\d+ {2}警告 {2}.* {2}doc-number（[^）]+） \[可修复\]$/);
    expect(stdout).toContain('其中 1 个问题（0 个错误，1 个警告）可用 --fix 自动修复');
  });

  it('--fix-dry-run -f json prints JSON only, the fixed text in "output", and --stats adds the timings; the file is not written', () => {
    const { code, stdout, stderr } = r.dryRun;
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).not.toContain('@@');
    const [res] = json(r.dryRun);
    expect(res!.output).toBe(BRACKETS.replace('[2021]', '〔2021〕'));
    expect(res!.messages).toEqual([]);
    expect(Object.keys(res!.stats!.times.passes[0]!.rules)).toContain('doc-number');
    expect(readFileSync(path.join(inline, 'fix.txt'), 'utf8')).toBe(BRACKETS);
  });

  it('checkstyle and junit are well-formed XML with every finding', () => {
    const cs = xml(r.checkstyle.stdout);
    expect(r.checkstyle.code).toBe(1);
    const files = Array.from(cs.getElementsByTagName('file')).map((f) => [path.relative(conf, f.getAttribute('name')!), Array.from(f.getElementsByTagName('error')).map((e) => [e.getAttribute('line'), e.getAttribute('severity')])]);
    expect(files).toEqual([
      ['bad.txt', [['10', 'error']]],
      [path.join('lenient', 'bad.txt'), [['10', 'warning']]],
      [path.join('old', 'y.txt'), [['10', 'error']]],
    ]);
    const ju = xml(r.junit.stdout);
    expect(r.junit.code).toBe(1);
    expect(Array.from(ju.getElementsByTagName('testsuite')).map((s) => [s.getAttribute('tests'), s.getElementsByTagName('failure').length])).toEqual([
      ['1', 1],
      ['1', 1],
      ['1', 1],
    ]);
  });

  it('-f ./formatter.js loads a formatter of ones own from the working folder', () => {
    expect(r.custom).toEqual({ code: 1, stdout: '3 1,0,1 zh\n', stderr: '已跳过 1 个不是报告的文件：count.mjs\n' });
  });
});

describe('folders on the real binary (in process: folders.test.ts)', () => {
  it('Word 97, WPS and damaged PDF files get one finding each; README.md and an image are listed as skipped; links are followed once', () => {
    const { code, stdout, stderr } = r.walk;
    expect([code, stderr]).toEqual([1, '']);
    const files = stdout.split('\n').filter((l) => /^\S/.test(l) && !l.startsWith('✖') && !l.startsWith('已跳过'));
    expect(files.sort()).toEqual(['old.doc', 'notes.pdf', 'wps.wps'].map((f) => path.join('r', f)).sort());
    expect(stdout.split('\n').filter((l) => l.includes('file-unreadable'))).toHaveLength(3);
    expect(stdout).toMatch(/已跳过 2 个不是报告的文件：/);
    expect(stdout).toContain(path.join('r', 'README.md'));
    expect(stdout).toContain(path.join('r', 'scan.png'));
    // a.txt is clean, and neither its link nor the looping folder link is a second copy of it
    expect(stdout).not.toContain('a.txt');
    expect(stdout).toContain('✖ 3 个问题（3 个错误，0 个警告）');
  });
});

describe('words on the real binary (in process: cli.test.ts, fix.test.ts)', () => {
  it('a configuration that is not JSON is named with line and column, in Chinese, exit 2', () => {
    const { code, stdout, stderr } = r.badJson;
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toMatch(/\.ogilintrc\.json:3:\d+：不是合法的 JSON/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('an unknown key in a configuration and an unknown flag get "did you mean", in Chinese, exit 2', () => {
    expect(r.badKey.code).toBe(2);
    expect(r.badKey.stderr).toBe(`ogi-lint：配置有误：\n${path.join(badKey, '.ogilintrc.json')}：未知的设置项“rule”，是否想写“rules”？\n`);
    expect([r.badFlag.code, r.badFlag.stdout, r.badFlag.stderr]).toEqual([2, '', 'ogi-lint：无法识别的选项：quite（是否想写 --quiet？）\n']);
  });

  it('conflicting flags are refused with a message, exit 2, and nothing is written', () => {
    expect(r.conflicting.code).toBe(2);
    expect(r.conflicting.stderr).toContain('--fix 与 --fix-dry-run 不能同时使用');
    expect(readFileSync(path.join(inline, 'fix.txt'), 'utf8')).toBe(BRACKETS);
  });
});

describe('extract on the real binary (in process: extract-cli.test.ts)', () => {
  it('-f csv -o writes the file; an unreadable file and a missing path are error rows, and the exit code is 1', () => {
    const { code, stdout } = r.extractCsv;
    expect([code, stdout]).toEqual([1, '']);
    const csv = readFileSync(path.join(ext, 'out', 'tables.csv'), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = csv.slice(1).trimEnd().split('\r\n');
    expect(rows[0]).toBe('file,year,generation,table,row,row_label,column,column_label,value,text,error');
    expect(rows.filter((l) => l.startsWith(`${TABLES},`)).length).toBeGreaterThan(20);
    expect(rows.filter((l) => !l.startsWith(`${TABLES},`)).slice(1).map((l) => l.split(',')[0])).toEqual(['empty.txt', 'gone.txt']);
  });

  it('-f json -o writes JSON, without positions with --no-positions', () => {
    expect([r.extractJson.code, r.extractJson.stdout]).toEqual([0, '']);
    const written = readFileSync(path.join(ext, 'tables.json'), 'utf8');
    const tables = (JSON.parse(written) as { tables: unknown[] }[])[0]!.tables;
    expect(tables.length).toBeGreaterThan(0);
    expect(written).toMatch(/"value":/);
    expect(written).not.toMatch(/"(range|line|column|endLine|endColumn)":/);
  });
});
