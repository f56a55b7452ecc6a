import { defineRule, ALL_GENERATIONS } from '../src/rules/types.js';
import { yearDisagreement } from '../src/model/year.js';

export { yearDisagreement, type YearDisagreement } from '../src/model/year.js';

const SOURCE_NAMES = {
  title: { zh: '标题', en: 'the title' },
  name: { zh: '报告名称', en: 'the report’s name' },
  period: { zh: '统计期限', en: 'the statistics period' },
  text: { zh: '正文', en: 'the text' },
  config: { zh: '配置', en: 'the configuration' },
  published: { zh: '发布日期', en: 'the publication date' },
} as const;

type Source = keyof typeof SOURCE_NAMES;

/** Names of sources in a list: 标题、正文和发布日期 / the title, the text and the publication date. */
function listOf(sources: Source[]): { zh: string; en: string } {
  const zh = sources.map((s) => SOURCE_NAMES[s].zh);
  const en = sources.map((s) => SOURCE_NAMES[s].en);
  const join = (xs: string[], sep: string, last: string) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(sep)}${last}${xs[xs.length - 1]}`);
  return { zh: join(zh, '、', '和'), en: join(en, ', ', ' and ') };
}


export default defineRule<Record<string, never>>({
  id: 'report-year',
  description: {
    zh: '年报所属年度须能确定，且标题、统计期限和正文所说的年度一致',
    en: 'The report year can be determined, and the title, the statistics period and the text agree on it',
  },
  severity: 'error',
  generations: ALL_GENERATIONS,
  // the period's year is judged here, against all the evidence; stats-period would judge it against the title alone
  supersedes: ['stats-period/mismatch'],
  optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
  defaultOptions: {},
  messages: {
    unknown: {
      zh: '无法确定年报所属年度：标题、统计期限和正文都未写明年份',
      en: 'the report year cannot be determined: neither the title, the statistics period nor the text states it',
      // a title without a year is part of this finding
      covers: ['report-title/noYear'],
    },
    mismatch: {
      zh: '{where}所写年度（{actual}年）与{ref}所表明的年度（{expected}年）不一致',
      en: 'the year {actual} in {whereEn} disagrees with the year {expected} given by {refEn}',
    },
    disagree: {
      zh: '{where}所写年度（{actual}年）与{ref}所写年度（{other}年）不一致，报告中没有其他依据判断哪一个有误，请核对',
      en: 'the year {actual} in {whereEn} disagrees with the year {other} in {refEn}, and nothing else in the report tells which is right: check both',
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
        title: '标题写2023年，正文和发布日期也是2023年，只有统计期限是2024年：改统计期限',
        text: '某某镇2023年政府信息公开工作年度报告\n本报告数据统计期限自2024年1月1日至2024年12月31日止。\n一、总体情况\n2023年，我镇认真贯彻《条例》。\n2023年，我镇新制发规范性文件3件。\n二、主动公开政府信息情况\n见下表。\n某某镇人民政府\n2024年1月20日',
        expected: [
          { line: 2, column: 11, endLine: 2, endColumn: 32, message: '统计期限所写年度（2024年）与标题、正文和发布日期所表明的年度（2023年）不一致', expected: 2023, actual: 2024 },
        ],
      },
      {
        title: '统计期限、正文和发布日期都是2024年，只有标题写2023年：改标题',
        text: '某某镇2023年政府信息公开工作年度报告\n本报告数据统计期限自2024年1月1日至2024年12月31日止。\n一、总体情况\n2024年，我镇认真贯彻《条例》。\n2024年，我镇新制发规范性文件3件。\n二、主动公开政府信息情况\n见下表。\n某某镇人民政府\n2025年1月20日',
        expected: [
          { line: 1, column: 4, endLine: 1, endColumn: 8, message: '标题所写年度（2023年）与统计期限、正文和发布日期所表明的年度（2024年）不一致', expected: 2024, actual: 2023 },
        ],
      },
      {
        title: '只有标题（2023年）和统计期限（2024年）两处，各执一词：指出两处不一致，不猜哪一处错',
        text: '某某镇2023年政府信息公开工作年度报告\n本报告数据统计期限自2024年1月1日至2024年12月31日止。\n一、总体情况\n本年度……',
        expected: [
          { line: 2, column: 11, endLine: 2, endColumn: 32, message: '统计期限所写年度（2024年）与标题所写年度（2023年）不一致，报告中没有其他依据判断哪一个有误，请核对' },
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
    const d = yearDisagreement(report);
    if (d) {
      const { named, period } = d;
      if (d.odd === 'tie') {
        const ref = listOf([named.source]);
        emit({
          messageId: 'disagree',
          data: { where: SOURCE_NAMES.period.zh, whereEn: SOURCE_NAMES.period.en, actual: period.year, other: named.year, ref: ref.zh, refEn: ref.en },
          range: period.range,
        });
        return;
      }
      // point at the value the others disagree with
      const [wrong, right, support] = d.odd === 'period' ? [period, named, [named.source, ...d.withNamed]] : [named, period, ['period', ...d.withPeriod]];
      const ref = listOf(support as Source[]);
      emit({
        messageId: 'mismatch',
        data: { where: SOURCE_NAMES[wrong.source].zh, whereEn: SOURCE_NAMES[wrong.source].en, actual: wrong.year, expected: right.year, ref: ref.zh, refEn: ref.en },
        range: wrong.range,
        expected: right.year,
        actual: wrong.year,
      });
      return;
    }
    // The text's own "2021年，我局…" statements are weaker evidence: a warning, and only when
    // at least two agree on another year and none gives the title's year.
    const text = report.yearMentions.filter((m) => m.source === 'text');
    const other = text.filter((m) => m.year !== titleYear.year);
    if (other.length >= 2 && other.length === text.length && other.every((m) => m.year === other[0]!.year)) {
      const ref = listOf([titleYear.source]);
      emit({
        messageId: 'mismatch',
        data: { where: SOURCE_NAMES.text.zh, whereEn: SOURCE_NAMES.text.en, actual: other[0]!.year, expected: titleYear.year, ref: ref.zh, refEn: ref.en },
        range: other[0]!.range,
        expected: titleYear.year,
        actual: other[0]!.year,
        severity: 'warning',
      });
    }
  },
});
