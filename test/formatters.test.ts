import { describe, expect, it } from 'vitest';
import path from 'node:path';
import stringWidth from 'string-width';
import { allRules } from '../rules/index.js';
import type { LintResult } from '../src/diagnostic.js';
import { lintText } from '../src/lint.js';
import { lintFiles } from '../src/index.js';
import { formatters, json, sarif, stylish } from '../src/output/index.js';
import { FORMATTER_NAMES, loadBuiltinFormatter } from '../src/output/by-name.js';
import { COMPLETE, MISSING_FIVE, sarifValidator } from './helpers/cli.js';
import { corpusDir } from './helpers/corpus.js';

const requiredSections = allRules.filter((r) => r.id === 'required-sections');
const cwd = '/reports';

/** Real results: a report missing parts three and five, one complete, one unreadable. */
function sample(locale: 'zh' | 'en' = 'zh'): LintResult[] {
  const missing = lintText(MISSING_FIVE.replace('三、收到和处理政府信息公开申请情况\n见下表。\n', ''), '/reports/a.txt', { rules: requiredSections, locale });
  const warned = lintText(MISSING_FIVE, '/reports/sub/b.txt', { rules: requiredSections, locale, ruleOverrides: { 'required-sections': 'warn' } });
  const clean = lintText(COMPLETE, '/reports/c.txt', { rules: requiredSections, locale });
  return [missing, warned, clean];
}

