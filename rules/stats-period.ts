import { defineRule, ALL_GENERATIONS } from '../src/rules/types.js';
import type { DateValue, PeriodStatement, Report } from '../src/model/types.js';
import type { SourceRange } from '../src/util/mapped-text.js';
import { yearDisagreement } from './report-year.js';

type Verdict = 'full' | 'yearless' | 'cutoff' | 'partial' | 'mismatch' | 'malformed';

const isYearStart = (d: DateValue): boolean => d.month === 1 && (d.day ?? 1) === 1;
const isYearEnd = (d: DateValue): boolean => d.month === 12 && (d.day ?? 31) === 31;

/** How a statement stands against the report year (undefined when the year is not known). */
export function judgePeriod(p: PeriodStatement, year: number | undefined): Verdict {
  if (p.kind === 'malformed') return 'malformed';
  if (p.kind === 'cutoff' || !p.start) return 'cutoff';
  const { start, end } = p;
  if (!end) return 'partial';
  // the whole of a year not named (本年度1月1日至12月31日): the report's, but it should be written
  if (p.noYear) return isYearStart(start) && isYearEnd(end) ? 'yearless' : 'partial';
  const covered = [start.year, end.year];
  const otherYear = year !== undefined && !covered.includes(year);
  if (isYearStart(start) && isYearEnd(end) && start.year === end.year) return otherYear ? 'mismatch' : 'full';
  return otherYear ? 'mismatch' : 'partial';
}

/** Where a finding about the whole report points: its title, else its first line. */
function reportAnchor(report: Report): SourceRange {
  return report.title?.range ?? report.blocks.find((b) => b.type !== 'html' && b.text.text.trim())?.range ?? { start: 0, end: 0 };
}

