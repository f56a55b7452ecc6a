import { defineRule } from '../src/rules/types.js';
import { failedRelations, partName } from '../src/model/tables/index.js';

export default defineRule<Record<string, never>>({
  id: 'table-balance',
  description: {
    zh: '表三每一列须符合表中注明的勾稽关系：第一项加第二项之和，等于第三项加第四项之和',
    en: 'Every column of table 3 satisfies the printed check: items 1 + 2 = item 3 total + item 4',
  },
  severity: 'error',
  generations: ['format-2019', 'format-2021'],
  optionsSchema: { type: 'object', properties: {}, additionalProperties: false },
  defaultOptions: {},
  messages: {
    balance: {
      zh: '“{column}”列不符合勾稽关系“{relationZh}”：第一项加第二项为 {left}，第三项加第四项为 {right}',
      en: 'column “{column}” breaks “{relationEn}”: items 1 + 2 make {left}, items 3 + 4 make {right}',
    },
  },
  examples: {
    valid: [
      {
        title: '新收与结转之和等于办理总计与结转下年之和',
        text: '某某局2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n' + table3([3, 1], [2, 2]),
        expected: [],
      },
    ],
    invalid: [
      {
        title: '“自然人”列及“总计”列：3＋1≠2＋1',
        text: '某某局2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n' + table3([3, 1], [2, 1]),
        expected: [
          {
            line: 29,
            column: 9,
            endLine: 29,
            endColumn: 10,
            message: '“自然人”列不符合勾稽关系“第一项加第二项之和＝第三项（七）总计加第四项”：第一项加第二项为 4，第三项加第四项为 3',
            expected: 4,
            actual: 3,
          },
          {
            line: 29,
            column: 33,
            endLine: 29,
            endColumn: 34,
            message: '“总计”列不符合勾稽关系“第一项加第二项之和＝第三项（七）总计加第四项”：第一项加第二项为 4，第三项加第四项为 3',
            expected: 4,
            actual: 3,
          },
        ],
      },
    ],
  },
  check({ report, profile, emit }) {
    for (const { tpl, check: c } of failedRelations(report, profile)) {
      if (c.relation.kind !== 'balance') continue;
      const at = c.right[0]!;
      emit({
        messageId: 'balance',
        data: { column: partName(tpl, c.column ?? at.column, 'column'), relationZh: c.relation.title.zh, relationEn: c.relation.title.en, left: c.leftSum, right: c.rightSum },
        range: at.cell.range,
        expected: c.leftSum,
        actual: c.rightSum,
      });
    }
  },
});

/**
 * A format-2021 table 3 as pipe text, all zero except the 自然人 column: `[新收, 上年结转]`
 * and `[予以公开, 结转下年]` (the 总计 column and （七）总计 follow).
 */
function table3([fresh, carried]: [number, number], [granted, forward]: [number, number]): string {
  const row = (label: string, v: number): string => `${label} | ${v} | 0 | 0 | 0 | 0 | 0 | ${v}`;
  const leaves = [
    '（三）不予公开 | 1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益',
    '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项',
    '（四）无法提供 | 1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确',
    '（五）不予处理 | 1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息',
    '（六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '3.其他',
  ];
  return [
    '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况',
    '自然人 | 法人或其他组织 | 总计',
    '商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他',
    row('一、本年新收政府信息公开申请数量', fresh),
    row('二、上年结转政府信息公开申请数量', carried),
    row('三、本年度办理结果 | （一）予以公开', granted),
    row('（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 0),
    ...leaves.map((l) => row(l, 0)),
    row('（七）总计', granted),
    row('四、结转下年度继续办理', forward),
  ].join('\n');
}
