/**
 * Whole reports for the examples of the cross-report rules: a format-2021 report of one body and
 * year with its table 3 as pipe text, built from the figures an example is about.
 */

import { builtinProfiles } from '../config/profiles.js';
import { printedRows, templatesOf } from '../model/tables/template.js';

const APPLICANTS = ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'];

const T3_ROWS = printedRows(
  templatesOf(builtinProfiles().get('format-2021')!.tables).find((t) => t.kind === 'applications')!.blocks[0]!,
);

const withTotal = (v: number[]): number[] => [...v, v.reduce((a, b) => a + b, 0)];

/**
 * Table 3 as pipe text, consistent in itself: `granted` are the requests disclosed (per applicant
 * column), `carried` 上年结转, `forward` 结转下年; 新收 balances the printed relation.
 */
export function table3Text(granted: number[], carried: number[], forward: number[]): string {
  const v: Record<string, number[]> = {};
  for (const [id] of T3_ROWS) v[id] = withTotal([0, 0, 0, 0, 0, 0]);
  v.granted = withTotal(granted);
  v['results-total'] = withTotal(granted);
  v['carried-over'] = withTotal(carried);
  v['carry-forward'] = withTotal(forward);
  v.new = withTotal(granted.map((g, i) => g + forward[i]! - carried[i]!));
  const lines = ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况', '自然人 | 法人或其他组织 | 总计', APPLICANTS.join(' | ')];
  for (const [id, label, head] of T3_ROWS) lines.push([...(head ? [head] : []), label, ...v[id]!.map(String)].join(' | '));
  return lines.join('\n');
}

/** Table 2 of format-2021 as pipe text: normative documents issued, repealed and in force. */
export function table2Text(issued: number, repealed: number, inForce: number): string {
  return [
    '第二十条第（一）项',
    '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数',
    '规章 | 0 | 0 | 0',
    `行政规范性文件 | ${issued} | ${repealed} | ${inForce}`,
    '第二十条第（五）项',
    '信息内容 | 本年处理决定数量',
    '行政许可 | 12',
    '第二十条第（六）项',
    '信息内容 | 本年处理决定数量',
    '行政处罚 | 3',
    '行政强制 | 0',
    '第二十条第（八）项',
    '信息内容 | 本年收费金额（单位：万元）',
    '行政事业性收费 | 0',
  ].join('\n');
}

export interface ExampleReport {
  body: string;
  year: number;
  /** prose of part one (总体情况) */
  overview?: string;
  /** prose of part five */
  problems?: string;
  table2?: string;
  table3?: string;
}

/** A whole format-2021 report of a body for a year. */
export function exampleReport(r: ExampleReport): string {
  return [
    `${r.body}${r.year}年政府信息公开工作年度报告`,
    `本报告所列数据的统计期限自${r.year}年1月1日起至${r.year}年12月31日止。如对本报告有疑问，请联系${r.body}办公室，电话：0797-8123456。`,
    '一、总体情况',
    r.overview ?? `${r.year}年，${r.body}认真贯彻落实政务公开各项工作要求。`,
    '二、主动公开政府信息情况',
    r.table2 ?? table2Text(0, 0, 5),
    '三、收到和处理政府信息公开申请情况',
    r.table3 ?? table3Text([1, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0]),
    '四、政府信息公开行政复议、行政诉讼情况',
    '行政复议 | 行政诉讼',
    '结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉',
    '结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计',
    '0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0',
    '五、存在的主要问题及改进情况',
    r.problems ?? '工作人员业务水平有待提高，将加强培训。上一年度存在的问题已整改到位。',
    '六、其他需要报告的事项',
    '本年度未收取信息处理费。',
    r.body,
    `${r.year + 1}年1月20日`,
  ].join('\n');
}

/** Rows of the legacy statistics table an example fills: label as printed, unit, this year's figure, cumulative count. */
export type LegacyRow = [label: string, unit: string, value: number, cumulative: number];

/** The legacy statistics table as pipe text, with a column of the year's figures and one of cumulative counts (历年累计). */
export function legacyTableText(year: number, rows: LegacyRow[], columns: [string, string] = [`${year}年度`, '历年累计']): string {
  return [`指标名称 | 计量单位 | ${columns[0]} | ${columns[1]}`, ...rows.map(([label, unit, v, c]) => `${label} | ${unit} | ${v} | ${c}`)].join('\n');
}

/**
 * Legacy statistics rows consistent in themselves: `proactive` items published proactively,
 * `received` requests (in person and online), each with its cumulative count.
 */
export function legacyRows(proactive: [number, number], received: [number, number], online: [number, number]): LegacyRow[] {
  return [
    ['主动公开政府信息数', '条', proactive[0], proactive[1]],
    ['收到申请数', '件', received[0], received[1]],
    ['其中：1.当面申请数', '件', received[0] - online[0], received[1] - online[1]],
    ['2.传真申请数', '件', 0, 0],
    ['3.网络申请数', '件', online[0], online[1]],
    ['4.信函申请数', '件', 0, 0],
    ['申请办结数', '件', received[0], received[1]],
    ['行政复议数量', '件', 0, 0],
    ['行政诉讼数量', '件', 0, 0],
  ];
}

/** A whole legacy report (2008 regulation) of a body for a year, its statistics table at the end. */
export function legacyReport(r: { body: string; year: number; overview?: string; table: string }): string {
  return [
    `${r.body}${r.year}年政府信息公开工作年度报告`,
    `本报告所列数据的统计期限自${r.year}年1月1日起至${r.year}年12月31日止。如对本报告有疑问，请与${r.body}办公室联系，电话：0797-8123456。`,
    '一、概述',
    r.overview ?? `${r.year}年，${r.body}认真贯彻落实《中华人民共和国政府信息公开条例》。`,
    '二、主动公开政府信息情况',
    '全年主动公开政府信息的情况见统计表。',
    '三、依申请公开政府信息和不予公开政府信息的情况',
    '依申请公开的情况见统计表。',
    '四、政府信息公开的收费及减免情况',
    '未收取费用。',
    '五、因政府信息公开申请行政复议、提起行政诉讼的情况',
    '无。',
    '六、政府信息公开工作存在的主要问题及改进情况',
    '人员不足，将加强培训。',
    '七、政府信息公开情况统计表',
    r.table,
  ].join('\n');
}
