import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/lint.js';
import { renderReport, type LayoutName } from './helpers/layouts.js';
import { reportModel, withChangedFigure } from './helpers/report-models.js';

/*
 * Tables whose cells are cut by tabs: what a table in Word or on a web page gives when it is copied
 * into a text file. The reports of the layouts that come as rows of cells (pipe rows, GFM tables,
 * table 4's header merged, and tables 3 and 4 cut into one small table per row group, with the
 * placeholder headers and the repeated header a conversion tool writes), their cells cut by tabs or
 * by runs of spaces instead, with blank lines between the lines, a tab before or after each row,
 * Windows line ends. A correct report draws no error; a figure of table 3 changed after its sums
 * were made is found, or the table is said to be one that cannot be checked.
 */

/** The rows of cells of a rendered report, their cells cut by `gap` (the Markdown delimiter rows left out). */
function cutBy(text: string, gap: string): string {
  return text
    .split('\n')
    .filter((l) => !(/^\|[\s:|-]+\|$/.test(l) && l.includes('-')))
    .map((l) => (/^\|.*\|\s*$/.test(l) ? l.trim().slice(1, -1).split('|').map((c) => c.trim()).join(gap) : l))
    .join('\n');
}

const rows = (text: string, f: (row: string) => string): string =>
  text
    .split('\n')
    .map((l) => (l.includes('\t') ? f(l) : l))
    .join('\n');

const VARIANTS: Record<string, (text: string) => string> = {
  tabs: (t) => cutBy(t, '\t'),
  'tabs, blank lines between the lines': (t) => cutBy(t, '\t').replace(/\n/g, '\n\n'),
  'tabs, a blank line after each row': (t) => rows(cutBy(t, '\t'), (l) => `${l}\n`),
  'tabs, one after each row': (t) => rows(cutBy(t, '\t'), (l) => `${l}\t`),
  'tabs, one before each row': (t) => rows(cutBy(t, '\t'), (l) => `\t${l}`),
  'tabs, Windows line ends': (t) => cutBy(t, '\t').replace(/\n/g, '\r\n'),
  'four spaces': (t) => cutBy(t, '    '),
  // (a conversion tool that writes no placeholder header over each piece, only the one before the totals)
  'tabs, no placeholder headers': (t) =>
    cutBy(t, '\t')
      .split('\n')
      .filter((l) => !l.startsWith('类别\t数据1'))
      .join('\n'),
};
const LAYOUTS: LayoutName[] = ['pipe', 'gfm', 'gfm-merged', 'gfm-pieces'];

describe('tables cut by tabs (copied into a text file)', () => {
  const models = fc.sample(reportModel, { numRuns: 10, seed: 4646 });

  it('draw no error on correct reports, in either format', () => {
    expect(new Set(models.map((m) => m.generation)).size).toBe(2);
    const errors: string[] = [];
    for (const m of models) {
      for (const layout of LAYOUTS) {
        const rendered = renderReport(m, layout).text;
        for (const [name, variant] of Object.entries(VARIANTS)) {
          for (const e of lintText(variant(rendered), 'report.txt').messages.filter((x) => x.severity === 2)) errors.push(`${m.generation} ${layout}, ${name}: ${e.ruleId} ${e.message}`);
        }
      }
    }
    expect(errors).toEqual([]);
  });

  it('find a changed figure of table 3, or say that the table cannot be checked', () => {
    const missed: string[] = [];
    let found = 0;
    for (const m of models) {
      for (const layout of LAYOUTS) {
        const rendered = renderReport(withChangedFigure(m, 0, 0, 7), layout).text;
        for (const [name, variant] of Object.entries(VARIANTS)) {
          const messages = lintText(variant(rendered), 'report.txt').messages;
          const others = messages.filter((x) => x.severity === 2 && x.ruleId !== 'table-sum');
          expect(others, `${layout}, ${name}`).toEqual([]);
          if (messages.some((x) => x.ruleId === 'table-sum' && x.severity === 2)) found++;
          else if (!messages.some((x) => (x.ruleId === 'table-missing' || x.ruleId === 'table-structure') && x.message.includes('收到和处理政府信息公开申请情况'))) missed.push(`${m.generation} ${layout}, ${name}`);
        }
      }
    }
    expect(missed).toEqual([]);
    // most layouts read right: the changed figure is found, not only said to be unchecked
    expect(found).toBeGreaterThan(models.length * (LAYOUTS.length - 1) * Object.keys(VARIANTS).length * 0.9);
  });
});
