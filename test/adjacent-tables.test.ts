import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/lint.js';
import { renderReport, type LayoutName } from './helpers/layouts.js';
import { reportModel, withChangedFigure } from './helpers/report-models.js';
import { runs } from './helpers/runs.js';

/**
 * A report whose part three has lost its heading (and the sentence under it): tables 2 and 3 then
 * follow each other with nothing between them that ends a table, and table 2's header rows stood
 * just before table 3's rows. Read as table 3's header, they misplaced its columns, and every row of
 * table 3 drew a false `table-structure` error. The missing part is the report's defect, and the
 * only one: its tables are read as they are, and a changed figure is still found.
 */

const HEADING = '三、收到和处理政府信息公开申请情况';
const INTRO = '本年度收到和处理政府信息公开申请情况见下表。';

/** The report without part three's heading and the sentence under it, however the layout wraps them. */
function withoutPartThree(text: string): string {
  const cut = text.replace(new RegExp(`^(?:#+ |<p>)?${HEADING}(?:</p>)?\\r?\\n\\r?\\n?(?:<p>)?${INTRO}(?:</p>)?\\r?\\n`, 'm'), '');
  expect(cut).not.toBe(text);
  return cut;
}

const LAYOUTS: LayoutName[] = ['gfm', 'gfm-merged', 'html', 'pipe', 'pdf', 'pdf-ruled'];

describe('tables 2 and 3 with the heading between them missing', () => {
  for (const layout of LAYOUTS) {
    it(`are read as they are (${layout})`, () => {
      fc.assert(
        fc.property(reportModel, (m) => {
          for (const [report, wrong] of [[m, false], [withChangedFigure(m, 0, 3, 6), true]] as const) {
            const { text, filename } = renderReport(report, layout);
            const ms = lintText(withoutPartThree(text), filename).messages;
            const errors = [...new Set(ms.filter((x) => x.severity === 2).map((x) => x.ruleId ?? ''))].sort();
            expect(ms.filter((x) => x.ruleId === 'table-structure' || x.ruleId === 'table-missing')).toEqual([]);
            // the missing part, and the changed figure's sums: nothing else
            const sums: string[] = errors.filter((id) => id === 'table-sum' || id === 'table-balance');
            expect(errors.filter((id) => id !== 'section-order' && !sums.includes(id))).toEqual(['required-sections']);
            expect(sums.includes('table-sum')).toBe(wrong);
          }
        }),
        { numRuns: runs(4, 15) },
      );
    }, 120_000);
  }
});
