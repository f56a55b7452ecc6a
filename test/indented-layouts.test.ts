import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/lint.js';
import { renderReport, type LayoutName } from './helpers/layouts.js';
import { reportModel, withChangedFigure } from './helpers/report-models.js';
import { runs } from './helpers/runs.js';

/**
 * A report in plain text whose every line is indented alike: two full-width spaces (the indent of a
 * Chinese paragraph, kept by a Word document's export on every line, its tables' too), no-break
 * spaces (a web page's `&nbsp;&nbsp;`) or spaces. A
 * table drawn with ASCII rules (`+----+`) so indented was not seen as a drawing, and its wrapped
 * header was misread as a wrong label, an error.
 */

const LAYOUTS: LayoutName[] = ['pipe', 'cell-per-line', 'pdf', 'pdf-vertical', 'pdf-ruled', 'drawn', 'one-line'];
const INDENTS = ['\u3000\u3000', '  ', '\u3000', '\u00a0\u00a0'];

describe('a report whose every line is indented alike', () => {
  it('draws no error, and a changed figure is found, in every text layout, as .txt and .md', () => {
    fc.assert(
      fc.property(reportModel, fc.constantFrom(...LAYOUTS), fc.constantFrom(...INDENTS), fc.constantFrom('report.txt', 'report.md'), (m, layout, indent, name) => {
        for (const [report, wrong] of [[m, false], [withChangedFigure(m, 0, 0, 7), true]] as const) {
          const text = renderReport(report, layout).text.replace(/^(?=\S)/gm, indent);
          const messages = lintText(text, name).messages;
          const errors = messages.filter((x) => x.severity === 2).map((x) => `${x.line} ${x.ruleId} ${x.message}`);
          if (!wrong) {
            expect(errors, layout).toEqual([]);
            continue;
          }
          expect(errors.some((e) => / table-sum /.test(e)), `${layout}: ${errors.join('; ')}`).toBe(true);
          expect(errors.filter((e) => !/ table-sum /.test(e)), layout).toEqual([]);
          expect(messages.filter((x) => x.ruleId === 'table-missing'), layout).toEqual([]);
        }
      }),
      { numRuns: runs(20, 80) },
    );
  }, 120_000);

  it('reads a table drawn with ASCII rules so indented', () => {
    fc.assert(
      fc.property(reportModel, fc.constantFrom(...INDENTS), (m, indent) => {
        const text = renderReport(m, 'drawn').text.replace(/^(?=\S)/gm, indent);
        expect(lintText(text, 'report.txt').messages.filter((x) => x.severity === 2)).toEqual([]);
        expect(lintText(renderReport(withChangedFigure(m, 1, 2, 3), 'drawn').text.replace(/^(?=\S)/gm, indent), 'report.txt').messages.some((x) => x.ruleId === 'table-sum' && x.severity === 2)).toBe(true);
      }),
      { numRuns: runs(6, 20) },
    );
  });
});
