/**
 * Building blocks for rule examples. Examples are documentation as well as tests, so each one
 * still reads as a whole report once built; these only keep the same text from being written out
 * in several rule files.
 */

/** A part of a report: its heading line and the lines under it. */
export type Part = [heading: string, body: string];

/** The six parts of a format-2019/2021 report, each with a line of body text. */
export const PARTS_2021: Part[] = [
  ['一、总体情况', '本局认真贯彻《条例》。'],
  ['二、主动公开政府信息情况', '见下表。'],
  ['三、收到和处理政府信息公开申请情况', '见下表。'],
  ['四、政府信息公开行政复议、行政诉讼情况', '见下表。'],
  ['五、存在的主要问题及改进情况', '人员不足，将加强培训。'],
  ['六、其他需要报告的事项', '本年度未收取信息处理费。'],
];

/** A short report: a title line, then each part's heading and body. */
export function reportText(parts: Part[], title = '某某局2021年政府信息公开工作年度报告'): string {
  return [title, ...parts.flatMap(([h, b]) => [h, b])].join('\n');
}

/** A 2021 report's title, part four's heading and table 4's three header rows, as pipe text. */
export const TABLE4_HEADER = `某某局2021年政府信息公开工作年度报告
四、政府信息公开行政复议、行政诉讼情况
行政复议 | 行政诉讼
结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉
结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计
`;

/** A 2021 report's title and part two with table 2 in full, as pipe text, and the next part's heading. */
export const TABLE2_REPORT = `某某局2021年政府信息公开工作年度报告
二、主动公开政府信息情况
第二十条第（一）项
信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数
规章 | 0 | 0 | 0
行政规范性文件 | 2 | 1 | 15
第二十条第（五）项
信息内容 | 本年处理决定数量
行政许可 | 120
第二十条第（六）项
信息内容 | 本年处理决定数量
行政处罚 | 35
行政强制 | 0
第二十条第（八）项
信息内容 | 本年收费金额（单位：万元）
行政事业性收费 | 12.5
三、收到和处理政府信息公开申请情况`;

/** A 2021 report's title and part three with table 3 in full (no requests: every cell 0), as pipe text, and the next part's heading. */
export const TABLE3_REPORT = `某某局2021年政府信息公开工作年度报告
三、收到和处理政府信息公开申请情况
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况
自然人 | 法人或其他组织 | 总计
商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他
一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0
二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0
三、本年度办理结果 | （一）予以公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0
（二）部分公开（区分处理的，只计这一情形，不计其他情形） | 0 | 0 | 0 | 0 | 0 | 0 | 0
（三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0
2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0
3.危及“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0
4.保护第三方合法权益 | 0 | 0 | 0 | 0 | 0 | 0 | 0
5.属于三类内部事务信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0
6.属于四类过程性信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0
7.属于行政执法案卷 | 0 | 0 | 0 | 0 | 0 | 0 | 0
8.属于行政查询事项 | 0 | 0 | 0 | 0 | 0 | 0 | 0
（四）无法提供 | 1.本机关不掌握相关政府信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0
2.没有现成信息需要另行制作 | 0 | 0 | 0 | 0 | 0 | 0 | 0
3.补正后申请内容仍不明确 | 0 | 0 | 0 | 0 | 0 | 0 | 0
（五）不予处理 | 1.信访举报投诉类申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0
2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0
3.要求提供公开出版物 | 0 | 0 | 0 | 0 | 0 | 0 | 0
4.无正当理由大量反复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0
5.要求行政机关确认或重新出具已获取信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0
（六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0
2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0
3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0
（七）总计 | 0 | 0 | 0 | 0 | 0 | 0 | 0
四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0
四、政府信息公开行政复议、行政诉讼情况`;
