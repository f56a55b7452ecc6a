import { defineRule, ALL_GENERATIONS } from '../src/rules/types.js';
import type { DateValue, Section } from '../src/model/types.js';
import { formatDate } from '../src/model/dates.js';
import { matchSections } from '../src/model/section-match.js';
import { reportComplete, reportKind, sectionExtent, type ReportKind } from '../src/model/completeness.js';

interface Options {
  /** whose report this is, when the title does not make it clear: a body's own, or a government's summary */
  kind: 'auto' | ReportKind;
}

function parseMonthDay(md: string, year: number): DateValue {
  const [m, d] = md.split('-').map(Number);
  return { year, month: m, day: d };
}

function after(a: DateValue, b: DateValue): boolean {
  const key = (d: DateValue) => (d.year ?? 0) * 10000 + (d.month ?? 0) * 100 + (d.day ?? 0);
  return key(a) > key(b);
}

export default defineRule<Options>({
  id: 'publish-date',
  description: {
    zh: '年报须有落款日期或发布日期，且不晚于公开期限（本机关年报次年1月31日、县级以上政府年报次年3月31日；2019年前均为3月31日，以格式配置为准）',
    en: 'The report carries a sign-off or publication date no later than the deadline the profile sets (a body’s own report: 31 January; a government’s summary: 31 March; before 2019: 31 March)',
  },
  severity: 'error',
  generations: ALL_GENERATIONS,
  optionsSchema: {
    type: 'object',
    properties: { kind: { enum: ['auto', 'body', 'summary'], description: 'whose report it is: auto (from the title), body, or summary' } },
    additionalProperties: false,
  },
  defaultOptions: { kind: 'auto' },
  messages: {
    missing: { zh: '年报末尾没有落款日期，也未找到发布日期', en: 'the report has no sign-off date and no publication date was found' },
    noDay: { zh: '落款日期“{actual}”未写明日', en: 'the sign-off date “{actual}” gives no day' },
    lateBody: {
      zh: '落款日期{actual}晚于本机关{year}年度年报的公开期限{expected}',
      en: 'the sign-off date {actual} is after the deadline {expected} for a body’s report for {year}',
    },
    lateSummary: {
      zh: '落款日期{actual}晚于{year}年度年报的公开期限{expected}',
      en: 'the sign-off date {actual} is after the deadline {expected} for a report for {year}',
    },
    latePage: {
      zh: '网页发布日期{actual}晚于{year}年度年报的公开期限{expected}（若网页系重新发布，请核对原发布日期）',
      en: 'the page’s publication date {actual} is after the deadline {expected} for a report for {year} (if the page was re-published, check the original date)',
    },
  },
  examples: {
    valid: [
      {
        title: '县政府年报于次年3月31日前发布',
        text: `某某县2021年政府信息公开工作年度报告
发布时间：2022-03-20
一、总体情况
略。`,
        expected: [],
      },
      {
        title: '标题与统计期限的年度不一致时，按较晚的年度判断期限',
        text: `某某镇人民政府2023年政府信息公开工作年度报告
本报告数据统计期限自2024年1月1日至2024年12月31日止。
六、其他需要报告的事项
本年度未收取信息处理费。
某某镇人民政府
2025年1月20日`,
        expected: [],
      },
      {
        title: '只是前半部分的文本（未到第六部分）不判断是否缺少日期',
        text: `某某局2021年政府信息公开工作年度报告
一、总体情况
2021年，我局认真贯彻《条例》。
二、主动公开政府信息情况
见下表。`,
        expected: [],
      },
    ],
    invalid: [
      {
        title: '部门年报落款日期晚于次年1月31日',
        text: `某某市教育局2021年政府信息公开工作年度报告
一、总体情况
2021年，我局认真贯彻《条例》。
六、其他需要报告的事项
本年度未收取信息处理费。
某某市教育局
2022年2月15日`,
        expected: [
          { line: 7, column: 1, endLine: 7, endColumn: 11, message: '落款日期2022年2月15日晚于本机关2021年度年报的公开期限2022年1月31日', actual: '2022年2月15日' },
        ],
      },
      {
        title: '落款日期只写到月：提醒写明日；整月都晚于期限时，也指出晚于期限',
        text: `某某市教育局2021年政府信息公开工作年度报告
一、总体情况
2021年，我局认真贯彻《条例》。
六、其他需要报告的事项
本年度未收取信息处理费。
某某市教育局
2022年2月`,
        expected: [
          { line: 7, column: 1, endLine: 7, endColumn: 8, message: '落款日期“2022年2月”未写明日', severity: 'warning', actual: '2022年2月' },
          { line: 7, column: 1, endLine: 7, endColumn: 8, message: '落款日期2022年2月晚于本机关2021年度年报的公开期限2022年1月31日', actual: '2022年2月' },
        ],
      },
      {
        title: '县政府年报落款日期晚于次年3月31日',
        text: `某某县人民政府2021年政府信息公开工作年度报告
一、总体情况
2021年，全县认真贯彻《条例》。
六、其他需要报告的事项
本年度未收取信息处理费。
某某县人民政府
2022年4月10日`,
        expected: [{ line: 7, column: 1, endLine: 7, endColumn: 11, message: '落款日期2022年4月10日晚于2021年度年报的公开期限2022年3月31日', actual: '2022年4月10日' }],
      },
      {
        title: '落款日期与“（盖章）”在同一行，也按落款日期判断',
        text: `某某县人民政府2021年政府信息公开工作年度报告
一、总体情况
2021年，全县认真贯彻《条例》。
六、其他需要报告的事项
本年度未收取信息处理费。
某某县人民政府
（盖章） 2022年4月10日`,
        expected: [{ line: 7, column: 6, endLine: 7, endColumn: 16, message: '落款日期2022年4月10日晚于2021年度年报的公开期限2022年3月31日', actual: '2022年4月10日' }],
      },
      {
        title: '网页发布日期晚于期限（警告）',
        text: `某某街道办事处2022年政府信息公开工作年度报告
发布时间:2023-09-09
一、总体情况
略。`,
        expected: [
          {
            line: 2,
            column: 6,
            endLine: 2,
            endColumn: 16,
            message: '网页发布日期2023年9月9日晚于2022年度年报的公开期限2023年1月31日（若网页系重新发布，请核对原发布日期）',
            severity: 'warning',
          },
        ],
      },
      {
        title: '完整的年报（第六部分之后是网页页脚）没有任何日期',
        text: `某某局2021年政府信息公开工作年度报告
一、总体情况
2021年，我局认真贯彻《条例》。
六、其他需要报告的事项
本年度未收取信息处理费。
上一篇：某某局2020年政府信息公开工作年度报告`,
        expected: [{ line: 5, column: 1, endLine: 5, endColumn: 13, message: '年报末尾没有落款日期，也未找到发布日期' }],
      },
    ],
  },
  check({ report, profile, options, emit }) {
    const so = report.signOff;
    if (!so) {
      // only a report seen to end can be said to lack a date: its last required part is there
      // and is followed by a signature or the page's footer
      const specs = profile.sections.filter((s) => s.required);
      const finalSpec = specs.sort((a, b) => b.order - a.order)[0];
      const final: Section | undefined = finalSpec ? matchSections(report, [finalSpec])[0]?.section : undefined;
      if (!reportComplete(report, final)) return;
      const last = report.sections[report.sections.length - 1]!;
      const body = sectionExtent(report, last).blocks;
      const at = body.length ? body[body.length - 1]!.range : last.heading.range;
      emit({ messageId: 'missing', range: at });
      return;
    }
    // a month without its day (2022年1月): late only if the whole month is
    if (so.date.day === undefined) emit({ messageId: 'noDay', data: { actual: so.text }, range: so.range, severity: 'warning', actual: so.text });
    if (report.year === undefined) return;
    // when the title and the statistics period disagree on the year, the later year sets the
    // deadline: the date cannot be called late before it is known which year is meant
    const stated = report.yearMentions.filter((m) => m.source === 'title' || m.source === 'period').map((m) => m.year);
    const year = Math.max(report.year.value, ...stated);
    // whose report: a body's own is due by 31 January, a government's summary by 31 March;
    // when the title does not tell, the later deadline applies
    const kind = options.kind === 'auto' ? reportKind(report) : options.kind;
    const md = kind === 'body' ? profile.deadlines.body : (profile.deadlines.summary ?? profile.deadlines.body);
    const deadline = parseMonthDay(md, year + 1);
    if (!after(so.date, deadline)) return;
    const messageId = so.source === 'page' ? 'latePage' : kind === 'body' && profile.deadlines.summary ? 'lateBody' : 'lateSummary';
    const expected = formatDate(deadline);
    const actual = formatDate(so.date);
    emit({
      messageId,
      data: { actual, expected, year },
      range: so.range,
      // the message names the deadline; the date to write is the real one, not the deadline
      actual,
      // a web page's date may be that of a later re-publication
      severity: so.source === 'page' ? 'warning' : undefined,
    });
  },
});
