import { MappedText } from '../util/mapped-text.js';
import { displayWidth } from '../util/width.js';
import type { TextTable } from '../parse/plaintext.js';
import { cleanCellText } from './text-table.js';
import type { RawCell, RawTable } from './types.js';

/**
 * Tables drawn with rules in text: box-drawing characters (`┌──┬──┐`, `│`, `├──┼──┤`, as a text
 * browser such as w3m or a console tool prints a web page's bordered table) or ASCII grids (`+---+`,
 * `|`, as pandoc's grid tables and many database tools write them). The rules give the geometry
 * exactly, so the table is read as an HTML table is: each cell is the area its rules enclose, its
 * text the lines inside joined, with its row and column spans; a cell wrapped over several lines
 * (`（二）部分公开（区分处理的，只计这一情形，不计其` / `他情形）`), a header printed a character a
 * line in a narrow column (`自` / `然` / `人`) and a label merged down several rows (`三、本年度` /
 * `办理结果`) are one cell each.
 *
 * Columns are placed by display width, a Chinese character taking two columns and a box-drawing
 * character one (as text browsers and terminals print them), or two where the table lines up only
 * so (tools that print them full-width). Lines between two rules are one row, unless two of them
 * hold a figure alone in the same column: then each line is a row (a grid ruled only around its
 * header, as database tools print one).
 *
 * A drawing whose rules do not line up is not read here (undefined): it is then read as the text it is.
 */

const HORIZONTAL = new Set([0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x254c, 0x254d, 0x2550, 0x2574, 0x2576, 0x2578, 0x257a, 0x257c, 0x257e]);

/** ─ ━ ═ and the dashed forms (`-`, `=` in an ASCII grid): a horizontal rule */
function isHorizontal(c: string, ascii: boolean): boolean {
  return ascii ? c === '-' || c === '=' : HORIZONTAL.has(c.charCodeAt(0));
}

/** Box-drawing characters: U+2500 to U+257F. */
export function isBoxChar(c: number): boolean {
  return c >= 0x2500 && c <= 0x257f;
}

/** Any part of a rule: a line, a corner, a junction (`+` in an ASCII grid). */
function isRule(c: string, ascii: boolean): boolean {
  return ascii ? c === '+' || c === '-' || c === '=' || c === '|' || c === ':' : isBoxChar(c.charCodeAt(0));
}

/** Where a vertical rule stands on a line of rules: a corner, a junction, a vertical rule. */
function isJunction(c: string, ascii: boolean): boolean {
  return ascii ? c === '+' || c === '|' : isBoxChar(c.charCodeAt(0)) && !HORIZONTAL.has(c.charCodeAt(0));
}

/**
 * A line of rules only: `┌───┬───┐`, `├───┼───┤`, `+----+----+`, `|----+----|`, or of rules and
 * the blank of a cell merged across it (`│      ├────┤`). (An ASCII rule has a `+`: `| --- | --- |`
 * is a Markdown table's delimiter row.)
 */
export function isRuleLine(s: string, ascii: boolean): boolean {
  const t = s.trim();
  if (t.length < 3) return false;
  let horizontal = 0;
  let plus = false;
  for (const ch of t) {
    if (ch === ' ' || ch === '\u3000' || ch === '\u00a0') continue;
    if (!isRule(ch, ascii)) return false;
    if (isHorizontal(ch, ascii)) horizontal++;
    else if (ch === '+') plus = true;
  }
  return horizontal >= 2 && isJunction(t[0]!, ascii) && (!ascii || plus);
}

/** Whether a text table is drawn with rules (and with which: box-drawing characters or ASCII). */
export function ruledKind(tt: TextTable): 'box' | 'ascii' | undefined {
  let box = 0;
  let ascii = 0;
  for (const l of tt.lines) {
    if (isRuleLine(l.text, false)) box++;
    else if (isRuleLine(l.text, true)) ascii++;
  }
  if (box >= 2 && box >= ascii) return 'box';
  if (ascii >= 2) return 'ascii';
  return undefined;
}

interface Glyph {
  ch: string;
  /** offset in the source */
  at: number;
}

/**
 * How wide characters are printed: by display width, box-drawing characters one column (text
 * browsers, terminals) or two (tools printing them full-width); or every character one column
 * (tools that count characters, not columns).
 */
type Widths = 'display' | 'display-wide-rules' | 'characters';
const WIDTHS: readonly Widths[] = ['display', 'display-wide-rules', 'characters'];

/** A line as columns: each column holds the character starting there (wide ones leave the next column undefined). */
function columnsOf(text: string, offset: number, widths: Widths): (Glyph | undefined)[] {
  const out: (Glyph | undefined)[] = [];
  let i = 0;
  for (const ch of text) {
    const w = ch === '\t' || widths === 'characters' ? 1 : isBoxChar(ch.charCodeAt(0)) ? (widths === 'display' ? 1 : 2) : displayWidth(ch);
    out.push({ ch, at: offset + i });
    for (let k = 1; k < w; k++) out.push(undefined);
    i += ch.length;
  }
  return out;
}

