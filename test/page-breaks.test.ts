import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/lint.js';
import { renderReport, type LayoutName, type ReportModel } from './helpers/layouts.js';
import { repeatHeaderLines, splitGfmTable, splitHtmlTable } from './helpers/page-breaks.js';
import { reportModel, withChangedFigure } from './helpers/report-models.js';
import { runs } from './helpers/runs.js';
import { expectOnlyTheChangedSum } from './helpers/errors.js';

/**
 * Table 3 cut by a page break (./helpers/page-breaks.ts). Such tables drew false errors:
 *
 * - in the text of a PDF whose table repeats its header on the new page, the header's words read
 *   as rows: 其他 and 总计 name columns of table 3 and rows of its 2021 form alike, so 总计 became
 *   （七）总计 a second time ("does not add up") or 其他 a second 3.其他 ("row given twice");
 * - in Markdown and HTML with one table a page, the second part's rows could not be placed by the
 *   header's positions, and every row whose label stands in the first column had "9 cells, 7
 *   expected".
 */

const CUTS = [/二、上年结转/, /不予公开/, /无法提供/, /不予处理/, /总计/, /四、结转/];

/** The errors for the report and for it with a changed figure: none, and the changed figure's sum. */
function expectChecked(m: ReportModel, layout: LayoutName, cut: (text: string) => string, what: string, ext?: string): void {
  for (const [report, wrong] of [[m, false], [withChangedFigure(m, 0, 0, 7), true]] as const) {
    const r = renderReport(report, layout);
    const text = cut(r.text);
    expect(text, `${what}: the table is cut`).not.toBe(r.text);
    const messages = lintText(text, ext ? r.filename.replace(/\.\w+$/, ext) : r.filename).messages;
    const errors = messages.filter((x) => x.severity === 2).map((x) => `${x.line} ${x.ruleId} ${x.message}`);
    expectOnlyTheChangedSum(errors, wrong, what);
    if (wrong) expect(messages.filter((x) => x.ruleId === 'table-missing'), what).toEqual([]);
  }
}

describe('table 3 cut by a page break', () => {
  it('with its header again in the text of a PDF or in pipe rows, as .txt and .md, its header words as the form has them or not', () => {
    fc.assert(
      fc.property(
        reportModel,
        fc.constantFrom<LayoutName>('pdf', 'pipe'),
        fc.constantFrom(...CUTS),
        fc.constantFrom(undefined, '— 3 —', '- 3 -'),
        fc.constantFrom('.txt', '.md'),
        fc.boolean(),
        (m, layout, at, page, ext, otherWording) => {
          const cut = (t: string): string => {
            const again = repeatHeaderLines(t, at, page);
            // (法人或者其他组织: a wording of the header the form does not have)
            return otherWording ? again.replace(/法人或其他组织/g, '法人或者其他组织') : again;
          };
          expectChecked(m, layout, cut, `${layout} ${m.generation} ${m.labels} ${at.source} ${page} ${ext} ${otherWording}`, ext);
        },
      ),
      { numRuns: runs(40, 160) },
    );
  }, 120_000);

  it('in Markdown as two tables, the second under the header again or under its own first row', () => {
    fc.assert(
      fc.property(reportModel, fc.constantFrom<LayoutName>('gfm', 'gfm-merged'), fc.constantFrom(...CUTS), fc.boolean(), (m, layout, at, withHeader) => {
        expectChecked(m, layout, (t) => splitGfmTable(t, at, withHeader), `${layout} ${at.source} header ${withHeader}`);
      }),
      { numRuns: runs(30, 120) },
    );
  }, 120_000);

  it('in HTML as two tables, cells spanning the cut cut too', () => {
    fc.assert(
      fc.property(reportModel, fc.constantFrom<LayoutName>('html', 'html-blank'), fc.constantFrom(...CUTS), fc.boolean(), fc.boolean(), (m, layout, at, withHeader, repeat) => {
        expectChecked(m, layout, (t) => splitHtmlTable(t, at, withHeader, repeat), `${layout} ${at.source} header ${withHeader} repeat ${repeat}`);
      }),
      { numRuns: runs(30, 120) },
    );
  }, 120_000);
});
