import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintDocument, lintText } from '../src/lint.js';
import { readBytes } from '../src/read/index.js';
import { consistentT3, consistentT4, LABEL_STYLES, renderReport, someT2, t3Leaves, type Gen, type ReportModel } from './helpers/layouts.js';
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

const count = fc.nat({ max: 30 });
const model = fc
  .record({
    gen: fc.constantFrom<Gen>('format-2019', 'format-2021'),
    leaves: fc.array(fc.array(count, { minLength: 6, maxLength: 6 }), { minLength: 5, maxLength: 5 }),
    carried: fc.array(fc.nat({ max: 5 }), { minLength: 6, maxLength: 6 }),
    forward: fc.array(fc.nat({ max: 5 }), { minLength: 6, maxLength: 6 }),
    t4: fc.array(fc.array(count, { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 3 }),
    labels: fc.constantFrom(...LABEL_STYLES),
  })
  .map((x): ReportModel => ({ generation: x.gen, t2: someT2(x.gen, [3, 0, 7]), t3: consistentT3(x.gen, x.leaves, x.carried, x.forward), t4: consistentT4(x.t4), labels: x.labels }));

/** The changed figure: none, a leaf of table 3, or a figure of table 4 (its totals then fail). */
const change = fc.constantFrom('none', 't3', 't4');

function changed(m: ReportModel, what: string): ReportModel {
  if (what === 't3') m.t3[t3Leaves(m.generation)[1]!]![2]! += 5;
  if (what === 't4') m.t4[1]![0]! += 3;
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
          fc.property(model, change, (m, what) => {
            const text = restyle(renderReport(changed(m, what), 'gfm-pieces').text);
            const ms = lintText(text, name).messages;
            if (what === 'none') expect(ms).toEqual([]);
            else expect(errors(ms)).toEqual(['table-sum']);
          }),
          { numRuns: runs(8, 60) },
        );
      }, 120_000);
    }
  }

  it('are read whole in a Word document whose lines are ordinary paragraphs', async () => {
    await fc.assert(
      fc.asyncProperty(model, change, async (m, what) => {
        const text = titles['as ordinary paragraphs']!(renderReport(changed(m, what), 'gfm-pieces').text);
        const ms = lintDocument(await readBytes(await reportToDocx(text, true), 'report.docx')).messages;
        if (what === 'none') expect(ms).toEqual([]);
        else expect(errors(ms)).toEqual(['table-sum']);
      }),
      { numRuns: runs(4, 30) },
    );
  }, 120_000);
});
