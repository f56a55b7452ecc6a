import { describe, it, expect } from 'vitest';
import { allRules } from '../rules/index.js';
import { lintText } from '../src/lint.js';
import { applyFixes } from '../src/fix/index.js';
import { stylish } from '../src/output/stylish.js';
import { jsonResults } from '../src/output/json.js';
import { mergeCovered } from '../src/rules/engine.js';
import type { LintMessage, LintResult, SuppressedMessage } from '../src/diagnostic.js';
import type { Locale, Rule, RuleExample } from '../src/rules/types.js';
import reportYear from '../rules/report-year.js';
import statsPeriod from '../rules/stats-period.js';
import malformedDate from '../rules/malformed-date.js';
import reportTitle from '../rules/report-title.js';
import { ensureBuilt, run, runMain, tempDir, writeTree } from './helpers/cli.js';

/**
 * What a message says must be true: 应为 (`expected`) is what the report should say at that place,
 * never a guess, a name, or a blank; and one defect is reported once.
 */

const lintExample = (rule: Rule<unknown>, ex: RuleExample<unknown>, text = ex.text, locale: Locale = 'zh'): LintResult =>
  lintText(text, ex.filename ?? 'example.txt', {
    rules: [rule],
    profile: ex.profile,
    locale,
    ruleOptions: ex.options ? { [rule.id]: ex.options as Record<string, unknown> } : undefined,
  });

/** The lines a finding covers, as written. */
function linesOf(text: string, m: LintMessage): string {
  return text.split('\n').slice(m.line - 1, m.endLine).join('\n');
}

const BLANKS = ['', '（无）', '(none)', 'undefined', 'null', 'NaN', '[object Object]'];

const examples = allRules.flatMap((rule) => rule.examples.invalid.map((ex) => [`${rule.id}: ${ex.title}`, rule, ex] as const));

describe('应为 is what the report should say', () => {
  it.each(examples)('%s', (_t, rule, ex) => {
    const res = lintExample(rule, ex);
    for (const m of res.messages) {
      const what = `${m.messageId}: ${m.message}`;
      if (m.expected === undefined) continue;
      // an unknown expected value is left out, not given as a blank
      expect(m.expected, what).not.toBeNull();
      expect(BLANKS, what).not.toContain(String(m.expected).trim());
      expect(String(m.expected), what).not.toBe(String(m.actual));
      expect(m.expected, what).not.toBe(rule.id);
      // not what the text already says where the finding is (a section's own name, the line itself)
      if (typeof m.expected === 'string') expect(linesOf(ex.text, m).includes(m.expected), what).toBe(false);
      // a fix or a suggestion writes the expected value
      if (m.fix) expect(m.fix.text, what).toContain(String(m.expected));
      const fixes = (m.suggestions ?? []).flatMap((s) => (s.fix ? [s.fix] : []));
      if (fixes.length) expect(fixes.some((f) => f.text.includes(String(m.expected))), what).toBe(true);
    }
  });
});

describe('applying a fix or a suggestion makes its finding go away', () => {
  const same = (a: LintMessage, b: LintMessage) => a.messageId === b.messageId && a.actual === b.actual;
  const withEdits = examples.filter(([, rule, ex]) => lintExample(rule, ex).messages.some((m) => m.fix || m.suggestions?.some((s) => s.fix)));

  it('some examples have fixes or suggestions to apply', () => {
    expect(withEdits.length).toBeGreaterThan(3);
  });

  it.each(withEdits)('%s', (_t, rule, ex) => {
    const before = lintExample(rule, ex).messages;
    for (const m of before) {
      const edits = [...(m.fix ? [m.fix] : []), ...(m.suggestions ?? []).flatMap((s) => (s.fix ? [s.fix] : []))];
      for (const fix of edits) {
        const fixed = applyFixes(ex.text, [{ ...m, fix }]).output;
        expect(fixed, m.message).not.toBe(ex.text);
        const after = lintExample(rule, ex, fixed).messages;
        expect(after.filter((x) => same(x, m)).length, `${m.message} → ${fix.text}`).toBeLessThan(before.filter((x) => same(x, m)).length);
      }
    }
  });
});

