import fc from 'fast-check';
import TurndownService from 'turndown';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/lint.js';
import { readBuffer } from '../src/read/index.js';
import { consistentT3, consistentT4, LABEL_STYLES, renderReport, someT2, t3Leaves, type Gen, type ReportModel } from './helpers/layouts.js';
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

const count = fc.nat({ max: 30 });
const model = fc
  .record({
    gen: fc.constantFrom<Gen>('format-2019', 'format-2021'),
    leaves: fc.array(fc.array(count, { minLength: 6, maxLength: 6 }), { minLength: 5, maxLength: 5 }),
    carried: fc.array(fc.nat({ max: 5 }), { minLength: 6, maxLength: 6 }),
    forward: fc.array(fc.nat({ max: 5 }), { minLength: 6, maxLength: 6 }),
    t4: fc.array(fc.array(count, { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 3 }),
    t2: fc.array(fc.nat({ max: 500 }), { minLength: 3, maxLength: 3 }),
    labels: fc.constantFrom(...LABEL_STYLES),
  })
  .map((x): ReportModel => ({ generation: x.gen, t2: someT2(x.gen, x.t2), t3: consistentT3(x.gen, x.leaves, x.carried, x.forward), t4: consistentT4(x.t4), labels: x.labels }));

/** The same report with a figure of table 3 changed after its sums were made. */
function changed(m: ReportModel): ReportModel {
  const t3 = structuredClone(m.t3);
  t3[t3Leaves(m.generation)[2]!]![1]! += 4;
  return { ...m, t3 };
}

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
        fc.property(model, (m) => {
          for (const [report, wrong] of [[m, false], [changed(m), true]] as const) {
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
