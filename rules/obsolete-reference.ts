import { defineRule, ALL_GENERATIONS } from '../src/rules/types.js';
import { citations } from '../src/model/hygiene.js';

/** Articles of the 2007 regulation on the annual report, and where the revised one has them. */
const REVISED_ARTICLE: Record<number, string> = { 31: '第四十九条', 32: '第五十条' };

export default defineRule<Record<string, never>>({
  id: 'obsolete-reference',
  description: {
    zh: '2019年度起的年报不得以已废止的2007年《条例》为依据；2021年度起不应再以2019年的年报格式通知为依据',
    en: 'Reports for 2019 onward do not rest on the repealed 2007 regulation; reports for 2021 onward do not rest on the 2019 format notice',
  },
  severity: 'error',
  generations: ALL_GENERATIONS,
  optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
  defaultOptions: {},
  messages: {
    regulation2007: {
      zh: '{year}年度的年报引用了已废止的2007年《条例》（国务院令第492号），现行《条例》为国务院令第711号',
      en: 'a report for {year} cites the repealed 2007 regulation (国务院令第492号); the regulation in force is 国务院令第711号',
    },
    article2007: {
      zh: '“{actual}”是2007年《条例》规定年度报告的条款，{year}年度的年报应依据修订后《条例》{expected}',
      en: '“{actual}” is the 2007 regulation’s article on annual reports; a report for {year} rests on {expected} of the revised regulation',
    },
    notice2019: {
      zh: '{year}年度的年报仍以2019年的年报格式通知（国办公开办函〔2019〕60号）为依据，2021年度起应按国办公开办函〔2021〕30号的格式编制',
      en: 'a report for {year} still cites the 2019 format notice (国办公开办函〔2019〕60号); reports for 2021 onward follow 国办公开办函〔2021〕30号',
    },
  },
  examples: {
    valid: [
      {
        title: '2016年度的年报引用2007年《条例》及其第三十二条是正确的',
        text: `红塔区2016年政府信息公开工作年度报告
本报告根据《中华人民共和国政府信息公开条例》（国务院令第492号）第三十二条规定编制。`,
        expected: [],
      },
      {
        title: '2019年度的年报叙述《条例》的修订沿革，或引用修订后《条例》第三十二条（第三方意见）',
        text: `2019年政府信息公开工作年度报告
新修订的《条例》（国务院令第711号）取代了国务院令第492号。
对涉及第三方权益的申请，依照《条例》第三十二条征求第三方意见后作出答复。`,
        expected: [],
      },
      {
        title: '2020年度的年报以2019年的年报格式通知为依据是正确的',
        text: `2020年政府信息公开工作年度报告
本报告根据《条例》和《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）编制。`,
        expected: [],
      },
    ],
    invalid: [
      {
        title: '2019年度的年报仍引用国务院令第492号和旧《条例》第三十二条',
        text: `某县2019年政府信息公开工作年度报告
本报告根据《中华人民共和国政府信息公开条例》（国务院令第492号）第三十二条规定编制。`,
        expected: [
          { line: 2, column: 24, endLine: 2, endColumn: 33, message: '2019年度的年报引用了已废止的2007年《条例》（国务院令第492号），现行《条例》为国务院令第711号' },
          { line: 2, column: 34, endLine: 2, endColumn: 39, message: '“第三十二条”是2007年《条例》规定年度报告的条款，2019年度的年报应依据修订后《条例》第五十条', expected: '第五十条', actual: '第三十二条' },
        ],
      },
      {
        title: '2021年度的年报以2019年的年报格式通知为依据（警告）',
        text: `杨柳镇2021年政府信息公开工作年度报告
本镇按照国务院办公厅政府信息与政务公开办公室《关于政府信息公开工作年度报告有关事项的通知》要求编制本报告。`,
        expected: [
          {
            line: 2,
            column: 5,
            endLine: 2,
            endColumn: 46,
            message: '2021年度的年报仍以2019年的年报格式通知（国办公开办函〔2019〕60号）为依据，2021年度起应按国办公开办函〔2021〕30号的格式编制',
            severity: 'warning',
          },
        ],
      },
    ],
  },
  check({ report, emit }) {
    // which regulation and format a report rests on depends on its year; without one, a legacy
    // report citing the 2007 regulation cannot be told from a late one
    const year = report.year?.value;
    if (year === undefined) return;
    for (const c of citations(report)) {
      if (c.kind === 'regulation-2007' && year >= 2019 && !c.historical) {
        emit({ messageId: 'regulation2007', data: { year }, range: c.range, expected: '国务院令第711号', actual: c.text });
      } else if (c.kind === 'article-2007' && year >= 2019) {
        const expected = REVISED_ARTICLE[c.article!]!;
        emit({ messageId: 'article2007', data: { year, actual: c.text, expected }, range: c.range, expected, actual: c.text });
      } else if (c.kind === 'notice-2019' && year >= 2021) {
        // a warning: the 2019 notice's format was replaced, but a report may still cite the
        // notice for what it says beyond the format
        emit({ messageId: 'notice2019', data: { year }, range: c.range, severity: 'warning', expected: '国办公开办函〔2021〕30号', actual: c.text });
      }
    }
  },
});
