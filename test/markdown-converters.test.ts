import fc from 'fast-check';
import TurndownService from 'turndown';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/lint.js';
import { readBuffer } from '../src/read/index.js';
import { consistentT3, consistentT4, renderReport, someT2 } from './helpers/layouts.js';
import { reportModel, withChangedFigure } from './helpers/report-models.js';
import { runs } from './helpers/runs.js';
import { gfm } from 'turndown-plugin-gfm';

/**
 * Web pages turned into Markdown by turndown, the converter crawlers and "save as Markdown" tools
 * use, saved as `.md` or `.txt`: titles underlined with `=` or marked with `#`, and with its GFM
 * plugin the tables with merged cells (tables 2, 3 and 4 all have some) kept as HTML inside the
 * Markdown. And the article's HTML alone, without the page around it, as a content system stores
 * it. Each must read as the page itself does: the same findings, none on a consistent report, the
 * sum error on one with a changed figure.
 */

const converters: Record<string, (html: string) => string> = {
  'turndown': (html) => new TurndownService().turndown(html),
  'turndown, headings with #': (html) => new TurndownService({ headingStyle: 'atx' }).turndown(html),
  'turndown with GFM tables': (html) => new TurndownService().use(gfm).turndown(html),
  'turndown with GFM tables, headings with #': (html) => new TurndownService({ headingStyle: 'atx' }).use(gfm).turndown(html),
  "the article's HTML alone": (html) => /<body>([\s\S]*)<\/body>/.exec(html)![1]!.trim(),
};

/** Findings without their places: a converted text has lines of its own. */
const findings = (text: string, name: string): string[] =>
  lintText(text, name)
    .messages.map((m) => `${m.severity} ${m.ruleId} ${m.message}`)
    .sort();

describe('a web page converted to Markdown, or its article alone', () => {
  for (const [converter, convert] of Object.entries(converters)) {
    it(`reads as the page does (${converter})`, () => {
      fc.assert(
        fc.property(reportModel, (m) => {
          for (const [report, wrong] of [[m, false], [withChangedFigure(m, 2, 1, 4), true]] as const) {
            const html = renderReport(report, 'html').text;
            const page = findings(html, 'report.html');
            if (wrong) expect(page.some((f) => f.startsWith('2 table-sum '))).toBe(true);
            else expect(page).toEqual([]);
            const text = convert(html);
            for (const name of ['report.md', 'report.txt']) expect(findings(text, name), name).toEqual(page);
          }
        }),
        { numRuns: runs(4, 40) },
      );
    }, 120_000);
  }

  it('is read as what it is, whatever its name', () => {
    const html = renderReport({ generation: 'format-2021', t2: someT2('format-2021', [1]), t3: consistentT3('format-2021', [[1, 0, 0, 0, 0, 0]], [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0]), t4: consistentT4([[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]) }, 'html').text;
    expect(readBuffer(Buffer.from(converters['turndown with GFM tables']!(html)), 'report.txt').kind).toBe('markdown');
    expect(readBuffer(Buffer.from(converters["the article's HTML alone"]!(html)), 'report.txt').kind).toBe('html');
    // turndown without its tables plugin writes the tables' cells as lines of text: plain text
    expect(readBuffer(Buffer.from(converters['turndown']!(html)), 'report.txt').kind).toBe('text');
  });
});
