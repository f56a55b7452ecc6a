import { defineRule, ALL_GENERATIONS } from '../src/rules/types.js';
import type { YearMention } from '../src/model/types.js';

const SOURCE_NAMES = {
  title: { zh: '标题', en: 'the title' },
  name: { zh: '报告名称', en: 'the report’s name' },
  period: { zh: '统计期限', en: 'the statistics period' },
  text: { zh: '正文', en: 'the text' },
  config: { zh: '配置', en: 'the configuration' },
} as const;

export default defineRule<Record<string, never>>({
  id: 'report-year',
  description: {
    zh: '年报所属年度须能确定，且标题、统计期限和正文所说的年度一致',
    en: 'The report year can be determined, and the title, the statistics period and the text agree on it',
  },
  severity: 'error',
  generations: ALL_GENERATIONS,
  optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
  defaultOptions: {},
  messages: {
    unknown: {
      zh: '无法确定年报所属年度：标题、统计期限和正文都未写明年份',
      en: 'the report year cannot be determined: neither the title, the statistics period nor the text states it',
    },
    mismatch: {
      zh: '{where}所写年度（{actual}年）与{ref}年度（{expected}年）不一致',
      en: '{whereEn} gives the year {actual}, but {refEn} says {expected}',
    },
  },
  examples: {
    valid: [
      {
        title: '标题、统计期限、正文一致',
        text: '某某镇2021年政府信息公开工作年度报告\n本报告所列数据统计期限自2021年1月1日起至2021年12月31日止。\n一、总体情况\n2021年，我镇认真贯彻《条例》。',
        expected: [],
      },
    ],
    invalid: [
      {
        title: '标题写2023年，统计期限却是2024年',
        text: '某某镇2023年政府信息公开工作年度报告\n本报告数据统计期限自2024年1月1日至2024年12月31日止。\n一、总体情况\n本年度……',
        expected: [
          { line: 2, column: 11, endLine: 2, endColumn: 32, message: '统计期限所写年度（2024年）与标题年度（2023年）不一致', expected: 2023, actual: 2024 },
        ],
      },
      {
        title: '全文没有年份',
        text: '政府信息公开工作年度报告\n一、总体情况\n本局认真贯彻《条例》。',
        expected: [{ line: 1, column: 1, endLine: 1, endColumn: 13, message: '无法确定年报所属年度：标题、统计期限和正文都未写明年份' }],
      },
    ],
  },
  check({ report, emit }) {
    if (!report.year) {
      const at = report.title?.range ?? report.blocks.find((b) => b.type !== 'html')?.range ?? { start: 0, end: 0 };
      emit({ messageId: 'unknown', range: at });
      return;
    }
    // the year the report is named for: its title line, or the sentence that names it
    const titleYear = report.yearMentions.find((m) => m.source === 'title') ?? report.yearMentions.find((m) => m.source === 'name');
    if (!titleYear) return;
    const refName = SOURCE_NAMES[titleYear.source];
    const report1 = (m: YearMention, severity?: 'warning') =>
      emit({
        messageId: 'mismatch',
        data: { where: SOURCE_NAMES[m.source].zh, whereEn: SOURCE_NAMES[m.source].en, actual: m.year, expected: titleYear.year, ref: refName.zh, refEn: refName.en },
        range: m.range,
        expected: titleYear.year,
        actual: m.year,
        severity,
      });
    const periods = report.yearMentions.filter((m) => m.source === 'period' && m.year !== titleYear.year);
    if (periods[0]) report1(periods[0]);
    // The text's own "2021年，我局…" statements are weaker evidence: a warning, and only when
    // at least two agree on another year and none gives the title's year.
    const text = report.yearMentions.filter((m) => m.source === 'text');
    const other = text.filter((m) => m.year !== titleYear.year);
    if (!periods.length && other.length >= 2 && other.length === text.length && other.every((m) => m.year === other[0]!.year)) {
      report1(other[0]!, 'warning');
    }
  },
});