export default defineRule<Record<string, never>>({
  id: 'stats-period',
  description: {
    zh: '年报须写明数据的统计期限，且为报告年度的1月1日至12月31日',
    en: 'The report states the statistics period of its figures, and it is 1 January to 31 December of the report year',
  },
  severity: 'error',
  generations: ALL_GENERATIONS,
  optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
  defaultOptions: {},
  messages: {
    missing: { zh: '未写明统计期限（应为{expected}）', en: 'the statistics period is not stated (expected {expected})' },
    missingNoYear: {
      zh: '未写明统计期限（应为报告年度的1月1日至12月31日）',
      en: 'the statistics period is not stated (expected 1 January to 31 December of the report year)',
    },
    cutoff: {
      zh: '统计期限只写了截止日期“{dates}”，应写明起止日期：{expected}',
      en: 'the statistics period gives only an end date, “{dates}”; expected {expected}',
    },
    partial: {
      zh: '统计期限“{dates}”未覆盖{year}年全年，应为{expected}',
      en: 'the statistics period “{dates}” does not cover the whole of {year}; expected {expected}',
    },
    mismatch: {
      zh: '统计期限“{dates}”不是报告年度{year}年，应为{expected}',
      en: 'the statistics period “{dates}” is not the report year {year}; expected {expected}',
    },
    yearless: {
      zh: '统计期限“{dates}”未写明年份，应为{expected}',
      en: 'the statistics period “{dates}” names no year; expected {expected}',
    },
    yearlessNoYear: {
      zh: '统计期限“{dates}”未写明年份',
      en: 'the statistics period “{dates}” names no year',
    },
    cutoffNoYear: {
      zh: '统计期限只写了截止日期“{dates}”，应写明起止日期',
      en: 'the statistics period gives only an end date, “{dates}”',
    },
    partialNoYear: {
      zh: '统计期限“{dates}”未覆盖全年，应为报告年度的1月1日至12月31日',
      en: 'the statistics period “{dates}” does not cover a whole year; expected 1 January to 31 December of the report year',
    },
    malformed: {
      zh: '统计期限中的日期“{garbled}”无法识别，疑有缺字或错字',
      en: 'the dates of the statistics period, “{garbled}”, cannot be read; characters seem missing or wrong',
    },
  },
  examples: {
    valid: [
      {
        title: '常见写法：统计期限自…起至…止',
        text: '某某局2016年政府信息公开工作年度报告\n本报告中所列数据的统计期限自2016年1月1日起至2016年12月31日止。',
        expected: [],
      },
      {
        title: '结束日期省略年份，沿用起始年份',
        text: '某某镇2019年政府信息公开工作年度报告\n本年度报告数据统计期限为2019年1月1日至12月31日。',
        expected: [],
      },
      {
        title: '日期中夹有空格',
        text: '某某办事处2019年政府信息公开工作年度报告\n本年度报告中使用数据统计期限为 2019 年 1月 1 日至 12 月 31 日。',
        expected: [],
      },
      {
        title: '“所列数据自…起，至…止”，全角数字',
        text: '某某局２０２０年政府信息公开工作年度报告\n本报告所列数据自２０２０年１月１日起，至２０２０年１２月３１日止。',
        expected: [],
      },
      {
        title: '“统计时限”“从…到…”等措辞',
        text: '某某街道2022年政府信息公开工作年度报告\n所列数据统计时限从2022年1月1日到2022年12月31日。',
        expected: [],
      },
      {
        title: '措辞不在常见之列：有关数据的句子中写明全年起止日期即可',
        text: '某某局2022年政府信息公开工作年度报告\n本报告所列数据的时间范围为2022年1月1日至2022年12月31日。',
        expected: [],
      },
      {
        title: '从PDF复制，统计期限跨行',
        text: '淮安市人民政府\n2024 年政府信息公开工作年度报告\n本报告所列数据统计周期为 2024 年 1 月 1 日至\n12 月 31 日。',
        expected: [],
      },
      {
        title: '“截止某日，主动公开信息多少条”是截至某日的数量，不是统计期限；另有完整的统计期限',
        text: '某某局2020年政府信息公开工作年度报告\n本报告数据统计期限为2020年1月1日至2020年12月31日。\n截止2020年12月31日，我局主动公开信息15条。',
        expected: [],
      },
    ],
    invalid: [
      {
        title: '未写统计期限（“截止…”的数量不算）',
        text: '某某局2020年政府信息公开工作年度报告\n截止2020年12月31日，我局主动公开的信息15条。',
        expected: [{ line: 1, column: 1, endLine: 1, endColumn: 21, message: '未写明统计期限（应为2020年1月1日至2020年12月31日）', expected: '2020年1月1日至2020年12月31日', actual: null }],
      },
      {
        title: '年度无法确定，也未写统计期限',
        text: '政府信息公开工作年度报告\n一、总体情况\n本局认真贯彻《条例》。',
        expected: [{ line: 1, column: 1, endLine: 1, endColumn: 13, message: '未写明统计期限（应为报告年度的1月1日至12月31日）', actual: null }],
      },
      {
        title: '只写截止日期',
        text: '某某区统计局2020年政府信息公开工作年度报告\n本报告中所列数据统计时间截至2020年12月31日。',
        expected: [
          {
            line: 2,
            column: 13,
            endLine: 2,
            endColumn: 26,
            message: '统计期限只写了截止日期“截至2020年12月31日”，应写明起止日期：2020年1月1日至2020年12月31日',
            expected: '2020年1月1日至2020年12月31日',
            actual: '截至2020年12月31日',
          },
        ],
      },
      {
        title: '只统计了半年',
        text: '某某局2021年政府信息公开工作年度报告\n本报告数据统计期限为2021年7月1日至2021年12月31日。',
        expected: [
          {
            line: 2,
            column: 11,
            endLine: 2,
            endColumn: 32,
            message: '统计期限“2021年7月1日至2021年12月31日”未覆盖2021年全年，应为2021年1月1日至2021年12月31日',
            expected: '2021年1月1日至2021年12月31日',
            actual: '2021年7月1日至2021年12月31日',
          },
        ],
      },
      {
        title: '标题为2023年，统计期限却是2024年',
        text: '某某镇2023年政府信息公开工作年度报告\n本报告数据统计期限自2024年1月1日至2024年12月31日止。',
        expected: [
          {
            line: 2,
            column: 11,
            endLine: 2,
            endColumn: 32,
            message: '统计期限“2024年1月1日至2024年12月31日”不是报告年度2023年，应为2023年1月1日至2023年12月31日',
            expected: '2023年1月1日至2023年12月31日',
            actual: '2024年1月1日至2024年12月31日',
          },
        ],
      },
      {
        title: '日期未写年份（“本年度”“上年度”或不写），提醒写明',
        text: '某某局2023年政府信息公开工作年度报告\n本报告所列数据统计期限为本年度1月1日至12月31日。',
        expected: [
          {
            line: 2,
            column: 13,
            endLine: 2,
            endColumn: 27,
            message: '统计期限“本年度1月1日至12月31日”未写明年份，应为2023年1月1日至2023年12月31日',
            severity: 'warning',
            expected: '2023年1月1日至2023年12月31日',
            actual: '本年度1月1日至12月31日',
          },
        ],
      },
      {
        title: '年度无法确定，日期也未写年份',
        text: '政府信息公开工作年度报告\n本报告所列数据统计期限为上年度1月1日至12月31日。',
        expected: [{ line: 2, column: 13, endLine: 2, endColumn: 27, message: '统计期限“上年度1月1日至12月31日”未写明年份', severity: 'warning', actual: '上年度1月1日至12月31日' }],
      },
      {
        title: '年度无法确定，只写了不带年份的截止日期',
        text: '政府信息公开工作年度报告\n本报告所列数据统计时间截至12月31日。',
        expected: [{ line: 2, column: 12, endLine: 2, endColumn: 20, message: '统计期限只写了截止日期“截至12月31日”，应写明起止日期', actual: '截至12月31日' }],
      },
      {
        title: '年度无法确定，不带年份的日期只覆盖半年',
        text: '政府信息公开工作年度报告\n本报告所列数据统计期限为7月1日至12月31日。',
        expected: [{ line: 2, column: 13, endLine: 2, endColumn: 24, message: '统计期限“7月1日至12月31日”未覆盖全年，应为报告年度的1月1日至12月31日', actual: '7月1日至12月31日' }],
      },
      {
        title: '日期缺字：“从202111日到1231日止”',
        text: '杨柳镇2021年政府信息公开工作年度报告\n本年度报告中所列数据统计期限从202111日到1231日止。',
        expected: [
          {
            line: 2,
            column: 16,
            endLine: 2,
            endColumn: 29,
            message: '统计期限中的日期“202111日到1231日”无法识别，疑有缺字或错字',
            expected: '2021年1月1日至2021年12月31日',
            actual: '202111日到1231日',
          },
        ],
      },
      {
        title: '年份后缺“年”：“20211月1日”',
        text: '某某局2021年政府信息公开工作年度报告\n报告中所列数据的统计期限为20211月1日至2021年12月31日。',
        expected: [
          {
            line: 2,
            column: 14,
            endLine: 2,
            endColumn: 22,
            message: '统计期限中的日期“20211月1日”无法识别，疑有缺字或错字',
            expected: '2021年1月1日至2021年12月31日',
            actual: '20211月1日',
          },
        ],
      },
      {
        title: '年度无法确定时，仍指出无法识别的日期',
        text: '政府信息公开工作年度报告\n本报告数据统计期限为202111日至1231日。',
        expected: [
          {
            line: 2,
            column: 11,
            endLine: 2,
            endColumn: 24,
            message: '统计期限中的日期“202111日至1231日”无法识别，疑有缺字或错字',
            actual: '202111日至1231日',
          },
        ],
      },
    ],
  },
  check({ report, emit }) {
    const year = report.year?.value;
    // unknown when the report year is: then the value is left out rather than guessed
    const expected = year !== undefined ? `${year}年1月1日至${year}年12月31日` : undefined;
    if (report.periods.length === 0) {
      emit({
        messageId: expected ? 'missing' : 'missingNoYear',
        data: expected ? { expected } : {},
        range: reportAnchor(report),
        expected,
        actual: null,
      });
      return;
    }
    const verdicts = report.periods.map((p) => judgePeriod(p, year));
    // one statement that covers the year is enough; others may be counts as of a date
    if (verdicts.includes('full')) return;
    // a period whose year the rest of the report backs is right, and the title is what is wrong (report-year says so)
    const years = yearDisagreement(report);
    report.periods.forEach((p, i) => {
      const v = verdicts[i]!;
      const dates = p.dates ?? { text: p.text, range: p.range };
      if (v === 'malformed') {
        const g = p.garbled ?? dates;
        emit({ messageId: 'malformed', data: { garbled: g.text }, range: g.range, expected, actual: g.text });
        return;
      }
      if (v === 'mismatch' && years?.odd === 'named' && (p.end?.year ?? p.start?.year) === years.period.year) return;
      const y = year ?? p.start?.year ?? p.end?.year;
      // (dates without a year in a report whose year is not known either: the messages that name none, …NoYear)
      const want = y !== undefined ? `${y}年1月1日至${y}年12月31日` : undefined;
      emit({
        messageId: want ? v : `${v}NoYear`,
        data: want ? { dates: dates.text, year: y!, expected: want } : { dates: dates.text },
        range: dates.range,
        expected: want,
        actual: dates.text,
        // (the year not written: the report's is meant)
        ...(v === 'yearless' ? { severity: 'warning' as const } : {}),
      });
    });
  },
});
