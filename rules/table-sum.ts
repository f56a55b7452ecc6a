import { defineRule } from '../src/rules/types.js';
import { TABLE4_HEADER } from '../src/rules/example-texts.js';
import { cellName, failedRelations } from '../src/model/tables/index.js';

export default defineRule<Record<string, never>>({
  id: 'table-sum',
  description: {
    zh: '表格中的合计关系须成立：行总计等于各申请人之和、（七）总计等于各办理结果之和、表四各组总计、旧版统计表的各项合计，“其中”项不超过其所属项',
    en: 'Every sum in the official tables holds: row totals, (7) total of outcomes, table 4 group totals, the legacy table totals; an “of which” never exceeds its parent',
  },
  severity: 'error',
  generations: ['legacy', 'format-2019', 'format-2021'],
  optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
  defaultOptions: {},
  fixable: false,
  messages: {
    sum: {
      zh: '{cell}不符合“{relationZh}”：应为 {expected}，实为 {actual}',
      en: '{cellEn} breaks “{relationEn}”: should be {expected}, is {actual}',
    },
    atMost: {
      zh: '{cell}为 {actual}，超过了其所属项的 {expected}（“{relationZh}”）',
      en: '{cellEn} is {actual}, more than its parent’s {expected} (“{relationEn}”)',
    },
    useComputed: { zh: '改为计算所得的 {value}', en: 'replace with the computed {value}' },
  },
  examples: {
    valid: [
      {
        title: '表四各组总计等于四种结果之和',
        text: `${TABLE4_HEADER}1 | 0 | 0 | 0 | 1 | 0 | 1 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0`,
        expected: [],
      },
    ],
    invalid: [
      {
        title: '表四三行表头合并成一行（行政复议结果维持 | 行政复议结果纠正 | …），“行政复议”总计不符',
        text: `某某局2021年政府信息公开工作年度报告
四、政府信息公开行政复议、行政诉讼情况
| 行政复议结果维持 | 行政复议结果纠正 | 行政复议其他结果 | 行政复议尚未审结 | 行政复议总计 | 行政诉讼未经复议直接起诉结果维持 | 行政诉讼未经复议直接起诉结果纠正 | 行政诉讼未经复议直接起诉其他结果 | 行政诉讼未经复议直接起诉尚未审结 | 行政诉讼未经复议直接起诉总计 | 行政诉讼复议后起诉结果维持 | 行政诉讼复议后起诉结果纠正 | 行政诉讼复议后起诉其他结果 | 行政诉讼复议后起诉尚未审结 | 行政诉讼复议后起诉总计 |
| 1 | 0 | 0 | 0 | 2 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |`,
        expected: [
          {
            line: 4,
            column: 19,
            endLine: 4,
            endColumn: 20,
            message: '“行政复议”的“总计”不符合“总计＝结果维持＋结果纠正＋其他结果＋尚未审结”：应为 1，实为 2',
            expected: 1,
            actual: 2,
            suggestions: ['改为计算所得的 1'],
          },
        ],
      },
      {
        title: '表四“复议后起诉”总计与各项之和不符',
        text: `${TABLE4_HEADER}1 | 0 | 0 | 0 | 1 | 0 | 1 | 0 | 0 | 1 | 0 | 2 | 0 | 0 | 3`,
        expected: [
          {
            line: 6,
            column: 57,
            endLine: 6,
            endColumn: 58,
            message: '“行政诉讼·复议后起诉”的“总计”不符合“总计＝结果维持＋结果纠正＋其他结果＋尚未审结”：应为 2，实为 3',
            expected: 2,
            actual: 3,
            suggestions: ['改为计算所得的 2'],
          },
        ],
      },
      {
        title: '旧版统计表：“其中”项大于其所属项',
        text: `某某县教育局2016年政府信息公开工作年度报告
一、主动公开政府信息的情况
政府信息公开情况统计表
统计指标 | 单位 | 统计数
一、主动公开情况 | — | —
（一）主动公开政府信息数 | 条 | 120
其中：主动公开规范性文件数 | 条 | 4
制发规范性文件总数 | 件 | 6
二、回应解读情况 | — | —
（一）回应公众关注热点或重大舆情数 | 次 | 3
1.参加或举办新闻发布会总次数 | 次 | 2
其中：主要负责同志参加新闻发布会次数 | 次 | 3
2.政府网站在线访谈次数 | 次 | 1
其中：主要负责同志参加政府网站在线访谈次数 | 次 | 1
三、依申请公开情况 | — | —
（一）收到申请数 | 件 | 5
1.当面申请数 | 件 | 2
2.传真申请数 | 件 | 0
3.网络申请数 | 件 | 3
4.信函申请数 | 件 | 0
二、依申请公开政府信息和不予公开政府信息的情况
本年度收到申请5件。`,
        expected: [
          { line: 12, column: 26, endLine: 12, endColumn: 27, message: '“其中：主要负责同志参加新闻发布会次数”为 3，超过了其所属项的 2（“主要负责同志参加新闻发布会次数不超过新闻发布会总次数”）', actual: 3 },
        ],
      },
    ],
  },
  check({ report, profile, emit }) {
    for (const { tpl, check: c } of failedRelations(report, profile)) {
      if (c.relation.kind === 'balance') continue;
      const total = c.left[0]!;
      // a blank total whose parts are not zero is a missing value (table-cell-value)
      if (total.cell.kind === 'blank' && c.relation.kind === 'sum') continue;
      const data = { cell: cellName(tpl, total.row, total.column), cellEn: cellName(tpl, total.row, total.column, 'en'), relationZh: c.relation.title.zh, relationEn: c.relation.title.en, expected: c.rightSum, actual: c.leftSum };
      if (c.relation.kind === 'at-most') {
        // the part or the whole may be the wrong one: the message gives both, no expected value is guessed
        emit({ messageId: 'atMost', data, range: total.cell.range, actual: c.leftSum });
        continue;
      }
      emit({
        messageId: 'sum',
        data,
        range: total.cell.range,
        expected: c.rightSum,
        actual: c.leftSum,
        suggestions: [{ messageId: 'useComputed', data: { value: c.rightSum }, fix: { range: [total.cell.range.start, total.cell.range.end], text: String(c.rightSum) } }],
      });
    }
  },
});
