import { describe, it, expect } from 'vitest';
import { lintText, modelDocument } from '../src/lint.js';
import { readBuffer } from '../src/read/index.js';
import { MappedText } from '../src/util/mapped-text.js';
import { periodsIn } from '../src/model/period.js';
import type { Rule } from '../src/rules/types.js';
import statsPeriod from '../rules/stats-period.js';
import { chineseYear } from './helpers/layouts.js';

/**
 * The statistics period in the many wordings reports use: read as a date range near words about
 * the report's data, whatever the verb, not from a list of whole phrasings.
 */

const RULES = [statsPeriod] as Rule<unknown>[];
const periods = (s: string) => periodsIn(MappedText.identity(s, 0));
const model = (text: string) => modelDocument(readBuffer(Buffer.from(text), 'r.txt')).report;
const periodFindings = (text: string) => lintText(text, 'r.txt', { rules: RULES }).messages;

/** A small deterministic generator, so every run draws the same variants. */
function rng(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (x * 1664525 + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}
const pick = <T,>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;


const SUBJECTS = ['本报告中所列数据的', '本年度报告', '本报告', '报告中使用数据的', '本年报所列', ''];
const KEYWORDS = ['统计期限', '数据统计期', '统计时限', '统计周期', '统计期', '数据时间范围', '统计数据时间段', '统计时段', '统计起止日期', '统计截止时间', '数据统计截止日期'];
const VERBS = ['为', '是', '：', '自', '从', ' 为 ', '', '为：'];
const RANGES: ((y: number) => string)[] = [
  (y) => `${y}年1月1日至${y}年12月31日`,
  (y) => `${y}年1月1日至12月31日`,
  (y) => `${y} 年 1 月 1 日至 12 月 31 日`,
  (y) => `${y}年1月1日起至${y}年12月31日止`,
  (y) => `${y}年1月1日到${y}年12月31日`,
  (y) => `${y}年1月1日—${y}年12月31日`,
  (y) => `${y}年01月01日至${y}年12月31日`,
  (y) => `${y}.1.1至${y}.12.31`,
  (y) => `${y}年元月1日至${y}年12月31日`,
  (y) => `${chineseYear(y, '〇')}年一月一日至十二月三十一日`,
  (y) => `${chineseYear(y, '零')}年元月一日至${chineseYear(y, '零')}年十二月卅一日`,
];
const ENDS = ['。', '，', '；', ''];

describe('generated statements: subject × keyword × verb × dates', () => {
  const r = rng(20240101);
  const cases = Array.from({ length: 60 }, () => {
    const y = 2009 + Math.floor(r() * 17);
    return { y, s: `${pick(r, SUBJECTS)}${pick(r, KEYWORDS)}${pick(r, VERBS)}${pick(r, RANGES)(y)}${pick(r, ENDS)}` };
  });
  it.each(cases.map((c) => [c.s, c.y] as const))('%s', (s, y) => {
    const ps = periods(`${s}如对本报告有疑问，请联系办公室。`);
    expect(ps).toHaveLength(1);
    expect(ps[0]).toMatchObject({ kind: 'range', start: { year: y, month: 1, day: 1 }, end: { year: y, month: 12, day: 31 } });
    expect(periodFindings(`某某局${y}年政府信息公开工作年度报告\n${s}`)).toEqual([]);
  });
});

describe('a whole year given by its months (2023年1月至12月)', () => {
  for (const keyword of ['统计期限', '统计时段', '数据统计时段', '统计时间', '统计周期']) {
    for (const range of ['{y}年1月至12月', '{y}年1月—12月', '{y}年1月至{y}年12月', '{y}年1月到12月']) {
      const s = `本报告所列数据的${keyword}为${range.replaceAll('{y}', '2023')}。`;
      it(s, () => {
        expect(periods(s).map((p) => [p.kind, p.start?.month, p.end?.month])).toEqual([['range', 1, 12]]);
        expect(periodFindings(`某某局2023年政府信息公开工作年度报告\n${s}`)).toEqual([]);
      });
    }
  }
});

describe('the start and the end in clauses of their own', () => {
  it.each([
    '本报告所列数据统计截止时间为2023年12月31日，起始时间为2023年1月1日。',
    '本报告所列数据统计起始时间为2023年1月1日，截止时间为2023年12月31日。',
    '本报告数据统计截止日期：2023年12月31日；开始日期：2023年1月1日',
  ])('%s', (s) => {
    expect(periods(s).map((p) => [p.kind, p.start?.month, p.start?.day, p.end?.month, p.end?.day])).toEqual([['range', 1, 1, 12, 31]]);
    expect(periodFindings(`某某局2023年政府信息公开工作年度报告\n${s}`)).toEqual([]);
  });

  it('a start clause before the words about the data: the statement runs from it, and the next one is still read', () => {
    const ps = periods('开始日期为2023年1月1日，本报告所列数据统计截止时间为2023年12月31日。统计期限为2022年1月1日至2022年12月31日。');
    expect(ps.map((p) => [p.text.slice(0, 4), p.start?.year, p.end?.year])).toEqual([
      ['开始日期', 2023, 2023],
      ['统计期限', 2022, 2022],
    ]);
  });

  it('a start that is not 1 January is still reported, and an end alone is still an end alone', () => {
    const late = periodFindings('某某局2023年政府信息公开工作年度报告\n本报告所列数据统计截止时间为2023年12月31日，起始时间为2023年3月1日。');
    expect(late.map((m) => m.messageId)).toEqual(['partial']);
    const endOnly = periodFindings('某某局2023年政府信息公开工作年度报告\n本报告所列数据统计截止时间为2023年12月31日。本局起始工作良好。');
    expect(endOnly.map((m) => m.messageId)).toEqual(['cutoff']);
  });
});

describe('the dates with the words people put around them', () => {
  it.each([
    // the hours the year starts and ends at
    '本报告所列数据的统计期限为2023年1月1日零时至2023年12月31日24时。',
    '本报告所列数据的统计期限为2023年1月1日00:00至2023年12月31日24:00。',
    // the start marked as one, before a comma
    '本报告所列数据的统计期限是从2023年1月1日开始至2023年12月31日结束。',
    '本报告统计期限从2023年1月1日开始，到2023年12月31日结束。',
    '本报告中所列数据统计期限自2023年1月1日始，至2023年12月31日止。',
    // 同年 for the start's year
    '本报告所列数据的统计期限为2023年1月1日至同年12月31日。',
    // the two dates of 起止日期 as a pair
    '本报告统计数据的起止日期为2023年1月1日和2023年12月31日。',
    // the end as the year's end
    '本报告统计期限为2023年1月1日至年底。',
    '本报告统计期限为2023年1月1日至2023年年底。',
    '本报告统计期限为2023年1月1日至2023年末。',
  ])('%s', (s) => {
    expect(periods(s).map((p) => [p.kind, p.start, p.end])).toEqual([['range', { year: 2023, month: 1, day: 1 }, { year: 2023, month: 12, day: 31 }]]);
    expect(periodFindings(`某某局2023年政府信息公开工作年度报告\n${s}`)).toEqual([]);
  });

  it('two dates joined by 和 are a range only as the pair 起止日期 names', () => {
    expect(periods('本报告所列数据统计截止时间为2023年6月30日和2023年12月31日。').map((p) => p.kind)).not.toContain('range');
  });
});

describe('dates without a year: the report\'s year is meant, and a warning asks for it', () => {
  // every word of the vocabulary that stands for the report's year, and none at all, with the
  // statement's usual wordings around the dates
  const RELATIVE = ['', '本年度', '本年', '今年', '上年度', '上一年度', '上年', '去年', '当年', '报告年度', '本报告年度'];
  const DATES = ['{r}1月1日至12月31日', '{r}1月1日起至12月31日止', '{r} 1 月 1 日到 12 月 31 日', '{r}1月1日—12月31日', '{r}元月1日至12月31日', '{r}一月一日至十二月三十一日', '{r}1月至12月'];
  const r = rng(20261205);
  const cases = RELATIVE.flatMap((rel) =>
    Array.from({ length: 3 }, () => `${pick(r, SUBJECTS)}${pick(r, ['统计期限', '统计时限', '统计周期', '数据统计期'])}${pick(r, ['为', '自', '是', '：'])}${pick(r, DATES).replace('{r}', rel)}。`),
  );
  it.each(cases)('%s', (s) => {
    const ps = periods(s);
    expect(ps.map((p) => [p.kind, p.noYear, p.start?.year, p.start?.month, p.end?.month])).toEqual([['range', true, undefined, 1, 12]]);
    const found = periodFindings(`某某局2023年政府信息公开工作年度报告\n${s}`);
    expect(found.map((m) => [m.messageId, m.severity, m.expected])).toEqual([['yearless', 1, '2023年1月1日至2023年12月31日']]);
  });

  it('a statement with a year elsewhere in the report: the warning only when no statement covers the year', () => {
    expect(periodFindings('某某局2023年政府信息公开工作年度报告\n本报告统计期限为本年度1月1日至12月31日。本报告数据统计期限为2023年1月1日至2023年12月31日。')).toEqual([]);
  });

  it('part of a year, or an end alone, is still an error', () => {
    const half = periodFindings('某某局2023年政府信息公开工作年度报告\n本报告所列数据统计期限为本年度7月1日至12月31日。');
    expect(half.map((m) => [m.messageId, m.severity])).toEqual([['partial', 2]]);
    const end = periodFindings('某某局2023年政府信息公开工作年度报告\n本报告所列数据统计时间截至12月31日。');
    expect(end.map((m) => [m.messageId, m.severity])).toEqual([['cutoff', 2]]);
  });

  it('one date with a year gives it to the other', () => {
    for (const s of ['本报告所列数据统计期限为1月1日至2023年12月31日。', '本报告所列数据统计期限为2023年1月1日至本年度12月31日。', '本报告所列数据统计截止时间为2023年12月31日，起始时间为1月1日。']) {
      expect(periods(s).map((p) => [p.start?.year, p.end?.year, p.noYear])).toEqual([[2023, 2023, undefined]]);
      expect(periodFindings(`某某局2023年政府信息公开工作年度报告\n${s}`)).toEqual([]);
    }
  });

  it('the start and the end without a year in clauses of their own', () => {
    const ps = periods('本报告所列数据统计截止时间为12月31日，起始时间为1月1日。');
    expect(ps.map((p) => [p.kind, p.noYear, p.start?.month, p.end?.month])).toEqual([['range', true, 1, 12]]);
  });

  it('a report whose year is not known: the warning names no year', () => {
    const found = periodFindings('政府信息公开工作年度报告\n本报告所列数据统计期限为上年度1月1日至12月31日。');
    expect(found.map((m) => [m.messageId, m.severity, m.expected])).toEqual([['yearlessNoYear', 1, undefined]]);
    const end = periodFindings('政府信息公开工作年度报告\n本报告所列数据统计时间截至12月31日。');
    expect(end.map((m) => [m.messageId, m.severity])).toEqual([['cutoffNoYear', 2]]);
  });

  it('digits that read as no date are still garbled', () => {
    expect(periods('本年度报告中所列数据统计期限从202111日到1231日止。').map((p) => p.kind)).toEqual(['malformed']);
    expect(periods('报告中所列数据的统计期限为20211月1日至2021年12月31日。').map((p) => p.kind)).toEqual(['malformed']);
  });
});

describe('months written once after both (2023年1-12月), and the whole year in words (统计期限为全年)', () => {
  const SEPS = ['-', '—', '－', '至', '到', '~', '～', ' - '];
  const r = rng(20261206);
  const monthCases = Array.from({ length: 24 }, () => {
    const [a, b] = pick(r, [['1', '12'], ['一', '十二'], ['01', '12'], ['元', '十二']] as const);
    return `${pick(r, SUBJECTS)}${pick(r, ['统计期限', '统计时限', '统计周期', '数据统计期', '统计时段'])}${pick(r, ['为', '是', '：'])}2023年${pick(r, ['', '度'])}${a}${pick(r, SEPS)}${b}月${pick(r, ['', '份'])}${pick(r, ENDS)}`;
  });
  it.each(monthCases)('%s', (s) => {
    expect(periods(s).map((p) => [p.kind, p.start?.year, p.start?.month, p.end?.year, p.end?.month, p.noYear])).toEqual([['range', 2023, 1, 2023, 12, undefined]]);
    expect(periodFindings(`某某局2023年政府信息公开工作年度报告\n${s}`)).toEqual([]);
    // another year's months: the period is another year's
    expect(periodFindings(`某某局2024年政府信息公开工作年度报告\n${s}`).map((m) => m.messageId)).toEqual(['mismatch']);
  });

  it('part of the year by its months is still an error, and months without a year ask for it', () => {
    expect(periodFindings('某某局2023年政府信息公开工作年度报告\n本报告数据统计期限为2023年1-6月。').map((m) => [m.messageId, m.severity])).toEqual([['partial', 2]]);
    expect(periodFindings('某某局2023年政府信息公开工作年度报告\n本报告数据统计期限为本年度1-12月。').map((m) => [m.messageId, m.severity])).toEqual([['yearless', 1]]);
    // a first month after the last is no range
    expect(periods('本报告数据统计期限为2023年12-1月。').map((p) => p.kind)).not.toContain('range');
  });

  // every wording of the vocabulary's wholeYears, after the statement's usual words
  const WHOLE = ['全年', '全年度', '整年', '整个年度', '本年度', '本年', '今年', '当年', '上年度', '上一年度', '去年', '本年度全年', '报告年度', '本报告年度', '一个自然年度', '一个完整的自然年', '自然年度', '日历年度', '本自然年度'];
  it.each(WHOLE)('统计期限为%s', (w) => {
    const s = `${pick(r, SUBJECTS)}${pick(r, ['统计期限', '统计时限', '统计周期', '数据统计期'])}为${w}。`;
    const ps = periods(s);
    expect(ps.map((p) => [p.kind, p.noYear, p.start?.month, p.start?.day, p.end?.month, p.end?.day, p.dates?.text])).toEqual([['range', true, 1, 1, 12, 31, w]]);
    const found = periodFindings(`某某局2023年政府信息公开工作年度报告\n${s}`);
    expect(found.map((m) => [m.messageId, m.severity, m.expected])).toEqual([['yearless', 1, '2023年1月1日至2023年12月31日']]);
  });

  it.each(['统计截止时间为全年。', '统计截止日期为本年度，', '数据统计截至本年度'])('after a word that brings an end date: %s', (s) => {
    expect(periodFindings(`某某局2023年政府信息公开工作年度报告\n本报告${s}`).map((m) => [m.messageId, m.severity])).toEqual([['yearless', 1]]);
  });

  it.each(['统计截止时间为上年度末。', '数据截至本年底。'])('not the whole year, after a word that brings an end date: %s', (s) => {
    expect(periods(`本报告${s}`).map((p) => p.kind)).not.toContain('range');
  });

  it('the whole year in words, then its dates: the dates are read', () => {
    expect(periodFindings('某某局2023年政府信息公开工作年度报告\n本报告统计期限为全年，即2023年1月1日至12月31日。')).toEqual([]);
    expect(periods('本报告统计时间为全年1月1日至12月31日。').map((p) => [p.kind, p.noYear, p.start?.month, p.end?.month])).toEqual([['range', true, 1, 12]]);
    expect(periods('本报告统计时间为全年1月1日至6月30日。').map((p) => [p.kind, p.noYear, p.end?.month])).toEqual([['range', true, 6]]);
  });

  it('in a table row too', () => {
    const text = '某某局2023年政府信息公开工作年度报告\n\n| 项目 | 内容 |\n| --- | --- |\n| 统计期限 | 全年 |\n';
    expect(periodFindings(text).map((m) => [m.messageId, m.severity])).toEqual([['yearless', 1]]);
  });

  it.each(['全年共收到政府信息公开申请12件。', '本年度数据统计工作扎实推进。', '统计局全年发布统计信息30条。', '本年度统计数据显示，全市经济平稳。'])('not a statement of the period: %s', (s) => {
    expect(periods(s)).toEqual([]);
  });
});

describe('a whole-year range after words about the data, whatever the wording between', () => {
  const FORMS: ((y: number) => string)[] = [
    (y) => `本报告所列数据的时间范围为${y}年1月1日至${y}年12月31日。`,
    (y) => `所列数据的时间范围为${y}年1月1日至12月31日。`,
    (y) => `本报告数据涵盖${y}年1月1日至${y}年12月31日期间。`,
    (y) => `本报告统计的各项数据，起止时段为${y}年1月1日至${y}年12月31日。`,
    (y) => `报告中的数据采集时段：${y}年1月1日—${y}年12月31日。`,
    (y) => `本年报反映的是${y}年1月1日至${y}年12月31日的情况。`,
    (y) => `以下为${y}年1月1日至${y}年12月31日期间的数据。`,
    (y) => `下文所述为${y}年1月1日至12月31日的统计数据。`,
  ];
  for (const [k, form] of FORMS.entries()) {
    for (const y of [2016, 2022]) {
      it(`form ${k}, ${y}`, () => {
        const s = form(y);
        const ps = periods(s);
        expect(ps.map((p) => p.kind)).toEqual(['range']);
        expect(ps[0]).toMatchObject({ start: { year: y, month: 1, day: 1 }, end: { year: y, month: 12, day: 31 } });
        expect(periodFindings(`某某局${y}年政府信息公开工作年度报告\n${s}`)).toEqual([]);
        // the same words and another year: the period is another year's
        expect(periodFindings(`某某局${y + 1}年政府信息公开工作年度报告\n${s}`).map((m) => m.messageId)).toEqual(['mismatch']);
      });
    }
  }

  it.each([
    '2022年1月1日至2022年12月31日，全区共受理申请15件。',
    '截止2020年12月31日，我局主动公开信息15条。',
    '市统计局2022年1月1日至2022年12月31日共发布统计公报12期。',
    '2022年3月1日至3月31日，我局开展数据安全专项检查。',
    '本局数据平台于2022年1月1日至6月30日试运行。',
    '统计局2020年工作要点已公开。',
  ])('not a statement of the period: %s', (s) => {
    expect(periods(s).filter((p) => p.kind === 'range' && p.end)).toEqual([]);
  });
});

describe('a whole range after a word that usually brings an end date', () => {
  it.each([
    ['统计截止时间为2022年1月1日至2022年12月31日。', 2022],
    ['本报告数据截至2021年1月1日至12月31日。', 2021],
    ['所列数据统计时间截止2019年1月1日至2019年12月31日止。', 2019],
    ['数据统计截止日期：2024 年 1 月 1 日至 2024 年 12 月 31 日', 2024],
  ])('%s', (s, y) => {
    const ps = periods(s);
    expect(ps).toHaveLength(1);
    expect(ps[0]).toMatchObject({ kind: 'range', start: { year: y, month: 1, day: 1 }, end: { year: y, month: 12, day: 31 } });
  });

  it('an end date alone stays a cut-off', () => {
    expect(periods('本报告中所列数据统计时间截至2020年12月31日。').map((p) => p.kind)).toEqual(['cutoff']);
    expect(periods('统计截止时间为2020年12月31日。').map((p) => p.kind)).toEqual(['cutoff']);
  });
});

describe('a statement broken over two lines', () => {
  const STATEMENTS = [
    '本报告所列数据统计周期为 2024 年 1 月 1 日至 12 月 31 日。',
    '报告所列统计期限自 2024 年 1 月 1 日至 2024 年 12 月 31 日。',
    '本报告中所列数据的统计时限为2024年1月1日至2024年12月31日。',
    '所列数据的时间范围为2024年1月1日至2024年12月31日。',
  ];
  for (const [k, st] of STATEMENTS.entries()) {
    // break the line at every place inside the dates, with and without a blank line between
    const from = st.indexOf('2024');
    const to = st.lastIndexOf('日');
    for (let cut = from + 1; cut <= to; cut += 3) {
      for (const gap of ['\n', '\n\n']) {
        it(`statement ${k}, broken at ${cut}${gap.length > 1 ? ' with a blank line' : ''}`, () => {
          const text = `淮安市人民政府\n2024 年政府信息公开工作年度报告\n本报告由市政府办公室编制。${st.slice(0, cut)}${gap}${st.slice(cut)}`;
          expect(periodFindings(text)).toEqual([]);
          const ps = model(text).periods.filter((p) => p.kind === 'range' && p.end);
          expect(ps.map((p) => [p.start, p.end])).toEqual([
            [
              { year: 2024, month: 1, day: 1 },
              { year: 2024, month: 12, day: 31 },
            ],
          ]);
        });
      }
    }
  }

  it.each(['- 1 -', '— 6 —', '第3页', '2/15'])('a page number between the two lines (%s)', (page) => {
    const text = `淮安市人民政府\n2024 年政府信息公开工作年度报告\n报告所列统计期限自 2024 年 1 月 1 日至\n\n${page}\n\n2024 年 12 月 31 日。`;
    expect(periodFindings(text)).toEqual([]);
  });

  it('a line that ends its sentence is not joined to the next', () => {
    const text = '某某局2024年政府信息公开工作年度报告\n本报告所列数据统计期限自2024年1月1日起。\n12月31日前完成整改。';
    const ps = model(text).periods;
    expect(ps.map((p) => p.text)).toEqual(['本报告所列数据统计期限自2024年1月1日起']);
  });
});
