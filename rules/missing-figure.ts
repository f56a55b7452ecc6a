import { defineRule, ALL_GENERATIONS } from '../src/rules/types.js';

type Options = Record<string, never>;

export default defineRule<Options>({
  id: 'missing-figure',
  description: {
    zh: '正文中的数量不得缺少数字（如“工作动态类信息条”“公开规范性文件件”）',
    en: 'A count in the text has its number (not 工作动态类信息条 or 公开规范性文件件)',
  },
  // the words and the unit are there and the number is not: a figure deleted or never filled in,
  // though a reader can rarely be sure which
  severity: 'warning',
  generations: ALL_GENERATIONS,
  optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
  defaultOptions: {},
  messages: {
    gap: {
      zh: '“{words}{unit}”缺少数字',
      en: 'the number is missing in “{words}{unit}”',
    },
  },
  examples: {
    valid: [
      {
        title: '每一项都有数字；“文件”“申请人”等词不是缺数字的单位',
        text: '2023年主动公开政府信息312条，其中工作动态类信息140条、通知公告类信息72条、政策文件100条。及时公开规范性文件，答复申请人，均按时办结。',
        expected: [],
      },
      {
        title: '数字已在前面（受理3件依申请件）',
        text: '2020年我局受理3件依申请件，均按规进行办结。',
        expected: [],
      },
    ],
    invalid: [
      {
        title: '列举中的一项缺少数字',
        text: '2023年主动公开政府信息312条，其中工作动态类信息140条，通知公告类信息条，政策文件100条。',
        expected: [
          {
            line: 1,
            column: 40,
            endLine: 1,
            endColumn: 41,
            message: '“通知公告类信息条”缺少数字',
          },
        ],
      },
      {
        title: '动词后的数量缺少数字（公开规范性文件件），单位前留有空格',
        text: `全年制发并公开规范性文件件，均已按要求备案。
本年度新收政府信息公开申请 件，均已按时答复。`,
        expected: [
          {
            line: 1,
            column: 13,
            endLine: 1,
            endColumn: 14,
            message: '“全年制发并公开规范性文件件”缺少数字',
          },
          {
            line: 2,
            column: 14,
            endLine: 2,
            endColumn: 16,
            message: '“本年度新收政府信息公开申请 件”缺少数字',
          },
        ],
      },
    ],
  },
  check({ report, emit }) {
    const src = report.doc.text;
    for (const g of report.gaps) {
      emit({
        messageId: 'gap',
        // the words as written, with any space left where the number was
        data: { words: g.words, unit: src.slice(g.range.start, g.range.end).slice(0, -g.unit.length) + g.unit },
        range: g.range,
      });
    }
  },
});