describe('stylish', () => {
  it('groups by file, aligns columns in terminal cells and sums up in Chinese', () => {
    const out = stylish(sample(), { cwd });
    const lines = out.split('\n');
    expect(lines).toContain('a.txt');
    expect(lines).toContain(path.join('sub', 'b.txt'));
    expect(lines).not.toContain('c.txt');
    const rows = lines.filter((l) => l.endsWith('required-sections（必备部分）'));
    expect(rows).toHaveLength(3);
    // the two rows of a.txt: messages of different lengths, rule ids in one terminal column
    const aRows = rows.slice(0, 2);
    expect(new Set(aRows.map((l) => stringWidth(l.slice(0, l.lastIndexOf('required-sections'))))).size).toBe(1);
    expect(aRows[0]).toMatch(/^ {2}\d+:1 {2}错误 {2}缺少必备部分“三、收到和处理政府信息公开申请情况” {2}required-sections（必备部分）$/);
    expect(rows[2]).toMatch(/^ {2}10:1 {2}警告 {2}缺少必备部分“五、存在的主要问题及改进情况” {2}required-sections（必备部分）$/);
    expect(out).toContain('应为：五、存在的主要问题及改进情况；实为：（无）');
    expect(lines.at(-2)).toBe('✖ 3 个问题（2 个错误，1 个警告）');
  });

  it('pads by display width: a CJK message and an ASCII one end at the same column', () => {
    const [a] = sample();
    const two: LintResult = { ...a!, messages: [a!.messages[0]!, { ...a!.messages[0]!, line: 99, message: 'ASCII only' }] };
    const rows = stylish([two], { cwd }).split('\n').filter((l) => l.endsWith('required-sections（必备部分）'));
    const starts = rows.map((l) => stringWidth(l.slice(0, l.lastIndexOf('required-sections'))));
    expect(starts[0]).toBe(starts[1]);
    // a plain character count would differ: CJK characters are two cells wide
    expect(rows[0]!.lastIndexOf('required-sections')).not.toBe(rows[1]!.lastIndexOf('required-sections'));
  });

  it('speaks English with locale en', () => {
    const out = stylish(sample('en'), { cwd, locale: 'en' });
    expect(out).toContain('  6:1  error  required section missing: “三、收到和处理政府信息公开申请情况” (3. Requests received and handled)  required-sections');
    expect(out).toContain('expected: 五、存在的主要问题及改进情况; actual: (none)');
    expect(out).toContain('✖ 3 problems (2 errors, 1 warning)');
  });

  it('colours only when asked', () => {
    expect(stylish(sample(), { cwd, color: true })).toMatch(/\x1b\[31m错误/);
    expect(stylish(sample(), { cwd, color: false })).not.toMatch(/\x1b\[/);
  });

  it('says how many reports were clean when there are no problems, and prints nothing for no result', () => {
    expect(stylish([sample()[2]!], { cwd })).toBe('✔ 1 份报告未发现问题\n');
    expect(stylish([sample()[2]!, sample()[2]!], { cwd, locale: 'en' })).toBe('✔ 2 reports checked, no problems found\n');
    expect(stylish([], { cwd })).toBe('');
  });

  it('marks fixable findings and says how many --fix can fix', () => {
    const [a] = sample();
    const fixable: LintResult = { ...a!, messages: [{ ...a!.messages[0]!, fix: { range: [0, 1], text: 'x' } }, a!.messages[1]!], fixableErrorCount: 1 };
    const out = stylish([fixable], { cwd });
    const rows = out.split('\n').filter((l) => l.includes('required-sections'));
    expect(rows[0]).toMatch(/required-sections（必备部分） \[可修复\]$/);
    expect(rows[1]).toMatch(/required-sections（必备部分）$/);
    expect(out).toContain('其中 1 个问题（1 个错误，0 个警告）可用 --fix 自动修复');
    expect(stylish([fixable], { cwd, locale: 'en' })).toContain('1 error and 0 warnings potentially fixable with the `--fix` option.');
  });

  it('does not change the results', () => {
    const results = sample();
    const before = JSON.stringify(results);
    stylish(results, { cwd, color: true });
    json(results);
    sarif(results, { cwd });
    expect(JSON.stringify(results)).toBe(before);
  });
});

describe('json', () => {
  it('is ESLint’s result shape without the source text', () => {
    const results = sample();
    expect(results[0]!.source).toBeDefined();
    const parsed = JSON.parse(json(results)) as Record<string, unknown>[];
    expect(parsed).toHaveLength(3);
    for (const r of parsed) {
      expect(Object.keys(r)).toEqual(['filePath', 'messages', 'suppressedMessages', 'errorCount', 'fatalErrorCount', 'warningCount', 'fixableErrorCount', 'fixableWarningCount', 'report']);
    }
    expect(parsed[1]).toMatchObject({
      filePath: '/reports/sub/b.txt',
      errorCount: 0,
      warningCount: 1,
      messages: [{ ruleId: 'required-sections', severity: 1, line: 10, column: 1, endLine: 10, endColumn: 12, expected: '五、存在的主要问题及改进情况', actual: null }],
      report: { year: 2021, profile: 'format-2021' },
    });
  });
});

describe('sarif', () => {
  const validate = sarifValidator();

  it('validates against the SARIF 2.1.0 schema and carries rules, levels, messages and regions', () => {
    const log = JSON.parse(sarif(sample(), { cwd }));
    const v = validate(log);
    expect(v.errors).toBeNull();
    expect(log.version).toBe('2.1.0');
    const driver = log.runs[0].tool.driver;
    expect(driver).toMatchObject({ name: 'ogi-lint', version: expect.stringMatching(/^\d+\.\d+\.\d+/), informationUri: expect.stringMatching(/^https:\/\//) });
    const rule = driver.rules.find((r: { id: string }) => r.id === 'required-sections');
    expect(rule).toMatchObject({ shortDescription: { text: requiredSections[0]!.description.zh }, defaultConfiguration: { level: 'error' } });
    const results = log.runs[0].results as { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
    expect(results.map((r) => [r.level, r.locations[0]!.physicalLocation.artifactLocation.uri])).toEqual([
      ['error', 'a.txt'],
      ['error', 'a.txt'],
      ['warning', 'sub/b.txt'],
    ]);
    for (const r of results) expect(driver.rules[r.ruleIndex].id).toBe(r.ruleId);
  });

  it('describes findings of the reader (unreadable files) as rules too', () => {
    const broken: LintResult = {
      filePath: '/reports/x.docx',
      messages: [{ ruleId: 'file-unreadable', severity: 2, message: '无法读取文件（EACCES）', line: 1, column: 1, endLine: 1, endColumn: 1, fatal: true }],
      errorCount: 1,
      warningCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      report: null,
    };
    const log = JSON.parse(sarif([broken], { cwd, locale: 'en' }));
    expect(validate(log).errors).toBeNull();
    expect(log.runs[0].tool.driver.rules.map((r: { id: string }) => r.id)).toContain('file-unreadable');
    expect(log.runs[0].results[0]).toMatchObject({ ruleId: 'file-unreadable', level: 'error', properties: { fatal: true } });
  });

  it('gives file URIs for files outside the working folder', () => {
    const log = JSON.parse(sarif(sample(), { cwd: '/elsewhere' }));
    expect(validate(log).errors).toBeNull();
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('file:///reports/a.txt');
  });

  it('stays valid for every real report of the corpus, with every rule', async () => {
    const results = await lintFiles([corpusDir], { useConfig: false });
    expect(results.length).toBeGreaterThanOrEqual(75);
    const log = JSON.parse(sarif(results, { cwd: corpusDir }));
    expect(validate(log).errors).toBeNull();
    expect(log.runs[0].results).toHaveLength(results.reduce((n, r) => n + r.messages.length, 0));
    const parsed = JSON.parse(json(results)) as LintResult[];
    expect(parsed.map((r) => r.filePath)).toEqual(results.map((r) => r.filePath));
    expect(stylish(results, { cwd: corpusDir })).toContain('✖');
  });
});

describe('the command line loads only the formatter it is asked for', () => {
  it('the same names and the same functions as `formatters`', async () => {
    expect([...FORMATTER_NAMES].sort()).toEqual(Object.keys(formatters).sort());
    for (const name of FORMATTER_NAMES) expect(await loadBuiltinFormatter(name), name).toBe(formatters[name]);
  });

  it('no formatter for another name, an inherited property included', async () => {
    for (const name of ['pretty', 'toString', 'constructor', '']) expect(await loadBuiltinFormatter(name), name).toBeUndefined();
  });
});
