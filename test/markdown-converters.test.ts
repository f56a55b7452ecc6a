import fc from 'fast-check';
import TurndownService from 'turndown';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
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
  // (Markdown then reads each element as a block of raw HTML of its own)
  "the article's HTML alone, a blank line between its elements": (html) => /<body>([\s\S]*)<\/body>/.exec(html)![1]!.trim().replace(/>\n</g, '>\n\n<'),
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
        { numRuns: runs(4, 15) },
      );
    }, 120_000);
  }

  it('reads a table in HTML written over several blocks of Markdown, blank lines between its rows', () => {
    const md = readFileSync(path.join(import.meta.dirname, '../fixtures/samples/2021-qinghe-clean.md'), 'utf8');
    const row = (cells: string[], attrs: string[] = []): string => `<tr>${cells.map((c, i) => `<td${attrs[i] ?? ''}>${c}</td>`).join('')}</tr>`;
    const outcomes = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
    const table4 = (review: number[]): string =>
      [
        '<table>',
        row(['行政复议', '行政诉讼'], [' colspan="5"', ' colspan="10"']),
        '',
        row([...outcomes, '未经复议直接起诉', '复议后起诉'], [...outcomes.map(() => ' rowspan="2"'), ' colspan="5"', ' colspan="5"']),
        '',
        row([...outcomes, ...outcomes]),
        '',
        row([...review, ...Array<number>(10).fill(0)].map(String)),
        '</table>',
        '',
      ].join('\n');
    const at = md.indexOf('| 行政复议 |');
    const end = md.indexOf('## 五、');
    expect(at).toBeGreaterThan(0);
    const written = (review: number[]): string => md.slice(0, at) + table4(review) + '\n' + md.slice(end);
    expect(lintText(written([1, 0, 0, 0, 1]), 'report.md').messages).toEqual([]);
    const wrong = written([1, 0, 0, 0, 2]);
    const found = lintText(wrong, 'report.md').messages;
    expect(found.map((m) => `${m.ruleId} ${m.expected} ${m.actual}`)).toEqual(['table-sum 1 2']);
    // placed on the cell that holds the total, in the Markdown file's own lines
    const lines = wrong.split('\n');
    const line = lines.findIndex((l) => l.startsWith('<tr><td>1</td><td>0</td><td>0</td><td>0</td><td>2</td>'));
    expect(found[0]!.line).toBe(line + 1);
    expect(lines[line]!.slice(found[0]!.column - 1, found[0]!.endColumn! - 1)).toContain('2');
  });

  it('is read as what it is, whatever its name', () => {
    const html = renderReport({ generation: 'format-2021', t2: someT2('format-2021', [1]), t3: consistentT3('format-2021', [[1, 0, 0, 0, 0, 0]], [0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0]), t4: consistentT4([[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]) }, 'html').text;
    expect(readBuffer(Buffer.from(converters['turndown with GFM tables']!(html)), 'report.txt').kind).toBe('markdown');
    expect(readBuffer(Buffer.from(converters["the article's HTML alone"]!(html)), 'report.txt').kind).toBe('html');
    // turndown without its tables plugin writes the tables' cells as lines of text: plain text
    expect(readBuffer(Buffer.from(converters['turndown']!(html)), 'report.txt').kind).toBe('text');
  });
});
