/**
 * Official tables built from values and rendered in each layout real reports arrive in, for
 * the table tests: GFM Markdown, pipe-separated text (label cells merged into the row) and
 * HTML with rowspan/colspan as the official form prints them.
 */

import { builtinProfiles } from '../src/config/profiles.js';
import { printedRows, templatesOf } from '../src/model/tables/template.js';

export type Layout = 'gfm' | 'pipe' | 'html';

export const T3_COLUMNS = ['natural-person', 'business', 'research', 'public-interest', 'legal-service', 'other', 'total'] as const;

/** Table 3 rows of format-2021 in order: [id, label, heading label when it is a group's first item]. */
export const T3_ROWS = printedRows(
  templatesOf(builtinProfiles().get('format-2021')!.tables).find((t) => t.kind === 'applications')!.blocks[0]!,
);

export const T3_LEAVES = T3_ROWS.map((r) => r[0]).filter((id) => !['new', 'carried-over', 'results-total', 'carry-forward'].includes(id));

/** Values of table 3 by row and column (six applicant columns; totals derived). */
export type T3Values = Record<string, number[]>;

/**
 * A consistent table 3 from the outcome leaves, 上年结转 and 结转下年 of each applicant column:
 * 总计 columns and （七）总计 are sums, 新收 balances the printed relation.
 */
export function consistentT3(leaves: number[][], carried: number[], forward: number[]): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  const withTotal = (v: number[]): number[] => [...v, v.reduce((a, b) => a + b, 0)];
  T3_LEAVES.forEach((id, i) => (out[id] = withTotal(leaves[i]!)));
  const results = [0, 1, 2, 3, 4, 5].map((c) => T3_LEAVES.reduce((a, id) => a + out[id]![c]!, 0));
  out['results-total'] = withTotal(results);
  out['carried-over'] = withTotal(carried);
  out['carry-forward'] = withTotal(forward);
  // 一 = （七） + 四 − 二, kept ≥ 0 by the generator
  out['new'] = withTotal(results.map((r, c) => r + forward[c]! - carried[c]!));
  return out;
}

const HEADER_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
const APPLICANTS = ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'];

export function renderT3(v: Record<string, number[]>, layout: Layout): string {
  const vals = (id: string): string[] => v[id]!.map(String);
  if (layout === 'pipe') {
    const lines = [`${HEADER_NOTE} | 申请人情况`, '自然人 | 法人或其他组织 | 总计', APPLICANTS.join(' | ')];
    for (const [id, label, head] of T3_ROWS) lines.push([...(head ? [head] : []), label, ...vals(id)].join(' | '));
    return lines.join('\n');
  }
  if (layout === 'gfm') {
    const lines = [
      `| ${HEADER_NOTE} | | 自然人 | ${APPLICANTS.join(' | ')} | 总计 |`,
      `|${' --- |'.repeat(9)}`,
    ];
    for (const [id, label, head] of T3_ROWS) lines.push(`| ${head ?? ''} | ${label} | ${vals(id).join(' | ')} |`);
    return lines.join('\n');
  }
  // HTML as the official form: the label column spans, headings span their items
  const td = (s: string, attrs = ''): string => `<td${attrs}>${s}</td>`;
  const rows: string[] = [
    `<tr>${td(HEADER_NOTE, ' rowspan="3" colspan="3"')}${td('申请人情况', ' colspan="7"')}</tr>`,
    `<tr>${td('自然人', ' rowspan="2"')}${td('法人或其他组织', ' colspan="5"')}${td('总计', ' rowspan="2"')}</tr>`,
    `<tr>${APPLICANTS.map((a) => td(a)).join('')}</tr>`,
  ];
  const spans: Record<string, number> = { '三、本年度办理结果': 22, '（三）不予公开': 8, '（四）无法提供': 3, '（五）不予处理': 5, '（六）其他处理': 3 };
  for (const [id, label, head] of T3_ROWS) {
    const cells = vals(id).map((x) => td(x)).join('');
    if (id === 'new' || id === 'carried-over' || id === 'carry-forward') rows.push(`<tr>${td(label, ' colspan="3"')}${cells}</tr>`);
    else if (id === 'granted') rows.push(`<tr>${td(head!, ' rowspan="22"')}${td(label, ' colspan="2"')}${cells}</tr>`);
    else if (head) rows.push(`<tr>${td(head, ` rowspan="${spans[head]}"`)}${td(label)}${cells}</tr>`);
    else if (id === 'partly-granted' || id === 'results-total') rows.push(`<tr>${td(label, ' colspan="2"')}${cells}</tr>`);
    else rows.push(`<tr>${td(label)}${cells}</tr>`);
  }
  return `<table>${rows.join('\n')}</table>`;
}

export const T4_GROUPS = ['review', 'direct-suit', 'suit-after-review'] as const;
export const T4_OUTCOMES = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
const OUTCOME_LABELS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

/** Table 4 from each group's four outcomes; totals derived. */
export function consistentT4(groups: number[][]): number[][] {
  return groups.map((g) => [...g, g.reduce((a, b) => a + b, 0)]);
}

