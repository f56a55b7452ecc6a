import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { lintText } from '../src/lint.js';
import { repoRoot } from './helpers/corpus.js';

/**
 * The statistics table of the legacy format (政府信息公开情况统计表: 统计指标 | 单位 | 统计数) in the
 * layouts reports give it: the real report of seed 002 (one cell per line), its table laid out
 * again in each of them. A right table draws no error; a figure changed (当面申请数 one more) breaks
 * the sum 收到申请数 = 当面 + 传真 + 网络 + 信函, and that is found.
 */

const seed = readFileSync(path.join(repoRoot, 'fixtures/corpus/seeds/002_7a6cba6d02a39fa6.txt'), 'utf8');
const tableAt = seed.indexOf('统计指标');
const before = seed.slice(0, tableAt);
/** the table's rows, [label, unit, figure], from its cells (each followed by a line holding `|`) */
const ROWS: string[][] = (() => {
  const cells: string[] = [];
  let cur: string[] = [];
  for (const l of seed.slice(tableAt).split('\n')) {
    if (l.trim() === '|') {
      cells.push(cur.join(''));
      cur = [];
    } else cur.push(l);
  }
  const rows: string[][] = [];
  for (let i = 0; i < cells.length; i += 3) rows.push(cells.slice(i, i + 3));
  return rows;
})();

type Rendered = { text: string; name: string };
const txt = (lines: string[]): Rendered => ({ text: `${before}${lines.join('\n')}\n`, name: 'r.txt' });
const htmlPage = (rows: string[][]): Rendered => ({
  text: `<html><body>${before
    .split('\n')
    .map((l) => `<p>${l}</p>`)
    .join('\n')}<table>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n')}</table></body></html>`,
  name: 'r.html',
});
const gfmPage = (rows: string[][]): Rendered => ({
  text: `${before.replace(/\n/g, '\n\n')}\n\n| ${rows[0]!.join(' | ')} |\n|${'---|'.repeat(rows[0]!.length)}\n${rows
    .slice(1)
    .map((r) => `| ${r.join(' | ')} |`)
    .join('\n')}\n`,
  name: 'r.md',
});
/** the rows with a first column numbering them (序号) */
const numbered = (rows: string[][]): string[][] => rows.map((r, i) => [i === 0 ? '序号' : String(i), ...r]);

const LAYOUTS: Record<string, (rows: string[][]) => Rendered> = {
  'pipe rows': (rs) => txt(rs.map((r) => r.join(' | '))),
  'pipe rows with outer pipes': (rs) => txt(rs.map((r) => `| ${r.join(' | ')} |`)),
  'GFM table': gfmPage,
  'HTML table': htmlPage,
  'columns set apart by spaces (PDF text)': (rs) => txt(rs.map((r) => r.filter((c) => c !== '').join('    '))),
  'tab-separated': (rs) => txt(rs.map((r) => r.join('\t'))),
  'one cell per line, no separators': (rs) => txt(rs.flat()),
  'no unit column': (rs) => txt(rs.map((r) => `${r[0]} | ${r[2]}`)),
  'the unit in the label': (rs) => txt(rs.map((r, i) => `${r[0]}${r[1] && i > 0 ? `（${r[1]}）` : ''} | ${r[2]}`)),
  'the unit after the figure': (rs) => txt(rs.map((r, i) => (i === 0 ? '统计指标 | 统计数' : `${r[0]} | ${r[2]}${r[2] ? r[1] : ''}`))),
  'numbered rows, pipe rows': (rs) => txt(numbered(rs).map((r) => r.join(' | '))),
  'numbered rows, GFM table': (rs) => gfmPage(numbered(rs)),
  'numbered rows, HTML table': (rs) => htmlPage(numbered(rs)),
  'numbered rows, columns set apart by spaces': (rs) => txt(numbered(rs).map((r) => r.filter((c) => c !== '').join('    '))),
  // a crawler's dump: the whole page on one line, the table's cells between bars
  'the whole report on one line, cells between bars': (rs) => ({ text: `${before.replace(/\n+/g, ' ')}| ${rs.map((r) => r.join(' | ')).join(' | ')} |\n`, name: 'r.txt' }),
  'the whole report on one line, one cell per line joined': (rs) => ({ text: `${before.replace(/\n+/g, ' ')}${rs.flat().join(' | ')} |\n`, name: 'r.txt' }),
};

const errors = (r: Rendered): string[] =>
  lintText(r.text, r.name)
    .messages.filter((m) => m.severity === 2)
    .map((m) => `${m.line} ${m.ruleId} ${m.message}`);
const withChange = (rows: string[][]): string[][] => rows.map((r) => (r[0]!.includes('1.当面申请数') ? [r[0]!, r[1]!, String(Number(r[2]) + 1)] : r));

describe.each(Object.keys(LAYOUTS))('%s', (layout) => {
  it('a right table draws no error', () => {
    expect(ROWS.length).toBe(66);
    expect(errors(LAYOUTS[layout]!(ROWS))).toEqual([]);
  });
  it('a changed figure breaks its sum, and only that', () => {
    const found = errors(LAYOUTS[layout]!(withChange(ROWS)));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/ table-sum “收到申请数”不符合/);
  });
});
