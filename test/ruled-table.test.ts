/**
 * Tables drawn with rules in text, read back by their geometry (src/model/ruled-table.ts): any grid
 * of cells with spans, drawn in every style and width convention, reads as the grid it was drawn from.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ruledTableToGrid } from '../src/model/ruled-table.js';
import { parsePlainText } from '../src/parse/plaintext.js';
import type { TextTable } from '../src/parse/plaintext.js';
import { drawRuled, type DrawnCell, type DrawnGrid, type RuleStyle, type WidthModel } from './helpers/ruled.js';
import { runs } from './helpers/runs.js';

const LABELS = ['信息内容', '规章', '行政规范性文件', '三、本年度办理结果', '（三）不予公开', '1.属于国家秘密', '申请人情况', '法人或其他组织', '自然人', '总计', '其他', '（七）总计', '结果维持'];

/** A grid whose every row and column has a cell starting in it (spans never reach the last row or column). */
const gridArb = (headerRulesOnly: boolean): fc.Arbitrary<DrawnGrid> =>
  fc
    .record({
      rows: fc.integer({ min: 2, max: 7 }),
      cols: fc.integer({ min: 2, max: 6 }),
      seed: fc.array(fc.nat(), { minLength: 64, maxLength: 64 }),
    })
    .map(({ rows, cols, seed }) => {
      let n = 0;
      const next = (): number => seed[n++ % seed.length]!;
      const taken: boolean[][] = Array.from({ length: rows }, () => new Array<boolean>(cols).fill(false));
      const cells: DrawnCell[] = [];
      // (in a drawing ruled around its header only, the rows under the header have no spans and a figure at their end)
      const header = headerRulesOnly ? 1 + (next() % 2) : rows;
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          if (taken[r]![c]) continue;
          let rowSpan = 1;
          let colSpan = 1;
          if (r < rows - 1 && c < cols - 1 && r < header - 1) {
            rowSpan = 1 + (next() % Math.min(3, header - 1 - r));
            colSpan = 1 + (next() % Math.min(3, cols - 1 - c));
            // (a span over a cell already placed is cut back)
            while (colSpan > 1 && taken[r]!.slice(c, c + colSpan).some(Boolean)) colSpan--;
            while (rowSpan > 1 && taken.slice(r, r + rowSpan).some((row) => row.slice(c, c + colSpan).some(Boolean))) rowSpan--;
          }
          for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) taken[r + dr]![c + dc] = true;
          const pick = next() % 10;
          const figureCell = r >= header && c === cols - 1;
          const text = figureCell || (r >= header && pick < 5) ? String(next() % 2000) : pick < 2 ? '' : LABELS[next() % LABELS.length]!;
          cells.push({ row: r, col: c, rowSpan, colSpan, text });
        }
      }
      return { rows, cols, cells, header } as DrawnGrid & { header: number };
    });

const styleArb = fc.constantFrom<RuleStyle>('light', 'heavy', 'double', 'ascii');
const widthsArb = fc.constantFrom<WidthModel>('display', 'display-wide-rules', 'characters');

function table(lines: string[]): TextTable {
  let offset = 0;
  const out = lines.map((text) => {
    const l = { text, offset };
    offset += text.length + 1;
    return l;
  });
  return { type: 'textTable', lines: out, position: { start: { line: 1, column: 1, offset: 0 }, end: { line: lines.length, column: 1, offset } } };
}

/** The grid as read: each slot's text, and where a span starts. */
function readBack(lines: string[]): { text: string; origin?: { row: number; col: number } }[][] | undefined {
  const g = ruledTableToGrid(table(lines), 0);
  return g?.rows.map((row) => row.map((c) => (c.origin ? { text: c.text.text, origin: c.origin } : { text: c.text.text })));
}

