import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintDocument, lintText } from '../src/lint.js';
import { readBytes } from '../src/read/index.js';
import { renderReport, type ReportModel } from './helpers/layouts.js';
import { reportModel, withChangedFigure, withChangedReview } from './helpers/report-models.js';
import { reportToDocx } from './helpers/docx.js';
import { runs } from './helpers/runs.js';

/**
 * Tables 3 and 4 cut into one small table per row group (as PDF converters write them), each
 * piece under a line that names its group or row. The layout `gfm-pieces` marks those lines as
 * Markdown headings; an official's Word document or a converter's text sets them in bold, or as
 * ordinary paragraphs. Such a line, read as a row with no figures, left the table unchecked. However
 * the titles are set, the tables must read the same: no finding on a consistent report, the sum
 * error on one with a changed figure.
 */

/** The changed figure: none, a leaf of table 3, or a figure of table 4 (its totals then fail). */
const change = fc.constantFrom('none', 't3', 't4');

function changed(m: ReportModel, what: string): ReportModel {
  if (what === 't3') return withChangedFigure(m, 1, 2, 5);
  if (what === 't4') return withChangedReview(m, 1, 0, 3);
  return m;
}

/** How the lines that name the pieces (and the report's parts) are set. */
const titles: Record<string, (md: string) => string> = {
  'in bold': (md) => md.replace(/^#+ (.*)$/gm, '**$1**'),
  'as ordinary paragraphs': (md) => md.replace(/^#+ (.*)$/gm, '$1\n'),
};

const errors = (ms: { severity: number; ruleId: string | null }[]): (string | null)[] => [...new Set(ms.filter((m) => m.severity === 2).map((m) => m.ruleId))].sort();

describe('tables cut into pieces under lines that name them', () => {
  for (const [how, restyle] of Object.entries(titles)) {
    for (const name of ['report.md', 'report.txt']) {
      it(`are read whole when the lines are set ${how} (${name})`, () => {
        fc.assert(
          fc.property(reportModel, change, (m, what) => {
            const text = restyle(renderReport(changed(m, what), 'gfm-pieces').text);
            const ms = lintText(text, name).messages;
            if (what === 'none') expect(ms).toEqual([]);
            else expect(errors(ms)).toEqual(['table-sum']);
          }),
          { numRuns: runs(8, 25) },
        );
      }, 120_000);
    }
  }

  it('are read whole in a Word document whose lines are ordinary paragraphs', async () => {
    await fc.assert(
      fc.asyncProperty(reportModel, change, async (m, what) => {
        const text = titles['as ordinary paragraphs']!(renderReport(changed(m, what), 'gfm-pieces').text);
        const ms = lintDocument(await readBytes(await reportToDocx(text, true), 'report.docx')).messages;
        if (what === 'none') expect(ms).toEqual([]);
        else expect(errors(ms)).toEqual(['table-sum']);
      }),
      { numRuns: runs(4, 12) },
    );
  }, 120_000);
});