describe('every message reads whole, in both languages', () => {
  it.each(examples)('%s', (_t, rule, ex) => {
    for (const locale of ['zh', 'en'] as const) {
      const res = lintExample(rule, ex, ex.text, locale);
      for (const m of res.messages) {
        expect(m.message, `${locale} ${m.messageId}`).not.toMatch(/\{\w+\}|undefined|NaN|\bnull\b|（无）/);
        // nothing quoted is left empty
        expect(m.message, `${locale} ${m.messageId}`).not.toMatch(/“\s*”|（\s*）|\(\s*\)/);
        // English sentences do not carry Chinese grammar around the quoted labels (“…”表, “…”的“…”, “…”行“…”列)
        if (locale === 'en') expect(m.message, m.messageId).not.toMatch(/”(?:表|的“|行“)|”列/);
        for (const s of m.suggestions ?? []) expect(s.desc).not.toMatch(/\{\w+\}|undefined|NaN/);
      }
    }
  });

  it('no stylish output of any example says 应为：（无）', () => {
    const results = examples.map(([, , ex]) => ({ ...lintText(ex.text, ex.filename ?? 'example.txt', { profile: ex.profile }), filePath: 'example.txt' }));
    for (const locale of ['zh', 'en'] as const) {
      const out = stylish(results, { locale, color: false, cwd: '/' });
      expect(out).toContain(locale === 'zh' ? '应为：' : 'expected: ');
      expect(out).not.toContain(locale === 'zh' ? '应为：（无）' : 'expected: (none)');
    }
  });
});

// ---------------------------------------------------------------------------------------------
// one defect, reported once

const keyOf = (m: LintMessage) => `${m.ruleId}/${m.messageId}`;

/** Garbled statements of a period, as they come out of copied web pages: [statement, the garbled dates]. */
function garbledPeriods(y: number): string[] {
  return [`${y}11日至1231日`, `${y}11日到1231日`, `${y}1月1日至${y}年12月31日`, `${y}年1月1日至1231日`, `${y}11日至${y}年12月31日`];
}

describe('a garbled date in the statistics period: malformed-date wins over stats-period', () => {
  const rules = [statsPeriod, malformedDate] as Rule<unknown>[];
  const cases = [2016, 2019, 2021, 2024].flatMap((y) =>
    garbledPeriods(y).flatMap((dates) =>
      ['本报告所列数据统计期限为', '本年度报告中所列数据统计期限从'].map((lead) => [`${y} ${lead}${dates}`, `某某镇${y}年政府信息公开工作年度报告\n${lead}${dates}止。`] as const),
    ),
  );

  it.each(cases)('%s', (_t, text) => {
    const res = lintText(text, 'r.txt', { rules });
    const kinds = res.messages.map(keyOf);
    expect(kinds.some((k) => k.startsWith('malformed-date/')), kinds.join()).toBe(true);
    expect(kinds).not.toContain('stats-period/malformed');
    // what was merged is kept, with the finding that took its place
    const merged = (res.suppressedMessages ?? []).filter((m) => keyOf(m) === 'stats-period/malformed');
    expect(merged).toHaveLength(1);
    expect(merged[0]!.suppressions).toEqual([{ kind: 'superseded', justification: expect.stringMatching(/^malformed-date\/\w+: 日期“/) }]);
    // with the more specific rule off, the other one reports the defect
    const alone = lintText(text, 'r.txt', { rules, ruleOverrides: { 'malformed-date': 'off' } });
    expect(alone.messages.map(keyOf)).toContain('stats-period/malformed');
    expect(alone.suppressedMessages ?? []).toEqual([]);
  });
});

