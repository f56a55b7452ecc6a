import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorLines, expectOnlyTheChangedSum } from './helpers/errors.js';
import { LAYOUTS, renderReport, type LayoutName } from './helpers/layouts.js';
import { reportModel, withChangedFigure } from './helpers/report-models.js';
import { runs } from './helpers/runs.js';

/**
 * Figures of a thousand and more written with a comma between the thousands (1,668), as some
 * reports of big bodies write their totals. In the text of a PDF the comma read as a sentence's, and
 * the rows holding such a figure were left out of the table: false "row missing" errors.
 */

/** every figure of four digits or more, outside dates and phone numbers, with its thousands marked */
function withThousands(text: string): string {
  return text.replace(/(?<![\d.-])(\d{1,3})(\d{3})(?![\d年月日-])/g, '$1,$2');
}

// (drawings are left out: a comma more in a cell would put its rule out of line, as no tool draws it)
const LAID_OUT: LayoutName[] = LAYOUTS.filter((l) => l !== 'drawn' && l !== 'pdf-ruled');

describe('figures with their thousands marked by commas', () => {
  it('are read in every layout: no error, and a changed figure is found', () => {
    fc.assert(
      fc.property(reportModel, fc.constantFrom(...LAID_OUT), (m, layout) => {
        for (const [report, wrong] of [[m, false], [withChangedFigure(m, 0, 0, 7), true]] as const) {
          const r = renderReport(report, layout);
          const text = withThousands(r.text);
          expectOnlyTheChangedSum(errorLines(text, r.filename), wrong, layout);
        }
      }),
      { numRuns: runs(30, 120) },
    );
  }, 120_000);

  it('the generated reports hold such figures', () => {
    const texts = fc.sample(reportModel, { numRuns: 10, seed: 1 }).map((m) => withThousands(renderReport(m, 'pdf').text));
    expect(texts.filter((t) => /\d,\d{3}/.test(t)).length).toBeGreaterThan(5);
  });
});
