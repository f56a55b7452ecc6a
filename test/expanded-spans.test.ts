import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import { errorLines, expectOnlyTheChangedSum } from './helpers/errors.js';
import { renderReport } from './helpers/layouts.js';
import { reportModel, withChangedFigure } from './helpers/report-models.js';

/**
 * Tables whose merged cells a converter wrote out in every place they cover, as pandas.read_html
 * does (and some HTML and Word converters): a title over four columns four times, a row label over
 * three columns three times, a figure under a header word over two columns twice. Made here from
 * the HTML rendering of a report, its rowspans and colspans expanded, and written out as GFM, as
 * pipe rows, and as HTML without spans. A right report draws no error, and a changed figure of
 * table 3 breaks its sum and nothing else.
 */

/** An HTML table's grid with each spanned cell's text repeated in every place it covers. */
function expand(table: string): string[][] {
  const grid: string[][] = [];
  [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].forEach((tr, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const m of tr[1]!.matchAll(/<t([dh])([^>]*)>([\s\S]*?)<\/t\1>/g)) {
      const text = m[3]!.replace(/<[^>]+>/g, '').trim();
      const rowspan = Number(/rowspan="(\d+)"/.exec(m[2]!)?.[1] ?? 1);
      const colspan = Number(/colspan="(\d+)"/.exec(m[2]!)?.[1] ?? 1);
      while (grid[r]![c] !== undefined) c++;
      for (let i = 0; i < rowspan; i++) for (let j = 0; j < colspan; j++) (grid[r + i] ??= [])[c + j] = text;
      c += colspan;
    }
  });
  return grid;
}

const width = (g: string[][]): number => Math.max(...g.map((r) => r.length));
const cellsOf = (g: string[][], r: string[]): string[] => Array.from({ length: width(g) }, (_, i) => r[i] ?? '');
const pipeLine = (cells: string[]): string => `| ${cells.join(' | ')} |`;

const WRITERS = {
  /** pandas' to_markdown: the header, its delimiter row, the rows */
  gfm: (g: string[][]): string => [pipeLine(cellsOf(g, g[0]!)), `|${' --- |'.repeat(width(g))}`, ...g.slice(1).map((r) => pipeLine(cellsOf(g, r)))].join('\n'),
  /** the same without a delimiter row: lines of pipe-separated cells */
  'pipe rows': (g: string[][]): string => g.map((r) => pipeLine(cellsOf(g, r))).join('\n'),
  /** pandas' to_html: every place a cell of its own */
  html: (g: string[][]): string => `<table>${g.map((r) => `<tr>${cellsOf(g, r).map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n')}</table>`,
};

describe.each(Object.keys(WRITERS) as (keyof typeof WRITERS)[])('merged cells written out in every place, %s', (writer) => {
  it.each(['format-2019', 'format-2021'])('%s', (gen) => {
    fc.assert(
      fc.property(reportModel.filter((x) => x.generation === gen), fc.boolean(), fc.nat({ max: 119 }), fc.boolean(), (m, wrong, k, numbered) => {
        const model = wrong ? withChangedFigure(m, k % 5, k % 6, 1 + (k % 3)) : m;
        const html = renderReport(model, 'html').text;
        // (pandas heads a table whose header it does not find with the numbers of its columns)
        const grids = [...html.matchAll(/<table[\s\S]*?<\/table>/g)].map((t) => expand(t[0])).map((g) => (numbered ? [g[0]!.map((_, i) => String(i)), ...g] : g));
        let text: string;
        let name: string;
        if (writer === 'html') {
          let t = 0;
          text = html.replace(/<table[\s\S]*?<\/table>/g, () => WRITERS.html(grids[t++]!));
          name = 'r.html';
        } else {
          const blocks = renderReport(model, 'gfm').text.split('\n\n');
          let t = 0;
          text = blocks.map((b) => (b.startsWith('|') ? WRITERS[writer](grids[t++]!) : b)).join('\n\n');
          expect(t).toBe(grids.length);
          name = 'r.md';
        }
        expectOnlyTheChangedSum(errorLines(text, name), wrong, text);
      }),
      { numRuns: 20, seed: 20261207 },
    );
  });
});
