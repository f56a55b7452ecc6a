import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import stringWidth from 'string-width';
import { COMPLETE, MISSING_FIVE, ensureBuilt, onlyRules, run, runMain, sarifValidator, tempDir, writeTree } from './helpers/cli.js';
import { repoRoot } from './helpers/corpus.js';
import { allRules } from '../rules/index.js';

const RS = { 'required-sections': 'error' };
const MISSING_MSG = '缺少必备部分“五、存在的主要问题及改进情况”';

/** A folder with a root config that runs required-sections only, and the given files. */
function project(files: Record<string, string | object>, rules: Record<string, unknown> = RS): string {
  const dir = tempDir();
  writeTree(dir, { '.ogilintrc.json': { root: true, rules: onlyRules(rules) }, ...files });
  return dir;
}

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; severity: number; message: string; line: number; column: number; endLine: number; endColumn: number; fatal?: boolean }[];
  errorCount: number;
  warningCount: number;
}

function parseJson(stdout: string): JsonResult[] {
  return JSON.parse(stdout) as JsonResult[];
}

beforeAll(() => {
  ensureBuilt();
});

describe('exit codes and the stylish format', () => {
  it('exits 0 and says how many reports were clean', async () => {
    const dir = project({ 'ok.txt': COMPLETE, 'ok2.md': COMPLETE });
    const r = run(['ok.txt'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('✔ 1 份报告未发现问题\n');
    expect(r.code).toBe(0);
    expect((await runMain(['.', '--locale', 'en'], { cwd: dir })).stdout).toBe('✔ 2 reports checked, no problems found\n');
  });

  it('exits 1 and prints position, severity, message, rule and summary for a missing part', () => {
    const dir = project({ 'bad.txt': MISSING_FIVE });
    const r = run(['bad.txt'], { cwd: dir });
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines).toContain('bad.txt');
    const row = lines.find((l) => l.includes('required-sections'))!;
    expect(row).toMatch(/^ {2}10:1 {2}错误 {2}缺少必备部分“五、存在的主要问题及改进情况” {2}required-sections（必备部分）$/);
    expect(r.stdout).toContain('应为：五、存在的主要问题及改进情况');
    expect(r.stdout).toContain('✖ 1 个问题（1 个错误，0 个警告）');
    expect(r.stdout).not.toMatch(/\x1b\[/);
  });

  it('colours only when asked (--color) and never with --no-color', async () => {
    const dir = project({ 'bad.txt': MISSING_FIVE });
    expect(run(['bad.txt', '--color'], { cwd: dir }).stdout).toMatch(/\x1b\[31m/);
    expect((await runMain(['bad.txt', '--no-color'], { cwd: dir })).stdout).not.toMatch(/\x1b\[/);
  });

  it('prints English with --locale en', async () => {
    const dir = project({ 'bad.txt': MISSING_FIVE });
    const r = await runMain(['bad.txt', '--locale', 'en'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('10:1  error  required section missing: “五、存在的主要问题及改进情况” (5. Main problems and improvements)  required-sections');
    expect(r.stdout).toContain('1 problem (1 error, 0 warnings)');
  });

  it('aligns the columns of several files in terminal cells', async () => {
    const dir = project({ 'bad.txt': MISSING_FIVE, 'bad2.txt': MISSING_FIVE.replace('三、收到和处理政府信息公开申请情况\n见下表。\n', '') });
    const r = await runMain(['.', '--locale', 'zh'], { cwd: dir });
    expect(r.code).toBe(1);
    const rows = r.stdout.split('\n').filter((l) => l.endsWith('required-sections（必备部分）'));
    expect(rows.length).toBe(3);
    const bad2Rows = rows.slice(1);
    // within a file, the rule ids start at the same terminal column
    const cols = bad2Rows.map((l) => stringWidth(l.slice(0, l.lastIndexOf('required-sections'))));
    expect(new Set(cols).size).toBe(1);
    expect(r.stdout).toContain('✖ 3 个问题（3 个错误，0 个警告）');
  });

  it('exits 2 on an unknown flag, in plain words without a stack trace', async () => {
    const dir = project({ 'bad.txt': MISSING_FIVE });
    const r = await runMain(['--bogus-flag', 'bad.txt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bogus-flag/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    // nothing is checked after a parse error
    expect(r.stdout).toBe('');
    const locale = await runMain(['bad.txt', '--locale', 'fr'], { cwd: dir });
    expect(locale.code).toBe(2);
    expect(locale.stderr).toBe('ogi-lint：--locale 只能是 zh 或 en，而不是“fr”\n');
    expect(locale.stdout).toBe('');
  });

  it('exits 2 on an unknown format', async () => {
    const dir = project({ 'ok.txt': COMPLETE });
    const r = await runMain(['ok.txt', '--format', 'xml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('xml');
  });
});

describe('--format json', () => {
  it('has ESLint’s shape, without the source, plus the report summary', () => {
    const dir = project({ 'bad.txt': MISSING_FIVE, 'ok.txt': COMPLETE });
    const r = run(['bad.txt', 'ok.txt', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const res = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(res).toHaveLength(2);
    for (const x of res) {
      expect(Object.keys(x).sort()).toEqual(['errorCount', 'fatalErrorCount', 'filePath', 'fixableErrorCount', 'fixableWarningCount', 'messages', 'report', 'suppressedMessages', 'warningCount']);
      expect([x.fatalErrorCount, x.suppressedMessages]).toEqual([0, []]);
      expect(path.isAbsolute(x.filePath as string)).toBe(true);
    }
    const bad = res[0] as unknown as JsonResult & { report: Record<string, unknown> };
    expect(bad.filePath).toBe(path.join(dir, 'bad.txt'));
    expect(bad.messages).toEqual([
      expect.objectContaining({ ruleId: 'required-sections', severity: 2, message: MISSING_MSG, line: 10, column: 1, endLine: 10, endColumn: 12 }),
    ]);
    expect(bad.report).toEqual({ year: 2021, profile: 'format-2021', title: '某某局2021年政府信息公开工作年度报告', agency: expect.any(String) });
    expect((res[1] as unknown as JsonResult).messages).toEqual([]);
  });

  it('writes to --output-file', async () => {
    const dir = project({ 'bad.txt': MISSING_FIVE });
    const r = await runMain(['bad.txt', '-f', 'json', '-o', 'out/result.json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(parseJson(readFileSync(path.join(dir, 'out/result.json'), 'utf8'))[0]!.errorCount).toBe(1);
  });
});

describe('--format sarif', () => {
  it('validates against the SARIF 2.1.0 schema, with relative URIs and regions', () => {
    const dir = project({ 'sub/bad.txt': MISSING_FIVE });
    const r = run(['sub/bad.txt', '-f', 'sarif'], { cwd: dir });
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    const v = sarifValidator()(log);
    expect(v.errors).toBeNull();
    expect(v.valid).toBe(true);
    const run0 = log.runs[0];
    expect(run0.tool.driver.name).toBe('ogi-lint');
    expect(run0.tool.driver.rules.map((x: { id: string }) => x.id)).toEqual(allRules.map((x) => x.id));
    expect(run0.results).toEqual([
      expect.objectContaining({
        ruleId: 'required-sections',
        level: 'error',
        message: { text: MISSING_MSG },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'sub/bad.txt', uriBaseId: '%SRCROOT%' }, region: { startLine: 10, startColumn: 1, endLine: 10, endColumn: 12 } } }],
      }),
    ]);
  });
});

describe('rule settings on the command line', () => {
  it('--rule id:warn turns the error into a warning (exit 0)', async () => {
    const dir = project({ 'bad.txt': MISSING_FIVE });
    const r = await runMain(['--rule', 'required-sections:warn', 'bad.txt', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(parseJson(r.stdout)[0]!.messages.map((m) => m.severity)).toEqual([1]);
  });

  it('the configured severity applies to every finding of a rule, its milder findings included', async () => {
    const text = COMPLETE.replace('本局认真贯彻《条例》。', '本局认真贯彻《条例》。联系电话：0701-562，电子邮箱：wczb@，邮编：24206。');
    const contact = async (args: string[], rules: Record<string, unknown>): Promise<number[]> => {
      const dir = project({ 'r.txt': text }, rules);
      const r = await runMain(['r.txt', '-f', 'json', ...args], { cwd: dir });
      return parseJson(r.stdout)[0]!.messages.filter((m) => m.ruleId === 'contact-info').map((m) => m.severity);
    };
    // left at its default, the error-level rule gives its malformed values as warnings
    const dflt = tempDir();
    writeTree(dflt, { 'r.txt': text, '.ogilintrc.json': { root: true, rules: Object.fromEntries(allRules.filter((x) => x.id !== 'contact-info').map((x) => [x.id, 'off'])) } });
    const mild = parseJson((await runMain(['r.txt', '-f', 'json'], { cwd: dflt })).stdout)[0]!.messages.filter((m) => m.ruleId === 'contact-info');
    expect(mild.length).toBeGreaterThanOrEqual(3);
    expect(new Set(mild.map((m) => m.severity))).toEqual(new Set([1]));
    const n = mild.length;
    expect(await contact(['--rule', 'contact-info:error'], { 'contact-info': 'off' })).toEqual(Array(n).fill(2));
    expect(await contact([], { 'contact-info': 'error' })).toEqual(Array(n).fill(2));
    expect(await contact([], { 'contact-info': ['warn', {}] })).toEqual(Array(n).fill(1));
  });

  it('--rule id:off silences the rule', async () => {
    const dir = project({ 'bad.txt': MISSING_FIVE });
    const r = await runMain(['bad.txt', '--rule', 'required-sections:off'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('✔ 1 份报告未发现问题\n');
  });

  it('--rule id:level:{options} passes options to the rule', async () => {
    const dir = project({ 'bad.txt': MISSING_FIVE });
    expect((await runMain(['bad.txt', '--rule', 'required-sections:error:{"ignore":["problems"]}'], { cwd: dir })).code).toBe(0);
    expect((await runMain(['bad.txt', '--rule', 'required-sections:error:{"ignore":["other"]}'], { cwd: dir })).code).toBe(1);
  });

  it('rejects an unknown rule id, bad options and a malformed flag with exit 2', async () => {
    const dir = project({ 'bad.txt': MISSING_FIVE });
    const a = await runMain(['bad.txt', '--rule', 'no-such-rule:warn'], { cwd: dir });
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('没有名为“no-such-rule”的规则');
    const typo = await runMain(['bad.txt', '--rule', 'required-section:warn', '--locale', 'en'], { cwd: dir });
    expect(typo.stderr).toBe('ogi-lint: --rule: unknown rule "required-section"; did you mean "required-sections"?\n');
    const b = await runMain(['bad.txt', '--rule', 'required-sections:warn:{"ignore":3}'], { cwd: dir });
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('rules.required-sections[1].ignore');
    const c = await runMain(['bad.txt', '--rule', 'required-sections'], { cwd: dir });
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('--rule');
  });

  it('--max-warnings: warnings within the limit exit 0, over it exit 1', async () => {
    const dir = project({ 'bad.txt': MISSING_FIVE }, { 'required-sections': 'warn' });
    expect((await runMain(['bad.txt', '--max-warnings', '1'], { cwd: dir })).code).toBe(0);
    const over = await runMain(['bad.txt', '--max-warnings', '0'], { cwd: dir });
    expect(over.code).toBe(1);
    expect(over.stderr).toContain('警告过多（上限 0）');
  });

  it('--quiet shows errors only', async () => {
    const dir = project({ 'bad.txt': MISSING_FIVE }, { 'required-sections': 'warn' });
    const quiet = await runMain(['bad.txt', '--quiet', '-f', 'json'], { cwd: dir });
    expect(quiet.code).toBe(0);
    expect(parseJson(quiet.stdout)[0]!.messages).toEqual([]);
    const loud = await runMain(['bad.txt', '-f', 'json'], { cwd: dir });
    expect(parseJson(loud.stdout)[0]!.messages).toHaveLength(1);
  });

  it('--profile forces a profile', async () => {
    const dir = project({ 'ok.txt': COMPLETE });
    // the 2021 report read against the legacy profile lacks the legacy parts
    const r = await runMain(['ok.txt', '--profile', 'legacy', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(parseJson(r.stdout)[0]!.messages.every((m) => m.ruleId === 'required-sections')).toBe(true);
    const bad = await runMain(['ok.txt', '--profile', 'format-1999'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('ogi-lint：配置有误：\n配置档“format-1999”不存在（现有：format-2019, format-2021, legacy）\n');
    const en = await runMain(['ok.txt', '--profile', 'format-1999', '--locale', 'en'], { cwd: dir });
    expect(en.stderr).toBe('ogi-lint: invalid configuration:\nunknown profile "format-1999" (known: format-2019, format-2021, legacy)\n');
    // a profile of the configuration's that extends itself, in the configuration's words
    const loop = project({ 'ok.txt': COMPLETE, '.ogilintrc.json': { profiles: ['./p.json'] }, 'p.json': { ...JSON.parse(readFileSync(path.join(repoRoot, 'src/profiles/format-2021.json'), 'utf8')), id: 'p-2021', extends: 'p-2021' } });
    const looped = await runMain(['ok.txt', '--profile', 'p-2021'], { cwd: loop });
    expect(looped.code).toBe(2);
    expect(looped.stderr).toContain('配置档“p-2021”继承了自己（p-2021 → p-2021）');
  });
});

describe('standard input', () => {
  it('reads - with --stdin-filename, which names the result and picks the configuration', () => {
    const dir = project({ 'sub/.ogilintrc.json': { rules: { 'required-sections': 'warn' } } });
    const r = run(['-', '--stdin-filename', 'sub/report.txt', '-f', 'json'], { cwd: dir, input: MISSING_FIVE });
    expect(r.code).toBe(0);
    const [res] = parseJson(r.stdout);
    expect(res!.filePath).toBe(path.join(dir, 'sub', 'report.txt'));
    expect(res!.messages).toEqual([expect.objectContaining({ ruleId: 'required-sections', severity: 1, line: 10 })]);
  });

  it('reads Markdown when the stdin file name ends in .md', async () => {
    const dir = project({});
    const md = MISSING_FIVE.split('\n').map((l) => (/^[一二三四五六]、/.test(l) ? `## ${l}` : l)).join('\n\n');
    const r = await runMain(['-', '--stdin-filename', 'r.md', '-f', 'json'], { cwd: dir, input: md });
    expect(r.code).toBe(1);
    expect(parseJson(r.stdout)[0]!.messages.map((m) => m.message)).toEqual([MISSING_MSG]);
  });
});

describe('a Word document on standard input', () => {
  it('is read like the same file given by path', async () => {
    const docx = path.join(repoRoot, 'fixtures', 'inputs', 'seed-004.docx');
    const byPath = await runMain([docx, '-f', 'json']);
    const byStdin = run(['-', '--stdin-filename', 'seed-004.docx', '-f', 'json'], { cwd: tempDir(), input: readFileSync(docx) });
    expect(byStdin.code).toBe(byPath.code);
    const messages = (out: string) => parseJson(out)[0]!.messages.map((m) => [m.ruleId, m.line, m.column, m.message]);
    expect(messages(byStdin.stdout)).toEqual(messages(byPath.stdout));
    expect(messages(byStdin.stdout).length).toBeGreaterThan(0);
  });
});

describe('--print-config', () => {
  it('prints the configuration files, merged settings and chosen profile for a file', async () => {
    const dir = project({ 'sub/.ogilintrc.json': { locale: 'en', rules: { 'required-sections': 'warn' } }, 'sub/r.txt': COMPLETE });
    const r = await runMain(['--print-config', 'sub/r.txt'], { cwd: dir });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.configFiles).toEqual([path.join(dir, '.ogilintrc.json'), path.join(dir, 'sub', '.ogilintrc.json')]);
    expect(out.config.locale).toBe('en');
    expect(out.config.rules['required-sections']).toBe('warn');
    expect(out.year).toBe(2021);
    expect(out.profile.id).toBe('format-2021');
  });

  it('follows --profile and --rule', async () => {
    const dir = project({ 'r.txt': COMPLETE });
    const out = JSON.parse((await runMain(['--print-config', 'r.txt', '--profile', 'legacy', '--rule', 'required-sections:off'], { cwd: dir })).stdout);
    expect(out.profile.id).toBe('legacy');
    expect(out.config.rules['required-sections']).toBe('off');
  });
});

describe('init', () => {
  it('writes a starter configuration that the linter accepts, and refuses to overwrite it', async () => {
    const dir = tempDir();
    const first = await runMain(['init'], { cwd: dir });
    expect(first.code).toBe(0);
    const file = path.join(dir, '.ogilintrc.json');
    const written = readFileSync(file, 'utf8');
    const cfg = JSON.parse(written);
    expect(cfg.root).toBe(true);
    expect(cfg.rules).toEqual({});
    writeTree(dir, { 'bad.txt': MISSING_FIVE });
    const lint = await runMain(['bad.txt', '-f', 'json'], { cwd: dir });
    expect(lint.stderr).toBe('');
    expect(parseJson(lint.stdout)[0]!.messages.some((m) => m.ruleId === 'required-sections')).toBe(true);
    const second = await runMain(['init'], { cwd: dir });
    expect(second.code).toBe(2);
    expect(second.stderr).toContain('.ogilintrc.json');
    expect(readFileSync(file, 'utf8')).toBe(written);
  });
});

describe('configuration discovery', () => {
  it('the nearest configuration wins, and "root" stops the search', async () => {
    const dir = project(
      {
        'top.txt': MISSING_FIVE,
        'a/.ogilintrc.json': { rules: { 'required-sections': 'warn' } },
        'a/r.txt': MISSING_FIVE,
        'a/b/.ogilintrc.json': { rules: { 'required-sections': 'off' } },
        'a/b/r.txt': MISSING_FIVE,
        'c/.ogilintrc.json': { root: true, rules: {} },
        'c/r.txt': MISSING_FIVE,
      },
      { 'required-sections': 'error' },
    );
    const res = parseJson((await runMain(['.', '-f', 'json'], { cwd: dir })).stdout);
    const sev = (rel: string): number[] => res.find((x) => x.filePath === path.join(dir, rel))!.messages.map((m) => m.severity);
    expect(sev('top.txt')).toEqual([2]);
    expect(sev('a/r.txt')).toEqual([1]);
    expect(sev('a/b/r.txt')).toEqual([]);
    // c is a root: the top file's "every other rule off" does not reach it, required-sections keeps its default
    expect(res.find((x) => x.filePath === path.join(dir, 'c/r.txt'))!.messages.some((m) => m.ruleId === 'required-sections' && m.severity === 2)).toBe(true);
  });

  it('reads the "ogi-lint" key of package.json', async () => {
    const dir = project({ 'pkg/package.json': { name: 'x', 'ogi-lint': { rules: { 'required-sections': 'warn' } } }, 'pkg/r.txt': MISSING_FIVE });
    const r = await runMain(['pkg/r.txt', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(parseJson(r.stdout)[0]!.messages.map((m) => m.severity)).toEqual([1]);
  });

  it('--config replaces discovery', async () => {
    const dir = project({ 'r.txt': MISSING_FIVE, 'elsewhere/strict.json': { rules: onlyRules({ 'required-sections': 'warn' }) } });
    const r = await runMain(['r.txt', '--config', 'elsewhere/strict.json', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(parseJson(r.stdout)[0]!.messages.map((m) => m.severity)).toEqual([1]);
    const missing = await runMain(['r.txt', '--config', 'nope.json'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.json');
  });

  it('an invalid configuration exits 2 naming the file and the key', async () => {
    const dir = project({ 'sub/.ogilintrc.json': { locale: 'fr' }, 'sub/r.txt': COMPLETE });
    const r = run(['sub/r.txt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(path.join(dir, 'sub', '.ogilintrc.json'));
    expect(r.stderr).toContain('“locale”只能是 "zh"、"en" 之一');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect((await runMain(['sub/r.txt', '--locale', 'en'], { cwd: dir })).stderr).toContain('"locale" must be one of "zh", "en"');
  });

  it('an unknown key is refused with "did you mean", in Chinese by default and in English with --locale en', async () => {
    const dir = project({ 'sub/.ogilintrc.json': { rule: { 'required-sections': 'warn' } }, 'sub/r.txt': COMPLETE });
    const zh = await runMain(['sub/r.txt'], { cwd: dir });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toBe(`ogi-lint：配置有误：\n${path.join(dir, 'sub', '.ogilintrc.json')}：未知的设置项“rule”，是否想写“rules”？\n`);
    const en = await runMain(['sub/r.txt', '--locale', 'en'], { cwd: dir });
    expect(en.stderr).toBe(`ogi-lint: invalid configuration:\n${path.join(dir, 'sub', '.ogilintrc.json')}: unknown key "rule"; did you mean "rules"?\n`);
  });

  it('help and usage errors are in Chinese by default, English with --locale en, with "did you mean" for flags', async () => {
    const help = run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('选项：');
    expect(help.stdout).toContain('只报告错误');
    expect((await runMain(['--help', '--locale', 'en'])).stdout).toContain('report errors only');
    const typo = await runMain(['x.txt', '--quite']);
    expect([typo.code, typo.stderr]).toEqual([2, 'ogi-lint：无法识别的选项：quite（是否想写 --quiet？）\n']);
    expect((await runMain(['x.txt', '--quite', '--locale', 'en'])).stderr).toBe('ogi-lint: Unknown argument: quite (did you mean --quiet?)\n');
  });

  it("each command's help lists the output formats it has, and a command that prints none refuses -f", async () => {
    const help = async (...args: string[]): Promise<string> => (await runMain([...args, '--help', '--locale', 'en'])).stdout;
    const formatLine = (text: string): string => text.split('\n').find((l) => /^\s+-f, --format/.test(l)) ?? '';
    expect(formatLine(await help())).toContain('stylish | json | sarif');
    expect(formatLine(await help('rules'))).toContain('text | markdown | json | config-schema');
    expect(formatLine(await help('extract'))).toContain('json | csv | xlsx');
    expect(formatLine(await help('aggregate'))).toContain('json | markdown | xlsx');
    for (const text of [await help('rules'), await help('extract'), await help('aggregate')]) expect(formatLine(text)).not.toContain('stylish');
    const audit = await help('audit');
    expect(audit).toContain('--out-dir');
    expect(audit).not.toMatch(/--format|--output-file|--lsp/);
    // an audit writes its outputs to --out-dir: -f is refused, not ignored
    const r = await runMain(['audit', 'reports', '-f', 'json']);
    expect([r.code, r.stderr]).toEqual([2, 'ogi-lint：无法识别的选项：f\n']);
  });

  it('a configuration that is not JSON exits 2 naming the file', async () => {
    const dir = project({ 'sub/.ogilintrc.json': '{ rules: ', 'sub/r.txt': COMPLETE });
    const r = await runMain(['sub/r.txt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(path.join('sub', '.ogilintrc.json'));
    expect(r.stderr).toMatch(/\.ogilintrc\.json:1:\d+：不是合法的 JSON/);
  });

  it('an unknown rule id in a configuration exits 2 naming the id', async () => {
    const dir = project({ 'sub/.ogilintrc.json': { rules: { 'required-sectoins': 'warn' } }, 'sub/r.txt': COMPLETE });
    const r = await runMain(['sub/r.txt'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('没有名为“required-sectoins”的规则，是否想写“required-sections”？');
  });

  it('ignorePatterns leave files out of folder walks', async () => {
    const dir = project({ 'sub/.ogilintrc.json': { ignorePatterns: ['drafts/'] }, 'sub/drafts/r.txt': MISSING_FIVE, 'sub/r.txt': MISSING_FIVE });
    const res = parseJson((await runMain(['.', '-f', 'json'], { cwd: dir })).stdout);
    expect(res.map((x) => path.relative(dir, x.filePath))).toEqual([path.join('sub', 'r.txt')]);
  });
});

describe('paths', () => {
  it('walks a folder for reports and documents, skipping node_modules and dot-folders', async () => {
    const dir = project({
      'reports/a.txt': COMPLETE,
      'reports/deep/b.md': `# ${COMPLETE}`,
      'reports/notes.pdf': '%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n',
      'reports/node_modules/x.txt': MISSING_FIVE,
      'reports/.drafts/y.txt': MISSING_FIVE,
    });
    const r = await runMain(['reports', '-f', 'json'], { cwd: dir });
    const files = parseJson(r.stdout).map((x) => path.relative(dir, x.filePath)).sort();
    expect(files).toEqual([path.join('reports', 'a.txt'), path.join('reports', 'deep', 'b.md'), path.join('reports', 'notes.pdf')]);
    // a damaged PDF cannot be read: one finding, not a silent skip
    const pdf = parseJson(r.stdout).find((x) => x.filePath.endsWith('notes.pdf'))!;
    expect(pdf.messages.map((m) => [m.ruleId, m.fatal])).toEqual([['file-unreadable', true]]);
  });

  it('expands glob patterns', async () => {
    const dir = project({ 'r/2020.txt': COMPLETE, 'r/2021.txt': MISSING_FIVE, 'r/x/2022.txt': COMPLETE, 'r/a.md': COMPLETE });
    const r = await runMain(['r/**/20*.txt', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(parseJson(r.stdout).map((x) => path.relative(dir, x.filePath)).sort()).toEqual(['r/2020.txt', 'r/2021.txt', 'r/x/2022.txt'].map((p) => p.split('/').join(path.sep)));
  });

  it('exits 2 when no pattern matches anything, naming the pattern', async () => {
    const dir = project({ 'r.txt': COMPLETE });
    for (const p of ['missing.txt', 'nothing/**/*.txt']) {
      const r = await runMain([p], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(p);
      expect(r.stdout).toBe('');
    }
    const empty = await runMain([], { cwd: dir });
    expect(empty.code).toBe(2);
  });

  it('a missing path among others is one error finding; the run goes on and exits 1', async () => {
    const dir = project({ 'ok.txt': COMPLETE });
    const r = await runMain(['ok.txt', 'gone.txt', 'none/*.md', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const res = parseJson(r.stdout);
    expect(res.map((x) => [path.basename(x.filePath), x.errorCount])).toEqual([['ok.txt', 0], ['gone.txt', 1], ['*.md', 1]]);
    expect(res[1]!.messages[0]).toMatchObject({ ruleId: 'file-unreadable', fatal: true, message: '无法读取文件：文件不存在' });
    expect(res[2]!.messages[0]).toMatchObject({ ruleId: 'file-unreadable', fatal: true, message: '没有与“none/*.md”匹配的文件' });
  });

  it('--no-error-on-unmatched-pattern leaves out what matches nothing, and exits 0 when nothing is left', async () => {
    const dir = project({ 'ok.txt': COMPLETE });
    const r = await runMain(['ok.txt', 'gone.txt', '--no-error-on-unmatched-pattern', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(parseJson(r.stdout).map((x) => path.basename(x.filePath))).toEqual(['ok.txt']);
    const none = await runMain(['gone.txt', '--no-error-on-unmatched-pattern'], { cwd: dir });
    expect([none.code, none.stderr]).toEqual([0, '']);
  });

  it('a file that cannot be read is an error finding (exit 1, not 2), and the other files are still checked', async () => {
    const dir = project({ 'bad.txt': MISSING_FIVE, 'broken.docx': 'this is not a Word file' });
    const r = await runMain(['bad.txt', 'broken.docx', '-f', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const res = parseJson(r.stdout);
    expect(res).toHaveLength(2);
    expect(res[0]!.messages.map((m) => m.message)).toEqual([MISSING_MSG]);
    const fatal = res[1]!.messages.filter((m) => m.fatal);
    expect(fatal.length).toBeGreaterThan(0);
    expect(['file-unreadable', 'parse-error']).toContain(fatal[0]!.ruleId);
  });

  it('checks the sample reports in fixtures/, and a plain run writes none of them', async () => {
    const samples = path.join(repoRoot, 'fixtures', 'samples');
    const names = readdirSync(samples).filter((f) => /\.(txt|md)$/.test(f));
    const before = readdirSync(samples).map((f) => readFileSync(path.join(samples, f)));
    const r = await runMain(['fixtures/samples', '-f', 'json']);
    expect(readdirSync(samples).map((f) => readFileSync(path.join(samples, f)))).toEqual(before);
    expect([0, 1]).toContain(r.code);
    const res = parseJson(r.stdout);
    expect(res.map((x) => path.basename(x.filePath)).sort()).toEqual(names.sort());
    for (const x of res) expect(x.messages.filter((m) => m.fatal)).toEqual([]);
  });
});

describe('rules', () => {
  it('lists every rule in the chosen language', async () => {
    const zh = await runMain(['rules']);
    expect(zh.code).toBe(0);
    const en = await runMain(['rules', '--locale', 'en']);
    for (const rule of allRules) {
      expect(zh.stdout).toContain(rule.id);
      expect(zh.stdout).toContain(rule.description.zh);
      expect(en.stdout).toContain(rule.description.en);
    }
  });

  it('--format markdown prints the README table, one row per rule', async () => {
    const r = await runMain(['rules', '--format', 'markdown']);
    const rows = r.stdout.trim().split('\n');
    expect(rows).toHaveLength(allRules.length + 2);
    for (const rule of allRules) expect(rows.some((l) => l.startsWith(`| \`${rule.id}\` | ${rule.severity} |`))).toBe(true);
  });

  it('--format json and config-schema print JSON', async () => {
    const j = JSON.parse((await runMain(['rules', '--format', 'json'])).stdout) as { id: string }[];
    expect(j.map((x) => x.id)).toEqual(allRules.map((r) => r.id));
    const s = (await runMain(['rules', '--format', 'config-schema'])).stdout;
    expect(s).toBe(readFileSync(path.join(repoRoot, 'schemas', 'config.schema.json'), 'utf8'));
  });

  it('--docs writes one page per rule', async () => {
    const dir = tempDir();
    const r = await runMain(['rules', '--docs', path.join(dir, 'docs')]);
    expect(r.code).toBe(0);
    for (const rule of allRules) {
      const page = path.join(dir, 'docs', `${rule.id}.md`);
      expect(existsSync(page)).toBe(true);
      expect(readFileSync(page, 'utf8')).toContain(`# ${rule.id}`);
    }
  });
});

describe('API used by the binary', () => {
  it('the package entry point lints like the binary', async () => {
    const dir = project({ 'bad.txt': MISSING_FIVE });
    const { lintFiles } = await import('../src/index.js');
    const res = await lintFiles(['bad.txt'], { cwd: dir });
    expect(res[0]!.messages.map((m) => [m.ruleId, m.line, m.message])).toEqual([['required-sections', 10, MISSING_MSG]]);
    writeFileSync(path.join(dir, 'extra.txt'), COMPLETE);
    expect((await lintFiles(['.'], { cwd: dir })).map((r) => path.basename(r.filePath))).toEqual(['bad.txt', 'extra.txt']);
  });
});

describe('output into a pipe that closes early (`ogi-lint … | head`)', () => {
  it('stops quietly: no stack trace, no EPIPE message', async () => {
    const { spawn } = await import('node:child_process');
    const dir = tempDir();
    // a few hundred findings: far more output than a pipe holds (64 KiB)
    const lines = Array.from({ length: 600 }, () => '本局于XX年XX月发布文件（国办公开办函[2021]30号）。');
    writeTree(dir, { 'big.txt': `某某局2021年政府信息公开工作年度报告\n${lines.join('\n')}\n` });
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'ogi-lint.js'), 'big.txt'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    // read the first chunk, then close the pipe as `head` does
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(err).toBe('');
    expect([0, 1]).toContain(code);
  });
});
