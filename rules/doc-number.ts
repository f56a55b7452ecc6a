import { defineRule, ALL_GENERATIONS } from '../src/rules/types.js';
import { docNumbers } from '../src/model/hygiene.js';

/**
 * 发文字号 as GB/T 9704 prints them: issuer code, the year in four digits inside 〔〕, the
 * number, 号. The look-alike ﹝﹞ that many official sites print is accepted; square and round
 * brackets are not.
 */
export default defineRule<Record<string, never>>({
  id: 'doc-number',
  description: {
    zh: '发文字号格式须规范：年份为四位数字，用六角括号〔〕括起，其后为序号和“号”',
    en: 'Document numbers are well formed: a four-digit year inside 〔〕, then the number and 号',
  },
  severity: 'error',
  generations: ALL_GENERATIONS,
  fixable: true,
  optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
  defaultOptions: {},
  messages: {
    brackets: {
      zh: '发文字号中的年份应使用六角括号〔〕：“{actual}”应为“{expected}”',
      en: 'the year in a document number goes inside 〔〕: “{actual}” should read “{expected}”',
    },
    unclosed: {
      zh: '发文字号缺少“〕”，年份与序号连在一起：“{actual}”应为“{expected}”',
      en: 'document number without “〕”; the year runs into the number: “{actual}” should read “{expected}”',
    },
    unopened: {
      zh: '发文字号缺少“〔”：“{actual}”应为“{expected}”',
      en: 'document number without “〔”: “{actual}” should read “{expected}”',
    },
    yearDigits: {
      zh: '发文字号“{actual}”中的年份不是四位数字',
      en: 'the year in the document number “{actual}” is not four digits',
    },
    issuer: {
      zh: '发文字号的机关代字有误：“{actual}”应为“{expected}”',
      en: 'wrong issuer code in the document number: “{actual}” should read “{expected}”',
    },
    replace: { zh: '改为“{expected}”', en: 'replace with “{expected}”' },
  },
  examples: {
    valid: [
      {
        title: '规范的发文字号；部分网站使用的“﹝﹞”视同“〔〕”',
        text: `根据《国务院办公厅政府信息与政务公开办公室关于印发<中华人民共和国政府信息公开工作年度报告格式>的通知》（国办公开办函〔2021〕30号）编制。
参照市政府办公室通知（市政办﹝2021﹞12号），地址：人民路96号。`,
        expected: [],
      },
    ],
    invalid: [
      {
        title: '方括号、圆括号代替六角括号',
        text: `按照《通知》（国办公开办函[2021]30号）和（皖政办（2018）5号）要求编制。`,
        expected: [
          { line: 1, column: 14, endLine: 1, endColumn: 23, message: '发文字号中的年份应使用六角括号〔〕：“[2021]30号”应为“〔2021〕30号”', expected: '〔2021〕30号', actual: '[2021]30号', suggestions: ['改为“〔2021〕30号”'] },
          { line: 1, column: 29, endLine: 1, endColumn: 37, message: '发文字号中的年份应使用六角括号〔〕：“（2018）5号”应为“〔2018〕5号”', suggestions: ['改为“〔2018〕5号”'] },
        ],
        output: `按照《通知》（国办公开办函〔2021〕30号）和（皖政办〔2018〕5号）要求编制。`,
      },
      {
        title: '缺少右括号，年份与序号连写（〔201655号）',
        text: `《关于开展2016年政务公开考评工作的通知》（皖政办明电〔201655号）、（辽政办明电﹝20211号）`,
        expected: [
          { line: 1, column: 29, endLine: 1, endColumn: 37, message: '发文字号缺少“〕”，年份与序号连在一起：“〔201655号”应为“〔2016〕55号”', suggestions: ['改为“〔2016〕55号”'] },
          { line: 1, column: 45, endLine: 1, endColumn: 52, message: '发文字号缺少“〕”，年份与序号连在一起：“﹝20211号”应为“〔2021〕1号”', suggestions: ['改为“〔2021〕1号”'] },
        ],
        output: `《关于开展2016年政务公开考评工作的通知》（皖政办明电〔2016〕55号）、（辽政办明电〔2021〕1号）`,
      },
      {
        title: '缺少左括号、年份不是四位数字',
        text: `（皖政办2016〕55号）（市政办〔16〕5号）`,
        expected: [
          { line: 1, column: 5, endLine: 1, endColumn: 13, message: '发文字号缺少“〔”：“2016〕55号”应为“〔2016〕55号”', suggestions: ['改为“〔2016〕55号”'] },
          { line: 1, column: 18, endLine: 1, endColumn: 24, message: '发文字号“〔16〕5号”中的年份不是四位数字' },
        ],
        output: `（皖政办〔2016〕55号）（市政办〔16〕5号）`,
      },
      {
        title: '常被引用的国家文件机关代字写错',
        text: `根据《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》（国办公开函〔2019〕60号）编制。`,
        expected: [
          { line: 1, column: 45, endLine: 1, endColumn: 50, message: '发文字号的机关代字有误：“国办公开函”应为“国办公开办函”', suggestions: ['改为“国办公开办函”'] },
        ],
        // a corrected issuer code is a suggestion only: --fix leaves it
        output: `根据《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》（国办公开函〔2019〕60号）编制。`,
      },
    ],
  },
  check({ report, emit }) {
    for (const dn of docNumbers(report)) {
      if (!dn.problem || !dn.fault) continue;
      const { text, range, corrected } = dn.fault;
      const messageId = dn.problem === 'year-digits' ? 'yearDigits' : dn.problem;
      const data = { actual: text, expected: corrected ?? '' };
      const edit = corrected ? { range: [range.start, range.end] as [number, number], text: corrected } : undefined;
      emit({
        messageId,
        data,
        range,
        // unknown when the number cannot be repaired with certainty: left out
        expected: corrected,
        actual: text,
        // bracket repairs are certain; a corrected issuer code is a reading of which document is meant
        fix: edit && dn.problem !== 'issuer' ? edit : undefined,
        suggestions: edit ? [{ messageId: 'replace', data, fix: edit }] : undefined,
      });
    }
  },
});
