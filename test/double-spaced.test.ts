import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/lint.js';
import { parsePlainText } from '../src/parse/plaintext.js';
import { LAYOUTS, renderReport } from './helpers/layouts.js';
import { reportModel, withChangedFigure } from './helpers/report-models.js';
import { runs } from './helpers/runs.js';
import { expectOnlyTheChangedSum } from './helpers/errors.js';

/**
 * A report with a blank line after every line: each line made a paragraph of its own on the way (a
 * web page with a `<p>` per line, copied as text, or a converter that ends every block with a blank
 * line), tables included. A table drawn with ASCII rules (`+----+`) fell apart so: its rows were read
 * one by one and its rule lines as cells, which gave a false "table missing" and "not a valid figure"
 * error for table 4.
 *
 * A table given one cell a line (`cell` / `|` / `cell` …) had its lone pipes read as cells when
 * double-spaced; they are passed over now, and its cells read in order.
 */

const ENDINGS = ['\n\n', '\r\n\r\n', '\n  \n'];

describe('a report with a blank line after every line', () => {
  it('draws no error, and a changed figure is found, in every layout, as its own file and as .md', () => {
    fc.assert(
      fc.property(reportModel, fc.constantFrom(...LAYOUTS), fc.constantFrom(...ENDINGS), fc.boolean(), (m, layout, ending, asMd) => {
        for (const [report, wrong] of [[m, false], [withChangedFigure(m, 0, 0, 7), true]] as const) {
          const r = renderReport(report, layout);
          const name = asMd ? r.filename.replace(/\.\w+$/, '.md') : r.filename;
          const messages = lintText(r.text.replace(/\n/g, ending), name).messages;
          const errors = messages.filter((x) => x.severity === 2).map((x) => `${x.line} ${x.ruleId} ${x.message}`);
          expectOnlyTheChangedSum(errors, wrong, `${layout} ${name}`);
          if (wrong) expect(messages.filter((x) => x.ruleId === 'table-missing'), `${layout} ${name}`).toEqual([]);
        }
      }),
      { numRuns: runs(30, 120) },
    );
  }, 120_000);

  it('reads a double-spaced drawing as one table of its lines, blank lines left out', () => {
    const lines = ['+----+----+', '| 甲 | 1  |', '+----+----+', '| 乙 | 2  |', '+----+----+'];
    for (const nl of ['\n', '\r\n']) {
      const text = `表一\n\n${lines.join('\n\n')}\n\n说明。`.replace(/\n/g, nl);
      const kids = parsePlainText(text).children;
      expect(kids.map((k) => k.type)).toEqual(['paragraph', 'textTable', 'paragraph']);
      const table = kids[1] as Extract<(typeof kids)[number], { type: 'textTable' }>;
      expect(table.lines.map((l) => l.text)).toEqual(lines);
      for (const l of table.lines) expect(text.slice(l.offset, l.offset + l.text.length)).toBe(l.text);
    }
  });

  it('keeps apart two drawings one blank line apart, and a drawing whose lines are not all double-spaced', () => {
    const a = ['+----+----+', '| 甲 | 1  |', '+----+----+'];
    const b = ['+----+', '| 乙 |', '+----+'];
    const two = parsePlainText([...a, '', ...b].join('\n')).children;
    expect(two.map((k) => k.type)).toEqual(['textTable', 'textTable']);
    // a rule line, a blank line, then a drawing of its own: the lone rule is no drawing
    const ruleThenTable = parsePlainText(['+----+', '', ...b].join('\n')).children;
    expect(ruleThenTable.map((k) => k.type)).toEqual(['paragraph', 'textTable']);
  });
});
