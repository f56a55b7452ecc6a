import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { COMPLETE, MISSING_FIVE, memoryIO, onlyRules, tempDir, writeTree } from './helpers/cli.js';
import { main } from '../src/cli/main.js';
import { lintText } from '../src/lint.js';
import { defineRule, type Rule } from '../src/rules/types.js';

/** Configuration beyond one file: overrides, ignore files, inline comments in every text format. */

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; severity: number; message: string; line: number; messageId?: string }[];
  suppressedMessages: { ruleId: string | null; suppressions: { kind: string }[] }[];
}

async function lint(dir: string, args: string[]): Promise<{ code: number; results: JsonResult[]; err: string }> {
  const o = memoryIO(dir);
  const code = await main([...args, '-f', 'json'], o);
  return { code, results: o.out ? (JSON.parse(o.out) as JsonResult[]) : [], err: o.err };
}

const names = (rs: JsonResult[]): string[] => rs.map((r) => path.basename(r.filePath)).sort();

describe('overrides', () => {
  it('rules for some files only, later entries winning, excludedFiles left out', async () => {
    const dir = tempDir();
    writeTree(dir, {
      '.ogilintrc.json': {
        root: true,
        rules: onlyRules({ 'required-sections': 'error' }),
        overrides: [
          { files: ['drafts/**'], rules: { 'required-sections': 'warn' } },
          { files: '*.md', excludedFiles: 'keep.md', rules: { 'required-sections': 'off' } },
        ],
      },
      'a.txt': MISSING_FIVE,
      'drafts/b.txt': MISSING_FIVE,
      'drafts/deep/c.md': MISSING_FIVE,
      'keep.md': MISSING_FIVE,
    });
    const { results } = await lint(dir, ['.']);
    const sev = Object.fromEntries(results.map((r) => [path.relative(dir, r.filePath).split(path.sep).join('/'), r.messages.map((m) => m.severity)]));
    expect(sev).toEqual({ 'a.txt': [2], 'drafts/b.txt': [1], 'drafts/deep/c.md': [], 'keep.md': [2] });
  });

  it('an override can force a profile, and its rule settings are validated like the others', async () => {
    const dir = tempDir();
    writeTree(dir, { '.ogilintrc.json': { root: true, overrides: [{ files: 'old/*.txt', profile: 'legacy' }] }, 'old/r.txt': COMPLETE });
    const o = memoryIO(dir);
    await main(['--print-config', 'old/r.txt'], o);
    expect(JSON.parse(o.out).profile.id).toBe('legacy');
    writeTree(dir, { '.ogilintrc.json': { root: true, overrides: [{ files: '*.txt', rules: { 'required-sectons': 'off' } }] } });
    const bad = await lint(dir, ['old/r.txt']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('overrides.0');
    expect(bad.err).toContain('required-sectons');
    writeTree(dir, { '.ogilintrc.json': { root: true, overrides: [{ rules: {} }] } });
    expect((await lint(dir, ['old/r.txt'])).code).toBe(2);
  });
});

describe('.ogilintignore, --ignore-pattern and --no-ignore', () => {
  function tree(): string {
    const dir = tempDir();
    writeTree(dir, {
      '.ogilintrc.json': { root: true, rules: onlyRules({ 'required-sections': 'error' }) },
      '.ogilintignore': '# drafts are not submitted\ndrafts/\n*.bak.txt\n!drafts/final.txt\n',
      'a.txt': COMPLETE,
      'a.bak.txt': COMPLETE,
      'drafts/x.txt': MISSING_FIVE,
      'b/c.txt': COMPLETE,
    });
    return dir;
  }

  it('.ogilintignore in the working folder leaves files out of folder walks, in gitignore syntax', async () => {
    expect(names((await lint(tree(), ['.'])).results)).toEqual(['a.txt', 'c.txt']);
  });

  it('--ignore-pattern adds patterns; --no-ignore checks everything', async () => {
    const dir = tree();
    expect(names((await lint(dir, ['.', '--ignore-pattern', 'b/'])).results)).toEqual(['a.txt']);
    expect(names((await lint(dir, ['.', '--no-ignore'])).results)).toEqual(['a.bak.txt', 'a.txt', 'c.txt', 'x.txt']);
  });

  it('a file named on the command line is checked even when ignored', async () => {
    expect(names((await lint(tree(), ['drafts/x.txt'])).results)).toEqual(['x.txt']);
  });
});

describe('inline configuration comments', () => {
  // the sample's 某某局 would be a placeholder finding of its own
  const body = COMPLETE.replace('某某局', '青禾县民政局').replace('本局认真贯彻《条例》。', '本局于XX年发布文件。');

  it('work in plain text as a line of their own, with <!-- --> or //', () => {
    for (const comment of ['<!-- ogi-lint-disable-next-line placeholder -->', '// ogi-lint-disable-next-line placeholder', '  //ogi-lint-disable-next-line placeholder  ']) {
      const text = body.replace('本局于XX年', `${comment}\n本局于XX年`);
      const r = lintText(text, 'r.txt', { only: ['placeholder'] });
      expect(r.messages, comment).toEqual([]);
      expect(r.suppressedMessages?.map((m) => m.ruleId)).toEqual(['placeholder']);
    }
    // inside a sentence it is text, not a comment
    const inline = lintText(body.replace('本局于XX年', '如 // ogi-lint-disable-line placeholder 所示，本局于XX年'), 'r.txt', { only: ['placeholder'] });
    expect(inline.messages.map((m) => m.ruleId)).toContain('placeholder');
  });

  it('work as HTML comments in .html', () => {
    const html = `<html><body><h1>青禾县民政局2021年政府信息公开工作年度报告</h1><!-- ogi-lint-disable placeholder --><p>本局于XX年发布文件。</p><!-- ogi-lint-enable placeholder --></body></html>`;
    expect(lintText(html.replace(/<!--.*?-->/g, ''), 'r.html', { only: ['placeholder'] }).messages.map((m) => m.ruleId)).toEqual(['placeholder']);
    expect(lintText(html, 'r.html', { only: ['placeholder'] }).messages).toEqual([]);
  });

  it('an unknown rule id is an error, with "did you mean"; a comment that suppresses nothing is a warning', () => {
    const text = body.replace('本局于XX年', '// ogi-lint-disable-next-line placeholdr\n本局于XX年').replace('见下表。', '<!-- ogi-lint-disable-next-line contact-info -->\n见下表。');
    const r = lintText(text, 'r.txt', { ruleOverrides: onlyRules({ placeholder: 'error', 'contact-info': 'error' }) as never });
    const own = r.messages.filter((m) => m.ruleId === null).map((m) => [m.line, m.severity, m.message]);
    expect(own).toEqual([
      [3, 2, '停用注释中的规则“placeholdr”不存在，是否想写“placeholder”？'],
      [6, 1, '多余的停用注释：没有屏蔽“contact-info”的任何问题'],
    ]);
    expect(r.messages.some((m) => m.ruleId === 'placeholder')).toBe(true);
  });

  it('--report-unused-disable-directives makes unused ones errors; --no-inline-config ignores every comment', async () => {
    const dir = tempDir();
    writeTree(dir, {
      '.ogilintrc.json': { root: true, rules: onlyRules({ placeholder: 'error', 'required-sections': 'error' }) },
      'r.txt': body.replace('本局于XX年', '// ogi-lint-disable-next-line placeholder\n本局于XX年').replace('见下表。', '// ogi-lint-disable-next-line required-sections\n见下表。'),
    });
    const unused = await lint(dir, ['r.txt', '--report-unused-disable-directives']);
    expect(unused.results[0]!.messages.map((m) => [m.ruleId, m.severity])).toEqual([[null, 2]]);
    expect(unused.code).toBe(1);
    const ignored = await lint(dir, ['r.txt', '--no-inline-config']);
    expect(ignored.results[0]!.messages.map((m) => m.ruleId)).toEqual(['placeholder']);
    const off = await lint(dir, ['r.txt', '--report-unused-disable-directives-severity', 'off']);
    expect(off.results[0]!.messages).toEqual([]);
    expect(off.results[0]!.suppressedMessages.map((m) => [m.ruleId, m.suppressions[0]!.kind])).toEqual([['placeholder', 'directive']]);
    expect(off.code).toBe(0);
  });
});

describe('a rule that fails', () => {
  const failing = (err: Error) =>
    defineRule({
      id: 'always-fails',
      description: { zh: '测试', en: 'test' },
      severity: 'error',
      generations: ['legacy', 'format-2019', 'format-2021'],
      optionsSchema: {},
      defaultOptions: {},
      messages: {},
      examples: { valid: [], invalid: [] },
      check() {
        throw err;
      },
    }) as Rule<unknown>;

  it('is one error in plain words, never the library text', () => {
    const deep = lintText(COMPLETE, 'r.txt', { rules: [failing(new RangeError('Maximum call stack size exceeded'))] });
    expect(deep.messages.map((m) => m.message)).toEqual(['规则 always-fails 运行出错：文档的结构嵌套过深或段落过多']);
    const other = lintText(COMPLETE, 'r.txt', { rules: [failing(new Error('[xmldom error] invalid doc source'))], locale: 'en' });
    expect(other.messages.map((m) => m.message)).toEqual(['rule always-fails failed: an internal error (run with --debug for details)']);
  });
});
