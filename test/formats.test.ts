import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { allRules } from '../rules/index.js';
import { lintText } from '../src/lint.js';
import { checkstyle, compact, junit, sarif, unix } from '../src/output/index.js';
import { main } from '../src/cli/main.js';
import { COMPLETE, MISSING_FIVE, memoryIO, sarifValidator, tempDir } from './helpers/cli.js';
import { readPath } from '../src/read/index.js';
import { lintDocument } from '../src/lint.js';

/** The formats besides stylish and JSON: ESLint's compact, unix, checkstyle and junit, custom ones, SARIF's extras. */

const rs = allRules.filter((r) => r.id === 'required-sections');
const cwd = '/reports';

function sample() {
  const bad = lintText(MISSING_FIVE.replace('三、收到和处理政府信息公开申请情况\n见下表。\n', ''), '/reports/a.txt', { rules: rs });
  const warn = lintText(MISSING_FIVE, '/reports/b&<c>.txt', { rules: rs, ruleOverrides: { 'required-sections': 'warn' } });
  const clean = lintText(COMPLETE, '/reports/ok.txt', { rules: rs });
  return [bad, warn, clean];
}

describe('compact and unix', () => {
  it('one line per finding with file, line and column, then the total', () => {
    const u = unix(sample(), { cwd, locale: 'en' }).split('\n');
    expect(u[0]).toBe('a.txt:6:1: 缺少必备部分“三、收到和处理政府信息公开申请情况” [Error/required-sections]');
    expect(u).toContain('b&<c>.txt:10:1: 缺少必备部分“五、存在的主要问题及改进情况” [Warning/required-sections]');
    expect(u.at(-2)).toBe('3 problems');
    const c = compact(sample(), { cwd }).split('\n');
    expect(c[0]).toBe('a.txt: 第 6 行第 1 列, 错误 - 缺少必备部分“三、收到和处理政府信息公开申请情况” (required-sections)');
    expect(c.at(-2)).toBe('3 个问题');
    expect(unix([sample()[2]!], { cwd })).toBe('');
  });
});

describe('checkstyle and junit', () => {
  it('are well-formed XML with every finding, special characters escaped', () => {
    const results = sample();
    const parse = (xml: string) => {
      const problems: string[] = [];
      const doc = new DOMParser({ errorHandler: (level: string, msg: string) => problems.push(`${level}: ${msg}`) }).parseFromString(xml, 'text/xml');
      expect(problems).toEqual([]);
      return doc;
    };
    const cs = parse(checkstyle(results));
    const files = Array.from(cs.getElementsByTagName('file'));
    expect(files.map((f) => [f.getAttribute('name'), Array.from(f.getElementsByTagName('error')).map((e) => [e.getAttribute('line'), e.getAttribute('severity'), e.getAttribute('source')])])).toEqual([
      ['/reports/a.txt', [['6', 'error', 'ogi-lint.rules.required-sections'], ['8', 'error', 'ogi-lint.rules.required-sections']]],
      ['/reports/b&<c>.txt', [['10', 'warning', 'ogi-lint.rules.required-sections']]],
      ['/reports/ok.txt', []],
    ]);
    const ju = parse(junit(results));
    const suites = Array.from(ju.getElementsByTagName('testsuite'));
    expect(suites.map((s) => [s.getAttribute('tests'), s.getElementsByTagName('failure').length])).toEqual([
      ['2', 2],
      ['1', 1],
      ['1', 0],
    ]);
  });
});

describe('a formatter of ones own (-f ./formatter.js)', () => {
  it('is loaded from the working folder and given the results and the context; a missing or broken one exits 2', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'r.txt'), MISSING_FIVE);
    writeFileSync(path.join(dir, 'count.mjs'), 'export default async (results, context) => `${results.length} ${results[0].errorCount} ${context.locale}`;\n');
    writeFileSync(path.join(dir, 'broken.mjs'), 'export const nothing = 1;\n');
    const o = memoryIO(dir);
    expect(await main(['r.txt', '-f', './count.mjs', '--rule', 'contact-info:off'], o)).toBe(1);
    expect(o.out).toMatch(/^1 \d+ zh\n$/);
    const missing = memoryIO(dir);
    expect(await main(['r.txt', '-f', './nope.js'], missing)).toBe(2);
    expect(missing.err).toContain('找不到输出格式文件 ./nope.js');
    const broken = memoryIO(dir);
    expect(await main(['r.txt', '-f', './broken.mjs'], broken)).toBe(2);
    expect(broken.err).toContain('默认导出不是函数');
    // one that throws is its own fault, said as such: not an internal error of the linter
    writeFileSync(path.join(dir, 'throws.mjs'), 'export default () => { throw new Error("列名不对"); };\n');
    const throws = memoryIO(dir);
    expect(await main(['r.txt', '-f', './throws.mjs'], throws)).toBe(2);
    expect(throws.err).toBe('ogi-lint：输出格式 ./throws.mjs 出错：列名不对\n');
    expect(throws.out).toBe('');
  });
});

describe('SARIF', () => {
  it('lists unreadable files as tool notifications too, and stays valid', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'empty.txt'), '');
    const results = [lintDocument(await readPath(path.join(dir, 'empty.txt'))), ...sample()];
    const log = JSON.parse(sarif(results, { cwd: dir }));
    const v = sarifValidator()(log);
    expect(v.errors).toBeNull();
    const notes = log.runs[0].invocations[0].toolExecutionNotifications;
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ level: 'error', descriptor: { id: 'file-unreadable' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'empty.txt' } } }] });
    expect(log.runs[0].invocations[0].executionSuccessful).toBe(true);
  });
});

describe('--stats', () => {
  it('times the reading and each rule: a stats field in JSON, a table after stylish', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'r.txt'), MISSING_FIVE);
    const o = memoryIO(dir);
    await main(['r.txt', '--stats', '-f', 'json'], o);
    const [r] = JSON.parse(o.out) as { stats: { times: { passes: { parse: { total: number }; rules: Record<string, { total: number }>; total: number }[] } } }[];
    const pass = r!.stats.times.passes[0]!;
    expect(Object.keys(pass.rules)).toContain('required-sections');
    expect(pass.total).toBeGreaterThanOrEqual(pass.parse.total);
    const plain = memoryIO(dir);
    await main(['r.txt', '-f', 'json'], plain);
    expect(Object.keys((JSON.parse(plain.out) as object[])[0]!)).not.toContain('stats');
    const s = memoryIO(dir);
    await main(['r.txt', '--stats'], s);
    expect(s.out).toMatch(/\n规则 +耗时（毫秒） +占比\n（读取与建模） +\d+\.\d +\d+\.\d%\n/);
  });
});