/**
 * Reports whose title and statistics period give different years, with or without the text and the
 * publication date siding with one of them. Which one report-year says is wrong follows the
 * majority, computed here from how each variant is built.
 */
describe('title and period disagree: report-year points at the odd one out, and it is said once', () => {
  const rules = [reportYear, statsPeriod] as Rule<unknown>[];
  type Side = 'title' | 'period' | 'none';
  const cases: [string, number, number, Side, Side][] = [];
  for (const t of [2019, 2022, 2024]) {
    for (const p of [t - 1, t + 1]) {
      for (const text of ['title', 'period', 'none'] as Side[]) {
        for (const published of ['title', 'period', 'none'] as Side[]) cases.push([`title ${t}, period ${p}, text with ${text}, published with ${published}`, t, p, text, published]);
      }
    }
  }

  it.each(cases)('%s', (_name, t, p, text, published) => {
    const yearOf = (s: Side) => (s === 'title' ? t : p);
    const lines = [`某某镇${t}年政府信息公开工作年度报告`, `本报告数据统计期限自${p}年1月1日至${p}年12月31日止。`, '一、总体情况'];
    lines.push(text === 'none' ? '本年度，我镇认真贯彻《条例》。' : `${yearOf(text)}年，我镇认真贯彻《条例》。`);
    lines.push('二、主动公开政府信息情况', '见下表。');
    if (published !== 'none') lines.push('某某镇人民政府', `${yearOf(published) + 1}年1月20日`);
    const res = lintText(lines.join('\n'), 'r.txt', { rules });
    const votes = (s: Side) => 1 + (text === s ? 1 : 0) + (published === s ? 1 : 0);
    const year = res.messages.filter((m) => m.ruleId === 'report-year');
    expect(year, res.messages.map((m) => m.message).join('\n')).toHaveLength(1);
    const [m] = year as [LintMessage];
    // never two findings for the one defect
    expect(res.messages.filter((x) => x.ruleId === 'stats-period')).toEqual([]);
    if (votes('title') > votes('period')) {
      expect([m.messageId, m.line, m.expected, m.actual]).toEqual(['mismatch', 2, t, p]);
      expect((res.suppressedMessages ?? []).map(keyOf)).toEqual(['stats-period/mismatch']);
    } else if (votes('period') > votes('title')) {
      // the period is right: the title is what to change, and stats-period has nothing to say
      expect([m.messageId, m.line, m.expected, m.actual]).toEqual(['mismatch', 1, p, t]);
      expect(res.suppressedMessages ?? []).toEqual([]);
    } else {
      // one against one: both named, nothing guessed
      expect([m.messageId, m.line, m.expected, m.actual]).toEqual(['disagree', 2, undefined, undefined]);
      expect(m.message).toContain(`${p}年`);
      expect(m.message).toContain(`${t}年`);
      expect((res.suppressedMessages ?? []).map(keyOf)).toEqual(['stats-period/mismatch']);
    }
  });
});

describe('a title without a year that is also non-standard is reported once', () => {
  const titles = ['贯彻政务资讯工作年报', '某某局政务信息公开工作报告', '政务公开年报'];
  it.each(titles)('%s', (title) => {
    const res = lintText(`${title}\n一、概述\n本年度……`, 'r.txt', { rules: [reportTitle] as Rule<unknown>[] });
    expect(res.messages.map(keyOf)).toEqual(['report-title/nonStandard']);
    expect((res.suppressedMessages ?? []).map(keyOf)).toEqual(['report-title/noYear']);
  });
});

