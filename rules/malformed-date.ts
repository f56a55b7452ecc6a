import { defineRule, ALL_GENERATIONS } from '../src/rules/types.js';
import { dateFindings, type DateFinding } from '../src/model/hygiene.js';

function why(f: DateFinding): { zh: string; en: string } {
  const m = /([0-9]{1,2})\s*月(?:\s*([0-9]{1,2})\s*日)?/.exec(f.text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  const month = m ? Number(m[1]) : NaN;
  if (!(month >= 1 && month <= 12)) return { zh: '月份应为1至12', en: 'a month is 1 to 12' };
  return { zh: `${month}月没有${m![2]}日`, en: `month ${month} has no day ${m![2]}` };
}

export default defineRule<Record<string, never>>({
  id: 'malformed-date',
  description: {
    zh: '日期不得残缺或不存在（如“201612月底”“202111日”“2月30日”“13月”）',
    en: 'Dates are neither garbled nor impossible (201612月底, 202111日, 2月30日, 13月)',
  },
  severity: 'error',
  generations: ALL_GENERATIONS,
  // a garbled date in the statistics period: this rule names the date and the reading, stats-period only says it cannot be read
  supersedes: ['stats-period/malformed'],
  optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
  defaultOptions: {},
  messages: {
    noYearMark: { zh: '日期“{actual}”缺少“年”字，应为“{expected}”', en: 'the date “{actual}” lacks 年; it should read “{expected}”' },
    noYearMarkUnsure: { zh: '日期“{actual}”缺少“年”字', en: 'the date “{actual}” lacks 年' },
    noMarks: { zh: '日期“{actual}”缺少“年”“月”字，应为“{expected}”', en: 'the date “{actual}” lacks 年 and 月; it should read “{expected}”' },
    noMarksUnsure: {
      zh: '日期“{actual}”缺少“年”“月”字，数字连写，无法确定月和日',
      en: 'the date “{actual}” lacks 年 and 月; the digits run together and the month and day cannot be told apart',
    },
    noMonthMark: { zh: '日期“{actual}”缺少“月”字，应为“{expected}”', en: 'the date “{actual}” lacks 月; it should read “{expected}”' },
    impossible: { zh: '日期“{actual}”不存在：{why}', en: 'the date “{actual}” does not exist: {whyEn}' },
    replace: { zh: '改为“{expected}”', en: 'replace with “{expected}”' },
  },
  examples: {
    valid: [
      {
        title: '完整的日期、月份区间和期限天数',
        text: `截至2016年12月底，全年1—12月共公开信息80件。
统计期限为2021年1月1日至2021年12月31日，答复期限20个工作日，2020年2月29日已办结。`,
        expected: [],
      },
    ],
    invalid: [
      {
        title: '“年”字脱漏（201612月底）',
        text: `截至201612月底，利用政务公开平台公开政务公文80件。`,
        expected: [{ line: 1, column: 3, endLine: 1, endColumn: 10, message: '日期“201612月”缺少“年”字，应为“2016年12月”', expected: '2016年12月', actual: '201612月', suggestions: ['改为“2016年12月”'] }],
      },
      {
        title: '“年”“月”字脱漏（202111日到1231日、于2021926）',
        text: `本报告所列数据统计期限从202111日到1231日止。
我局于2021926召开专题会议。`,
        expected: [
          {
            line: 1,
            column: 13,
            endLine: 1,
            endColumn: 20,
            message: '日期“202111日”缺少“年”“月”字，应为“2021年1月1日”',
            expected: '2021年1月1日',
            actual: '202111日',
            suggestions: ['改为“2021年1月1日”'],
          },
          { line: 1, column: 21, endLine: 1, endColumn: 26, message: '日期“1231日”缺少“月”字，应为“12月31日”', expected: '12月31日', actual: '1231日', suggestions: ['改为“12月31日”'] },
          {
            line: 2,
            column: 4,
            endLine: 2,
            endColumn: 11,
            message: '日期“2021926”缺少“年”“月”字，应为“2021年9月26日”',
            expected: '2021年9月26日',
            actual: '2021926',
            suggestions: ['改为“2021年9月26日”'],
          },
        ],
      },
      {
        title: '数字连写、可有两种读法（2021112日：1月12日还是11月2日），只指出缺字，不猜',
        text: `截至2021112日，共受理申请5件。`,
        expected: [{ line: 1, column: 3, endLine: 1, endColumn: 11, message: '日期“2021112日”缺少“年”“月”字，数字连写，无法确定月和日', actual: '2021112日' }],
      },
      {
        title: '“年”字脱漏且月份不存在（201613月）：只指出缺字',
        text: `截至201613月，共公开信息80条。`,
        expected: [{ line: 1, column: 3, endLine: 1, endColumn: 10, message: '日期“201613月”缺少“年”字', actual: '201613月' }],
      },
      {
        title: '不存在的日期（2月30日、13月）',
        text: `2021年2月30日召开会议，2021年13月完成整改。`,
        expected: [
          { line: 1, column: 6, endLine: 1, endColumn: 11, message: '日期“2月30日”不存在：2月没有30日' },
          { line: 1, column: 21, endLine: 1, endColumn: 24, message: '日期“13月”不存在：月份应为1至12' },
        ],
      },
    ],
  },
  check({ report, emit }) {
    for (const f of dateFindings(report)) {
      const sure = f.corrected !== undefined;
      const messageId = {
        'no-year-mark': sure ? 'noYearMark' : 'noYearMarkUnsure',
        'no-year-month-marks': sure ? 'noMarks' : 'noMarksUnsure',
        'no-month-mark': 'noMonthMark',
        impossible: 'impossible',
      }[f.problem];
      const w = f.problem === 'impossible' ? why(f) : undefined;
      const data = { actual: f.text, expected: f.corrected ?? '', why: w?.zh ?? '', whyEn: w?.en ?? '' };
      emit({
        messageId,
        data,
        range: f.range,
        actual: f.text,
        // unknown when the digits can be read two ways: left out rather than guessed
        expected: f.corrected,
        // offered, not applied: the reading of run-together digits is the likeliest, not certain
        suggestions: sure ? [{ messageId: 'replace', data, fix: { range: [f.range.start, f.range.end], text: f.corrected! } }] : undefined,
      });
    }
  },
});
