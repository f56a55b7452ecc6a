import { defineRule, ALL_GENERATIONS } from '../src/rules/types.js';

interface Options {
  /** also ask that the title names the issuing body */
  requireAgency: boolean;
}

export default defineRule<Options>({
  id: 'report-title',
  description: {
    zh: '年报须有标题，写明机关名称、年份和“政府信息公开工作年度报告”',
    en: 'The report has a title naming the body, the year and “政府信息公开工作年度报告”',
  },
  severity: 'error',
  generations: ALL_GENERATIONS,
  optionsSchema: {
    type: 'object',
    properties: { requireAgency: { type: 'boolean', description: 'warn when the title does not name the issuing body' } },
    additionalProperties: false,
  },
  defaultOptions: { requireAgency: true },
  messages: {
    missing: {
      zh: '未找到年报标题：应有一行写明机关名称、年份和“政府信息公开工作年度报告”',
      en: 'no report title found: a line should name the body, the year and “政府信息公开工作年度报告”',
    },
    noYear: { zh: '标题“{title}”未写明年份', en: 'the title “{title}” does not state the year' },
    nonStandard: {
      zh: '标题“{title}”不规范，应为“{expected}”',
      en: 'non-standard title “{title}”: it should read “{expected}”',
      // the standard form has the year: a title without one is part of this finding
      covers: ['report-title/noYear'],
    },
    noAgency: { zh: '标题“{title}”未写明机关名称', en: 'the title “{title}” does not name the issuing body' },
    namedInText: {
      zh: '没有单独的标题行，报告名称（{year}年）只在正文句子中出现；应另起一行写明标题',
      en: 'no title line: the report is named ({year}) only inside a sentence; give it a title line of its own',
    },
  },
  examples: {
    valid: [
      { title: '规范标题', text: '某某市人民政府办公室2021年政府信息公开工作年度报告\n一、总体情况\n本年度……', expected: [] },
      { title: '机关名称单独占一行', text: '故城县教育局\n2020年政府信息公开工作年度报告\n一、总体情况\n本年度……', expected: [] },
      { title: '年份写在标题末尾的括号里', text: '某某县自然资源局政府信息公开工作年度报告（2021年）\n一、总体情况\n本年度……', expected: [] },
    ],
    invalid: [
      {
        title: '没有标题行，报告名称只在句中出现（警告）',
        text: '白石乡2011年政府信息公开工作年度报告（以下简称年报）根据《条例》要求编制。\n一、概述\n本年度……',
        expected: [
          { line: 1, column: 4, endLine: 1, endColumn: 8, message: '没有单独的标题行，报告名称（2011年）只在正文句子中出现；应另起一行写明标题', severity: 'warning' },
        ],
      },
      {
        title: '没有标题行',
        text: '根据《条例》要求，编制本报告。\n一、总体情况\n本年度……',
        expected: [{ line: 1, column: 1, endLine: 1, endColumn: 16, message: '未找到年报标题：应有一行写明机关名称、年份和“政府信息公开工作年度报告”' }],
      },
      {
        title: '“政务信息公开工作报告”不是规范名称',
        text: '市经信委2016年度政务信息公开工作报告\n一、总体情况\n本年度……',
        expected: [{ line: 1, column: 1, endLine: 1, endColumn: 21, message: '标题“市经信委2016年度政务信息公开工作报告”不规范，应为“市经信委2016年政府信息公开工作年度报告”', severity: 'warning', expected: '市经信委2016年政府信息公开工作年度报告' }],
      },
      {
        title: '年报标题没有年份',
        text: '贯彻政务资讯工作年报\n一、概述\n本年度……',
        expected: [
          { line: 1, column: 1, endLine: 1, endColumn: 11, message: '标题“贯彻政务资讯工作年报”不规范，应为“（机关名称）XXXX年政府信息公开工作年度报告”', severity: 'warning' },
        ],
      },
      {
        title: '规范名称的标题缺年份',
        text: '某某县自然资源局政府信息公开工作年度报告\n一、总体情况\n本年度……',
        expected: [{ line: 1, column: 1, endLine: 1, endColumn: 21, message: '标题“某某县自然资源局政府信息公开工作年度报告”未写明年份', severity: 'warning' }],
      },
      {
        title: '标题没有机关名称',
        text: '2021年政府信息公开工作年度报告\n一、总体情况\n本年度……',
        expected: [{ line: 1, column: 1, endLine: 1, endColumn: 18, message: '标题“2021年政府信息公开工作年度报告”未写明机关名称', severity: 'warning' }],
      },
    ],
  },
  check({ report, options, emit }) {
    const t = report.title;
    if (!t) {
      // the report named in a sentence (白石乡2011年政府信息公开工作年度报告（以下简称年报）根据…):
      // the name is there, only not as a title line
      const named = report.yearMentions.find((m) => m.source === 'name');
      if (named) {
        emit({ messageId: 'namedInText', data: { year: named.year }, range: named.range, severity: 'warning' });
        return;
      }
      const first = report.blocks.find((b) => b.type !== 'html');
      emit({ messageId: 'missing', range: first?.range ?? { start: 0, end: 0 } });
      return;
    }
    const data = { title: t.text };
    if (t.year === undefined) emit({ messageId: 'noYear', data, range: t.range, severity: 'warning' });
    if (!/政府信息公开工作年度报告/.test(t.text)) {
      // the standard title, with what the report tells of its body and year, and placeholders for what it does not
      const year = t.year ?? report.year?.value;
      const expected = `${t.agency ?? report.agency ?? '（机关名称）'}${year ?? 'XXXX'}年政府信息公开工作年度报告`;
      emit({ messageId: 'nonStandard', data: { ...data, expected }, range: t.range, severity: 'warning', expected, actual: t.text });
    } else if (options.requireAgency && !t.agency) {
      emit({ messageId: 'noAgency', data, range: t.range, severity: 'warning' });
    }
  },
});
