import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/lint.js';
import { LAYOUTS, renderReport, type ReportModel } from './helpers/layouts.js';
import { reportModel, withChangedFigure, withChangedReview } from './helpers/report-models.js';
import { runs } from './helpers/runs.js';

/**
 * A report that has lost one part's heading (and the sentence under it) between two tables: the
 * tables then follow each other with nothing between them that ends a table.
 *
 * - Part three missing: table 2's header rows stood just before table 3's rows; read as table 3's
 *   header, they misplaced its columns, and every row of table 3 drew a false `table-structure`
 *   error. In text out of a PDF, the wrapped label of table 3's 三、本年度办理结果 (`三、本`, or
 *   `三、本年度  （四）无法` with the next column's words) was then taken for part three's heading,
 *   which cut table 3 in two and drew false "row missing" errors.
 * - Part four missing: table 3's reading ran on into table 4's header, whose 总计 under 行政复议
 *   and 行政诉讼 it took for its own （七）总计 again ("“总计”行重复出现", three false errors), and
 *   table 4 was left unread.
 *
 * The missing part is the report's defect, and the only one: both tables are read as they are,
 * and a figure changed in either is still found.
 */

const PARTS = {
  three: { heading: '三、收到和处理政府信息公开申请情况', change: (m: ReportModel) => withChangedFigure(m, 0, 3, 6) },
  four: { heading: '四、政府信息公开行政复议、行政诉讼情况', change: (m: ReportModel) => withChangedReview(m, 0, 0, 5) },
};

/** The report without a part's heading and the sentence under it, however the layout marks them. */
function withoutPart(text: string, heading: string): string {
  let at = text.indexOf(heading);
  expect(at).toBeGreaterThan(0);
  const mark = /(?:#+ |<p>)$/.exec(text.slice(Math.max(0, at - 8), at));
  if (mark) at -= mark[0].length;
  let end = text.indexOf('。', at + heading.length) + 1;
  if (text.startsWith('</p>', end)) end += 4;
  if (text[end] === '\n') end++;
  return text.slice(0, at) + text.slice(end);
}

describe('two tables with the part heading between them missing', () => {
  for (const [part, { heading, change }] of Object.entries(PARTS)) {
    for (const layout of LAYOUTS) {
      it(`are read as they are: part ${part}, ${layout}`, () => {
        fc.assert(
          fc.property(reportModel, (m) => {
            for (const [report, wrong] of [[m, false], [change(m), true]] as const) {
              const { text, filename } = renderReport(report, layout);
              const ms = lintText(withoutPart(text, heading), filename).messages;
              const errors = [...new Set(ms.filter((x) => x.severity === 2).map((x) => x.ruleId ?? ''))].sort();
              expect(ms.filter((x) => x.ruleId === 'table-structure' || x.ruleId === 'table-missing')).toEqual([]);
              // the missing part, and the changed figure's sums: nothing else
              const sums: string[] = errors.filter((id) => id === 'table-sum' || id === 'table-balance');
              expect(errors.filter((id) => id !== 'section-order' && !sums.includes(id))).toEqual(['required-sections']);
              expect(sums.includes('table-sum')).toBe(wrong);
            }
          }),
          { numRuns: runs(2, 3) },
        );
      }, 120_000);
    }
  }
});
