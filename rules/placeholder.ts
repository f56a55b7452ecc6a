import { defineRule, ALL_GENERATIONS } from '../src/rules/types.js';
import { placeholders } from '../src/model/hygiene.js';

export default defineRule<Record<string, never>>({
  id: 'placeholder',
  description: {
    zh: '不得残留模板占位内容：XX、××、某某、【请填写…】、（此处…）、缺少数字的“年”、空白日期',
    en: 'No template leftovers: XX, ××, 某某, 【…】 instructions, (此处…), a 年 without its number, a blank date',
  },
  severity: 'error',
  generations: ALL_GENERATIONS,
  optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
  defaultOptions: {},
  messages: {
    marker: { zh: '模板占位符“{actual}”未替换为实际内容', en: 'the template placeholder “{actual}” was never filled in' },
    instruction: { zh: '模板提示“{actual}”未删除', en: 'the template instruction “{actual}” was left in' },
    missingYear: { zh: '“年”前缺少年份：“{context}”', en: 'a year is missing before 年: “{context}”' },
    blankDate: { zh: '日期“{actual}”未填写', en: 'the date “{actual}” was left blank' },
  },
  examples: {
    valid: [
      {
        title: '年度、年底、全市年均等正常用语；匿名化的人名（张某某、王××）；网页上的【打印】',
        text: `2016年，全市年均受理申请20件，截至年底办结。本年度申请人张某某申请公开信息1件，申请人王××申请公开征收信息1件。
【打印】【关闭】`,
        expected: [],
      },
      {
        title: '文本在年份与“年”之间断行（PDF 提取的文字常见）',
        text: `着力强化与申请人的直接沟通，提高答复的及时性和针对性。2024
年，全市共受理政府信息公开申请3119件。`,
        expected: [],
      },
    ],
    invalid: [
      {
        title: '单位名称、数字用XX、某某占位',
        text: `XX局2021年政府信息公开工作年度报告
某某单位共主动公开信息××条。`,
        expected: [
          { line: 1, column: 1, endLine: 1, endColumn: 3, message: '模板占位符“XX”未替换为实际内容' },
          { line: 2, column: 1, endLine: 2, endColumn: 3, message: '模板占位符“某某”未替换为实际内容' },
          { line: 2, column: 12, endLine: 2, endColumn: 14, message: '模板占位符“××”未替换为实际内容' },
        ],
      },
      {
        title: '模板提示未删除',
        text: `【请填写单位名称】政府信息公开工作年度报告
（此处插入表格）`,
        expected: [
          { line: 1, column: 1, endLine: 1, endColumn: 10, message: '模板提示“【请填写单位名称】”未删除' },
          { line: 2, column: 1, endLine: 2, endColumn: 9, message: '模板提示“（此处插入表格）”未删除' },
        ],
      },
      {
        title: '“年”前缺少年份（市年政务公开工作）和空白落款日期',
        text: `深入推进政务公开工作，市年政务公开工作始终坚持依法公开原则。
年 月 日`,
        expected: [
          { line: 1, column: 13, endLine: 1, endColumn: 14, message: '“年”前缺少年份：“工作，市年政务公开”' },
          { line: 2, column: 1, endLine: 2, endColumn: 6, message: '日期“年 月 日”未填写' },
        ],
      },
    ],
  },
  check({ report, emit }) {
    for (const p of placeholders(report)) {
      if (p.kind === 'missing-year') {
        emit({ messageId: 'missingYear', data: { context: p.context }, range: p.range });
        continue;
      }
      const messageId = p.kind === 'blank-date' ? 'blankDate' : p.kind;
      emit({ messageId, data: { actual: p.text }, range: p.range, actual: p.text });
    }
  },
});