const FIGURE = /^[0-9０-９][0-9０-９,，.]*$/;

/**
 * The largest drawing read by its rules: a report's tables have tens of rows and a few dozen
 * columns; a drawing far larger (a hostile or broken file) is left to the other readers, whose cost
 * grows with the text alone.
 */
const MAX_LINES = 2000;
const MAX_LINE_LENGTH = 1000;

/** A ruled text table as a grid (see above), or undefined when its rules do not line up. */
export function ruledTableToGrid(tt: TextTable, blockIndex: number): RawTable | undefined {
  if (tt.lines.length > MAX_LINES || tt.lines.some((l) => l.text.length > MAX_LINE_LENGTH)) return undefined;
  const kind = ruledKind(tt);
  if (!kind) return undefined;
  const ascii = kind === 'ascii';
  for (const widths of WIDTHS) {
    if (ascii && widths === 'display-wide-rules') continue;
    const grid = readRuled(tt, blockIndex, ascii, widths);
    if (grid) return grid;
  }
  return undefined;
}

function readRuled(tt: TextTable, blockIndex: number, ascii: boolean, widths: Widths): RawTable | undefined {
  // the drawing: from its first rule line to its last
  const first = tt.lines.findIndex((l) => isRuleLine(l.text, ascii));
  let last = tt.lines.length - 1;
  while (last > first && !isRuleLine(tt.lines[last]!.text, ascii)) last--;
  if (first < 0 || last - first < 2) return undefined;
  const lines = tt.lines.slice(first, last + 1);
  const cols = lines.map((l) => columnsOf(l.text, l.offset, widths));
  const at = (y: number, x: number): string | undefined => cols[y]![x]?.ch;

  // where vertical rules stand: the junctions of the rule lines
  const xs = new Set<number>();
  lines.forEach((l, y) => {
    if (!isRuleLine(l.text, ascii)) return;
    cols[y]!.forEach((g, x) => {
      if (g && isJunction(g.ch, ascii)) xs.add(x);
    });
  });
  const bounds = [...xs].sort((a, b) => a - b);
  if (bounds.length < 2) return undefined;
  // every vertical rule of a line of text stands where a rule line has a junction: else the drawing does not line up
  for (let y = 0; y < lines.length; y++) {
    for (let x = 0; x < cols[y]!.length; x++) {
      const c = at(y, x);
      if (c !== undefined && isJunction(c, ascii) && !xs.has(x)) return undefined;
    }
  }
  const segs = bounds.length - 1;
  const isBoundary = (y: number, k: number): boolean => {
    const c = at(y, bounds[k]!);
    return c !== undefined && isJunction(c, ascii);
  };
  // a segment of a line is a border when it is all horizontal rule
  const border: boolean[][] = lines.map((_, y) =>
    Array.from({ length: segs }, (_, s) => {
      let any = false;
      for (let x = bounds[s]! + 1; x < bounds[s + 1]!; x++) {
        const c = at(y, x);
        if (c === undefined) continue;
        if (!isHorizontal(c, ascii)) return false;
        any = true;
      }
      return any;
    }),
  );
  const segText = (y: number, s: number): string => {
    let t = '';
    for (let x = bounds[s]! + 1; x < bounds[s + 1]!; x++) t += at(y, x) ?? '';
    return t.trim();
  };
  // the bands of lines between rules: in a drawing ruled around its header only, as database tools
  // print one, a band holds many rows, a line each; in a drawing ruled between its rows, a band with
  // a figure on two lines holds one figure wrapped in a narrow column (152 / 2)
  const figureAt = (y: number, s: number): boolean => FIGURE.test(segText(y, s));
  const bands: { from: number; to: number; stacked: boolean; figures: boolean }[] = [];
  for (let y = 0, from = 0; y <= lines.length; y++) {
    if (y < lines.length && !border[y]!.some(Boolean)) continue;
    if (y > from) {
      let stacked = false;
      let figures = false;
      for (let k = from; k < y; k++) {
        for (let s = 0; s < segs; s++) {
          if (!figureAt(k, s)) continue;
          figures = true;
          if (k + 1 < y && figureAt(k + 1, s)) stacked = true;
        }
      }
      bands.push({ from, to: y, stacked, figures });
    }
    from = y + 1;
  }
  const single = bands.filter((b) => b.figures && !b.stacked).length;
  const stacked = bands.filter((b) => b.stacked).length;
  const rowRuled = single >= 3 && single >= 2 * stacked;
  // (split.has(y): a row ends after line y)
  const split = new Set<number>();
  if (!rowRuled) for (const b of bands) if (b.stacked) for (let k = b.from; k + 1 < b.to; k++) split.add(k);

  // cells: on each line, runs of segments with no rule between them; a run joins the run of the line
  // above with the same extent (a line whose rules stand elsewhere is another row, though the
  // drawing left out the rule between)
  interface Cell {
    top: number;
    bottom: number;
    left: number;
    right: number;
  }
  const cells: Cell[] = [];
  let open = new Map<string, Cell>();
  for (let y = 0; y < lines.length; y++) {
    const now = new Map<string, Cell>();
    for (let s = 0; s < segs; s++) {
      if (border[y]![s]) continue;
      let e = s;
      while (e + 1 < segs && !border[y]![e + 1] && !isBoundary(y, e + 1)) e++;
      const key = `${s}:${e}`;
      const above = y > 0 && !split.has(y - 1) ? open.get(key) : undefined;
      if (above) above.bottom = y;
      const cell = above ?? { top: y, bottom: y, left: s, right: e };
      if (!above) cells.push(cell);
      now.set(key, cell);
      s = e;
    }
    open = now;
  }
  if (cells.length === 0) return undefined;

  // rows and columns of the grid: where cells start; a cell spans the starts within it
  const tops = [...new Set(cells.map((c) => c.top))].sort((a, b) => a - b);
  const lefts = [...new Set(cells.map((c) => c.left))].sort((a, b) => a - b);
  const within = (starts: number[], from: number, to: number): number => starts.filter((v) => v >= from && v <= to).length;
  const nRows = tops.length;
  const nCols = lefts.length;
  const grid: (RawCell | undefined)[][] = Array.from({ length: nRows }, () => new Array<RawCell | undefined>(nCols));
  for (const c of cells.sort((a, b) => a.top - b.top || a.left - b.left)) {
    const r = tops.indexOf(c.top);
    const k = lefts.indexOf(c.left);
    const rowSpan = within(tops, c.top, c.bottom);
    const colSpan = within(lefts, c.left, c.right);
    const text = cellText(cols, c, bounds, ascii);
    const range = text.text ? { start: text.toSource(0), end: text.toSource(text.text.length - 1) + 1 } : emptyRange(cols, c, bounds);
    const cell: RawCell = { text, range };
    if (rowSpan > 1) cell.rowSpan = rowSpan;
    if (colSpan > 1) cell.colSpan = colSpan;
    for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) grid[r + dr]![k + dc] = dr === 0 && dc === 0 ? cell : { text, range, origin: { row: r, col: k } };
  }
  const rows: RawCell[][] = [];
  for (const row of grid) {
    const out: RawCell[] = [];
    for (let k = 0; k < nCols; k++) {
      const c = row[k];
      // (every slot is some cell's: the cells are rectangles between the cuts)
      if (!c) return undefined;
      out.push(c);
    }
    rows.push(out);
  }
  const lastLine = lines[lines.length - 1]!;
  const range = { start: lines[0]!.offset, end: lastLine.offset + lastLine.text.length };
  return { rows, range, layout: 'ruled-text', blockIndex };
}

