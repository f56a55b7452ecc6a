import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/lint.js';
import { renderReport, type LayoutName, type ReportModel } from './helpers/layouts.js';
import { reportModel, withChangedFigure, withChangedReview } from './helpers/report-models.js';
import { runs } from './helpers/runs.js';

/**
 * A report whose headings are lines in bold (`**四、政府信息公开行政复议、行政诉讼情况**`, as editors
 * and converters write them) and whose tables are drawn with rules or written as pipe rows without
 * a GFM delimiter row, with no blank line between a table and the bold line after it. It is
 * Markdown (saved as `.md`, or as `.txt` and read as Markdown for its bold lines), and Markdown
 * makes the table and the bold line one paragraph: the table was not read, and table 4 was
 * reported missing (a false error). The lines in bold are read as Markdown and the table's lines
 * as a table: the tables are read, and a changed figure is found.
 */

const HEADINGS = /^(?:[一二三四五六]、|第[一二三四五六]部分).{2,30}$/gm;

const changes: [string, (m: ReportModel) => ReportModel][] = [
  ['table 3', (m) => withChangedFigure(m, 4, 5, 1)],
  ['table 4', (m) => withChangedReview(m, 1, 1, 2)],
];

describe('tables glued to a line in bold', () => {
  for (const layout of ['drawn', 'pipe'] as LayoutName[]) {
    for (const ext of ['md', 'txt']) {
      it(`are read (${layout}, .${ext})`, () => {
        fc.assert(
          fc.property(reportModel, fc.constantFrom(...changes), (m, [, change]) => {
            for (const [report, wrong] of [[m, false], [change(m), true]] as const) {
              const { text } = renderReport(report, layout);
              const bold = text.replace(HEADINGS, (h) => `**${h}**`);
              expect(bold).toContain('**四、');
              const ms = lintText(bold, `report.${ext}`).messages;
              expect(ms.filter((x) => x.ruleId === 'table-missing' || x.ruleId === 'table-structure' || x.ruleId === 'required-sections')).toEqual([]);
              const errors = [...new Set(ms.filter((x) => x.severity === 2).map((x) => x.ruleId ?? ''))];
              expect(errors.filter((id) => id !== 'table-balance')).toEqual(wrong ? ['table-sum'] : []);
            }
          }),
          { numRuns: runs(2, 6) },
        );
      }, 120_000);
    }
  }
});
