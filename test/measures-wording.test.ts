import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lintText } from '../src/lint.js';
import type { Rule } from '../src/rules/types.js';
import staleDate from '../rules/stale-date.js';
import improvementMeasures from '../rules/improvement-measures.js';
import { corpusDir } from './helpers/corpus.js';

/**
 * Measures a report announces belong to a year after the one it covers: `2016年，我们将采取以下措施`
 * in the 2016 report is a year left from an older text (stale-date). Sentences that tell what was
 * done in the year (2016年，我区将…纳入考核) are not plans.
 */

const lint = (text: string, rules = [staleDate] as Rule<unknown>[]) => lintText(text, 'r.txt', { rules }).messages;
const stale = (text: string) => lint(text).filter((m) => m.messageId === 'measuresInPast').map((m) => [m.actual, m.expected]);

function combos<T extends Record<string, readonly unknown[]>>(choices: T): { [K in keyof T]: T[K][number] }[] {
  let out: Record<string, unknown>[] = [{}];
  for (const [k, vs] of Object.entries(choices)) out = out.flatMap((o) => vs.map((v) => ({ ...o, [k]: v })));
  return out as { [K in keyof T]: T[K][number] }[];
}

const report = (year: number, body: string) =>
  `某某区人民政府办公室${year}年政府信息公开工作年度报告\n五、存在的主要问题及改进情况\n部分栏目更新不够及时，政策解读形式单一。${body}\n六、其他需要报告的事项\n本年度未收取信息处理费。`;

describe('measures still to be taken, dated in the report year or before (stale-date)', () => {
  const variants = combos({
    comma: ['，', ',', '', ' '],
    who: ['我们', '我区', '我局', '本单位', '全县各部门', ''],
    marker: ['将', '拟', '计划', '准备', '将要'],
    verb: ['采取以下措施加以改进：', '继续强化信息公开责任。', '进一步加强政策解读。', '重点做好以下工作：', '着力提升公开质量。', '从以下几个方面加以改进：'],
  });

  it('a year not after the report year is reported, with the year after it expected', () => {
    let k = 0;
    for (const v of variants) {
      if (k++ % 5 !== 0) continue; // a sample: every choice in changing company
      for (const [year, dated] of [[2016, 2016], [2016, 2015], [2022, 2022], [2021, 2019]] as const) {
        const text = report(year, `${dated}年${v.comma}${v.who}${v.marker}${v.verb}`);
        expect(stale(text), text).toEqual([[`${dated}年`, `${year + 1}年`]]);
      }
    }
  });

  it('the year after the report year (or later) is right, and silent', () => {
    for (const v of variants) {
      for (const [year, dated] of [[2016, 2017], [2022, 2023], [2022, 2024]] as const) {
        const text = report(year, `${dated}年${v.comma}${v.who}${v.marker}${v.verb}`);
        expect(stale(text), text).toEqual([]);
      }
    }
  });

  it('what was done in the year is no plan (将 before what is done, 将近, 计划生育, a year inside a sentence)', () => {
    const DONE = [
      '2016年，我区将政府信息公开工作纳入绩效考核。',
      '2016年,省统计局将政务信息公开情况纳入机关年度绩效考核。',
      '2016年,累计访问量是将近500万人次。',
      '2016年，区卫生和计划生育局按照《条例》规定开展工作。',
      '我局按2016年计划推进各项工作。',
      '对照2016年将要完成的任务，已全部完成。',
      '2016年，我们按照要求将继续教育纳入培训。',
      '2016年以来，我们将继续加强公开。',
    ];
    for (const t of DONE) expect(stale(report(2016, t)), t).toEqual([]);
  });

  it('the report year unknown: nothing is said', () => {
    expect(stale('五、存在的主要问题及改进情况\n2016年，我们将采取以下措施加以改进。')).toEqual([]);
  });

  it('full/2016-pingtan-1.txt: the one sentence, at its year', () => {
    const text = readFileSync(path.join(corpusDir, 'full', '2016-pingtan-1.txt'), 'utf8');
    const res = lintText(text, '2016-pingtan-1.txt', { rules: [staleDate as Rule<unknown>] }).messages;
    expect(res.map((m) => [m.messageId, m.severity, m.actual, m.expected])).toEqual([['measuresInPast', 1, '2016年', '2017年']]);
    const m = res[0]!;
    const line = text.split('\n')[m.line - 1]!;
    expect(line.slice(m.column - 1, m.endColumn - 1)).toBe('2016年');
    expect(line.slice(m.column - 1, m.column + 20)).toContain('我们将采取以下措施');
  });

  it('full/2022-pingtan-1.txt (2023年，我区将采取以下措施) is silent', () => {
    const text = readFileSync(path.join(corpusDir, 'full', '2022-pingtan-1.txt'), 'utf8');
    expect(lintText(text, '2022-pingtan-1.txt', { rules: [staleDate as Rule<unknown>] }).messages).toEqual([]);
  });
});

describe('section 五 wording from the data (improvement-measures)', () => {
  const rules = [improvementMeasures] as Rule<unknown>[];
  const r2022 = (body: string) =>
    `某某局2022年政府信息公开工作年度报告\n五、存在的主要问题及改进情况\n${body}\n六、其他需要报告的事项\n本年度未收取信息处理费。`;

  it('last year’s problems said to be dealt with, in several wordings: silent', () => {
    for (const t of ['上年度存在的栏目更新不及时问题已完成整改。', '针对去年存在的问题，我局已逐项整改落实。', '2021年度报告中指出的问题已全部解决。', '上一年度发现的问题已得到改善。']) {
      const text = r2022(`${t}本年度仍存在公开内容不够全面的问题。下一步，我局将加强培训。`);
      expect(lint(text, rules), t).toEqual([]);
    }
  });

  it('not said: one warning; problems without measures: the other', () => {
    expect(lint(r2022('本年度存在公开内容不够全面的问题。下一步，我局将加强培训。'), rules).map((m) => m.messageId)).toEqual(['noLastYear']);
    expect(lint(r2022('一是公开内容不够全面。二是栏目更新不及时。'), rules).map((m) => m.messageId)).toEqual(['noMeasures']);
  });
});
