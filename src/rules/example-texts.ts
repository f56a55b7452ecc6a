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