describe('the merge step', () => {
  const msg = (ruleId: string, messageId: string, severity: 1 | 2): LintMessage => ({ ruleId, messageId, severity, message: `${ruleId} ${messageId}`, line: 1, column: 1, endLine: 1, endColumn: 5 });
  const at = (start: number, end: number, covers: string[] = []) => ({ start, end, covers });

  it('drops a covered finding at an overlapping range, and keeps it with the reason', () => {
    const a = msg('a', 'x', 2);
    const b = msg('b', 'y', 2);
    const suppressed: SuppressedMessage[] = [];
    const out = mergeCovered([b, a], new Map([[a, at(0, 10, ['b'])], [b, at(5, 12)]]), suppressed);
    expect(out).toEqual([a]);
    expect(suppressed).toEqual([{ ...b, suppressions: [{ kind: 'superseded', justification: 'a/x: a x' }] }]);
  });

  it('keeps findings that do not overlap, that are not named, or that are more severe', () => {
    const a = msg('a', 'x', 1);
    const apart = msg('b', 'y', 1);
    const other = msg('b', 'z', 1);
    const severe = msg('b', 'y', 2);
    const coverage = new Map([
      [a, at(0, 10, ['b/y'])],
      [apart, at(10, 20)],
      [other, at(0, 10)],
      [severe, at(2, 3)],
    ]);
    const suppressed: SuppressedMessage[] = [];
    expect(mergeCovered([a, apart, other, severe], coverage, suppressed)).toEqual([a, apart, other, severe]);
    expect(suppressed).toEqual([]);
  });

  it('a finding that is covered covers nothing itself', () => {
    const a = msg('a', 'x', 2);
    const b = msg('b', 'y', 2);
    const c = msg('c', 'z', 2);
    const out = mergeCovered([a, b, c], new Map([[a, at(0, 4, ['b'])], [b, at(0, 4, ['c'])], [c, at(0, 4)]]));
    expect(out).toEqual([a, c]);
  });

  it('a finding silenced by a disable comment covers nothing: the other one is reported', () => {
    const rules = [statsPeriod, malformedDate] as Rule<unknown>[];
    const period = '本报告所列数据统计期限从202111日到1231日止。';
    for (const [file, comment] of [['r.md', '<!-- ogi-lint-disable-next-line malformed-date -->'], ['r.txt', '// ogi-lint-disable-next-line malformed-date']] as const) {
      const res = lintText(`某某镇2021年政府信息公开工作年度报告\n\n${comment}\n${period}\n`, file, { rules });
      expect(res.messages.map(keyOf), file).toEqual(['stats-period/malformed']);
      expect((res.suppressedMessages ?? []).map((m) => [keyOf(m), m.suppressions[0]!.kind]), file).toEqual([
        ['malformed-date/noMarks', 'directive'],
        ['malformed-date/noMonthMark', 'directive'],
      ]);
    }
  });

  it('JSON output lists what was merged, in ESLint’s suppressedMessages shape', () => {
    const res = lintText('某某镇2021年政府信息公开工作年度报告\n本报告所列数据统计期限从202111日到1231日止。', 'r.txt', { rules: [statsPeriod, malformedDate] as Rule<unknown>[] });
    const [json] = jsonResults([res]);
    expect(json!.messages.map(keyOf)).toEqual(['malformed-date/noMarks', 'malformed-date/noMonthMark']);
    expect(json!.suppressedMessages).toMatchObject([{ ruleId: 'stats-period', messageId: 'malformed', suppressions: [{ kind: 'superseded' }] }]);
  });
});

describe('what a rule supersedes is named correctly', () => {
  const ids = new Map(allRules.map((r) => [r.id, new Set(Object.keys(r.messages))]));
  const entries = allRules.flatMap((r) => [...(r.supersedes ?? []), ...Object.values(r.messages).flatMap((m) => m.covers ?? [])].map((e) => [r.id, e] as const));

  it('some rules supersede others', () => {
    expect(entries.length).toBeGreaterThan(0);
  });

  it.each(entries)('%s → %s', (_id, entry) => {
    const [rule, messageId] = entry.split('/');
    expect(ids.has(rule!), entry).toBe(true);
    if (messageId !== undefined) expect(ids.get(rule!)!.has(messageId), entry).toBe(true);
  });
});