export function renderT4(v: number[][], layout: Layout): string {
  const flat = v.flat().map(String);
  if (layout === 'pipe') {
    return [
      '行政复议 | 行政诉讼',
      `${OUTCOME_LABELS.join(' | ')} | 未经复议直接起诉 | 复议后起诉`,
      [...OUTCOME_LABELS, ...OUTCOME_LABELS, ...OUTCOME_LABELS].join(' | '),
      flat.join(' | '),
    ].join('\n');
  }
  if (layout === 'gfm') {
    const groupRow = ['行政复议', '', '', '', '', '未经复议直接起诉', '', '', '', '', '复议后起诉', '', '', '', ''];
    return [
      `| ${groupRow.join(' | ')} |`,
      `|${' --- |'.repeat(15)}`,
      `| ${[...OUTCOME_LABELS, ...OUTCOME_LABELS, ...OUTCOME_LABELS].join(' | ')} |`,
      `| ${flat.join(' | ')} |`,
    ].join('\n');
  }
  const td = (s: string, attrs = ''): string => `<td${attrs}>${s}</td>`;
  return `<table>
<tr>${td('行政复议', ' colspan="5"')}${td('行政诉讼', ' colspan="10"')}</tr>
<tr>${OUTCOME_LABELS.map((o) => td(o, ' rowspan="2"')).join('')}${td('未经复议直接起诉', ' colspan="5"')}${td('复议后起诉', ' colspan="5"')}</tr>
<tr>${[...OUTCOME_LABELS, ...OUTCOME_LABELS].map((o) => td(o)).join('')}</tr>
<tr>${flat.map((x) => td(x)).join('')}</tr>
</table>`;
}

/** Table 2 of format-2021 with fixed values (it has no sums). */
export function renderT2(layout: Layout): string {
  const blocks: [string, string[], [string, string[]][]][] = [
    ['第二十条第（一）项', ['本年制发件数', '本年废止件数', '现行有效件数'], [['规章', ['0', '0', '0']], ['行政规范性文件', ['2', '1', '15']]]],
    ['第二十条第（五）项', ['本年处理决定数量'], [['行政许可', ['120']]]],
    ['第二十条第（六）项', ['本年处理决定数量'], [['行政处罚', ['35']], ['行政强制', ['0']]]],
    ['第二十条第（八）项', ['本年收费金额（单位：万元）'], [['行政事业性收费', ['12.5']]]],
  ];
  if (layout === 'pipe') return blocks.flatMap(([title, cols, rows]) => [title, `信息内容 | ${cols.join(' | ')}`, ...rows.map(([l, v]) => `${l} | ${v.join(' | ')}`)]).join('\n');
  if (layout === 'gfm') {
    const pad = (a: string[]): string[] => [...a, '', '', ''].slice(0, 4);
    const out = ['| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |', '| --- | --- | --- | --- |'];
    blocks.forEach(([title, cols, rows], i) => {
      if (i === 0) out.push(`| ${title} | | | |`);
      else out.push(`| ${title} | | | |`, `| ${pad(['信息内容', ...cols]).join(' | ')} |`);
      for (const [l, v] of rows) out.push(`| ${pad([l, ...v]).join(' | ')} |`);
    });
    return out.join('\n');
  }
  const td = (x: string, attrs = ''): string => `<td${attrs}>${x}</td>`;
  const rows = blocks.flatMap(([title, cols, rs]) => [
    `<tr>${td(title, ' colspan="4"')}</tr>`,
    `<tr>${td('信息内容')}${cols.map((c) => td(c, cols.length === 1 ? ' colspan="3"' : '')).join('')}</tr>`,
    ...rs.map(([l, v]) => `<tr>${td(l)}${v.map((x) => td(x, v.length === 1 ? ' colspan="3"' : '')).join('')}</tr>`),
  ]);
  return `<table>${rows.join('\n')}</table>`;
}

/** A whole format-2021 report around the tables, in one layout. */
export function report2021(t3: string, t4: string, layout: Layout): { text: string; filename: string } {
  const parts = [
    ['某某县某某局2021年政府信息公开工作年度报告', 'title'],
    ['一、总体情况', 'h'],
    ['本局认真贯彻《条例》，本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。', 'p'],
    ['二、主动公开政府信息情况', 'h'],
    ['本年度主动公开政府信息情况见下表。', 'p'],
    [renderT2(layout), 'table'],
    ['三、收到和处理政府信息公开申请情况', 'h'],
    [t3, 'table'],
    ['四、政府信息公开行政复议、行政诉讼情况', 'h'],
    [t4, 'table'],
    ['五、存在的主要问题及改进情况', 'h'],
    ['人员不足，将加强培训。', 'p'],
  ] as const;
  if (layout === 'html') {
    const body = parts.map(([t, k]) => (k === 'table' ? t : k === 'title' ? `<h1>${t}</h1>` : `<p>${t}</p>`)).join('\n');
    return { text: `<!DOCTYPE html><html><head><meta charset="utf-8"><title>年报</title></head><body>\n${body}\n</body></html>`, filename: 'report.html' };
  }
  return { text: parts.map(([t]) => t).join('\n\n'), filename: layout === 'gfm' ? 'report.md' : 'report.txt' };
}