function expected(grid: DrawnGrid): { text: string; origin?: { row: number; col: number } }[][] {
  const out: { text: string; origin?: { row: number; col: number } }[][] = Array.from({ length: grid.rows }, () => []);
  for (const c of grid.cells) {
    for (let r = c.row; r < c.row + c.rowSpan; r++) {
      for (let k = c.col; k < c.col + c.colSpan; k++) out[r]![k] = r === c.row && k === c.col ? { text: c.text } : { text: c.text, origin: { row: c.row, col: c.col } };
    }
  }
  return out;
}

/** Column widths: wide enough for the rows drawn a line each; even where box-drawing characters take two columns. */
function widthsFor(grid: DrawnGrid & { header?: number }, raw: number[], model: WidthModel, oneLine: boolean): number[] {
  return Array.from({ length: grid.cols }, (_, k) => {
    let w = 4 + (raw[k]! % 10);
    if (oneLine) for (const c of grid.cells) if (c.col === k && c.colSpan === 1 && c.row >= (grid.header ?? 0)) w = Math.max(w, model === 'characters' ? [...c.text].length : c.text.length * 2);
    return model === 'display-wide-rules' && w % 2 ? w + 1 : w;
  });
}

describe('tables drawn with rules', () => {
  it('any grid with spans, drawn in any style and width convention, reads back as drawn', () => {
    fc.assert(
      fc.property(gridArb(false), styleArb, widthsArb, fc.array(fc.nat(), { minLength: 6, maxLength: 6 }), fc.nat({ max: 4 }), (grid, style, widths, raw, indent) => {
        if (style === 'ascii' && widths === 'display-wide-rules') widths = 'display';
        const lines = drawRuled(grid, { style, widths, columnWidths: widthsFor(grid, raw, widths, false), indent });
        expect(readBack(lines), lines.join('\n')).toEqual(expected(grid));
      }),
      { numRuns: runs(200, 2000) },
    );
  });

  it('a drawing ruled around its header only reads a row a line under it', () => {
    fc.assert(
      fc.property(gridArb(true), styleArb, fc.array(fc.nat(), { minLength: 6, maxLength: 6 }), (grid, style, raw) => {
        const g = grid as DrawnGrid & { header: number };
        fc.pre(g.rows - g.header >= 2);
        const widths: WidthModel = style === 'ascii' ? 'characters' : 'display';
        const lines = drawRuled(g, { style, widths, columnWidths: widthsFor(g, raw, widths, true), headerRulesOnly: true, headerRows: g.header });
        expect(readBack(lines), lines.join('\n')).toEqual(expected(g));
      }),
      { numRuns: runs(100, 1000) },
    );
  });

  it('a figure wrapped in a narrow column of a drawing ruled between its rows stays one figure', () => {
    const lines = ['┌──────┬──┬──┐', '│规章  │15│7 │', '│      │22│  │', '├──────┼──┼──┤', '│其他  │3 │1 │', '├──────┼──┼──┤', '│总计  │4 │8 │', '├──────┼──┼──┤', '│合计  │5 │9 │', '└──────┴──┴──┘'];
    expect(readBack(lines)?.map((r) => r.map((c) => c.text))).toEqual([
      ['规章', '1522', '7'],
      ['其他', '3', '1'],
      ['总计', '4', '8'],
      ['合计', '5', '9'],
    ]);
  });

  it('a drawing whose rules do not line up is not read as one (its text is left to the other readers)', () => {
    expect(readBack(['┌────┬────┐', '│规章│ 1 │', '│其他 │ 2  │', '└────┴────┘'])).toBeUndefined();
  });

  it('the parser makes one table of the drawing, from its top rule to its bottom one', () => {
    const text = ['二、主动公开政府信息情况', '   ┌────┬──┐', '   │规章│1 │', '   └────┴──┘', '三、收到和处理政府信息公开申请情况', '+----+---+', '|规章|1  |', '+----+---+', '| 不是表格'].join('\n');
    const tree = parsePlainText(text);
    const tables = tree.children.filter((c) => c.type === 'textTable') as TextTable[];
    expect(tables.map((t) => t.lines.length)).toEqual([3, 3]);
    expect(tree.children.filter((c) => c.type === 'paragraph')).toHaveLength(3);
  });
});