/** A cell's text: its lines inside the rules, top to bottom, joined with line breaks (which cleaning makes spaces or nothing). */
function cellText(cols: (Glyph | undefined)[][], c: { top: number; bottom: number; left: number; right: number }, bounds: number[], ascii: boolean): MappedText {
  let text = '';
  const src: number[] = [];
  for (let y = c.top; y <= c.bottom; y++) {
    let line = '';
    const at: number[] = [];
    for (let x = bounds[c.left]! + 1; x < bounds[c.right + 1]!; x++) {
      const g = cols[y]![x];
      if (!g) continue;
      // a rule inside a cell is a boundary the cell spans over (a cell merged across it): left out
      if (isRule(g.ch, ascii) && !(ascii && (g.ch === '-' || g.ch === '=' || g.ch === ':'))) continue;
      for (let i = 0; i < g.ch.length; i++) {
        line += g.ch[i];
        at.push(g.at + i);
      }
    }
    const trimmed = line.trim();
    if (!trimmed) continue;
    const from = line.indexOf(trimmed);
    // a cell's lines are its text wrapped to the column: joined as written, with a space between words
    // only (`2` + `.其他法律` is `2.其他法律`, `15` + `22` is `1522`)
    if (text && /[A-Za-z]$/.test(text) && /^[A-Za-z]/.test(trimmed)) {
      text += ' ';
      src.push(src[src.length - 1]!);
    }
    text += trimmed;
    for (let i = 0; i < trimmed.length; i++) src.push(at[from + i]!);
  }
  return cleanCellText(mapped(text, src));
}

function mapped(text: string, src: number[]): MappedText {
  const segs: { t: number; s: number; len: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const last = segs[segs.length - 1];
    if (last && last.s + last.len === src[i]) last.len++;
    else segs.push({ t: i, s: src[i]!, len: 1 });
  }
  return new MappedText(text, segs);
}

/** Where an empty cell is: just after the rule on its first line. */
function emptyRange(cols: (Glyph | undefined)[][], c: { top: number; left: number }, bounds: number[]): { start: number; end: number } {
  const g = cols[c.top]![bounds[c.left]!];
  const at = g ? g.at + g.ch.length : 0;
  return { start: at, end: at };
}