describe('the command line shows one finding per defect, and in JSON what was merged', () => {
  // a complete report but for a garbled period, checked with every rule
  const text = `某某镇2021年政府信息公开工作年度报告
本年度报告中所列数据统计期限从202111日到1231日止。如对本报告有疑问，请与镇党政办联系，电话：0563-3775081。
一、总体情况
2021年，我镇认真贯彻《条例》。
二、主动公开政府信息情况
见下表。
三、收到和处理政府信息公开申请情况
见下表。
四、政府信息公开行政复议、行政诉讼情况
见下表。
五、存在的主要问题及改进情况
人员不足，将加强培训。
六、其他需要报告的事项
本年度未收取信息处理费。
某某镇人民政府
2022年1月20日`;

  it('the garbled dates are malformed-date’s findings; stats-period’s is listed as superseded', async () => {
    ensureBuilt();
    const dir = tempDir();
    writeTree(dir, { 'r.txt': text });
    const json = JSON.parse(run(['r.txt', '-f', 'json', '--rule', 'table-missing:off'], { cwd: dir }).stdout) as LintResult[];
    const at = (m: LintMessage) => `${m.line}:${m.column} ${keyOf(m)}`;
    const onLine2 = json[0]!.messages.filter((m) => m.line === 2).map(at);
    expect(onLine2).toEqual(['2:16 malformed-date/noMarks', '2:24 malformed-date/noMonthMark']);
    expect(json[0]!.suppressedMessages!.map((m) => [at(m), m.suppressions[0]!.kind, m.suppressions[0]!.justification])).toEqual([
      ['2:16 stats-period/malformed', 'superseded', 'malformed-date/noMarks: 日期“202111日”缺少“年”“月”字，应为“2021年1月1日”'],
    ]);
    // the variants through the same main, in this process
    const stylish = (await runMain(['r.txt', '--no-color', '--rule', 'table-missing:off'], { cwd: dir })).stdout;
    expect(stylish).not.toContain('stats-period');
    expect(stylish).not.toContain('（无）');
    // with the more specific rule off, the other one reports the defect
    const off = JSON.parse((await runMain(['r.txt', '-f', 'json', '--rule', 'table-missing:off', '--rule', 'malformed-date:off'], { cwd: dir })).stdout) as LintResult[];
    expect(off[0]!.messages.filter((m) => m.line === 2).map(at)).toEqual(['2:16 stats-period/malformed']);
    expect(off[0]!.suppressedMessages).toEqual([]);
  });

  it('an empty part 六 is reported once, as empty; fee-disclosure reports a part 六 that has text but says nothing of fees', () => {
    const head = text.slice(0, text.indexOf('六、其他需要报告的事项'));
    const lint = (six: string): string[] => {
      const res = lintText(`${head}六、其他需要报告的事项\n${six}某某镇人民政府\n2022年1月20日`, 'r.txt');
      return res.messages.filter((m) => m.ruleId === 'empty-section' || m.ruleId === 'fee-disclosure').map(keyOf).concat((res.suppressedMessages ?? []).filter((m) => m.ruleId === 'fee-disclosure').map((m) => `(${keyOf(m)})`));
    };
    expect(lint('')).toEqual(['empty-section/empty', '(fee-disclosure/silent)']);
    expect(lint('本年度无其他需要报告的事项。\n')).toEqual(['fee-disclosure/silent']);
    expect(lint('本年度未收取信息处理费。\n')).toEqual([]);
  });

  it('linting many files at once keeps what was merged', () => {
    ensureBuilt();
    const dir = tempDir();
    const names = Array.from({ length: 6 }, (_, i) => `r${i}.txt`);
    writeTree(dir, Object.fromEntries(names.map((n) => [n, text])));
    const json = JSON.parse(run([...names, '-f', 'json', '--rule', 'table-missing:off'], { cwd: dir }).stdout) as LintResult[];
    expect(json).toHaveLength(6);
    for (const r of json) expect(r.suppressedMessages!.map(keyOf)).toEqual(['stats-period/malformed']);
  });
});
