/**
 * Tables drawn with rules in text, as text browsers and converters draw them: any grid of cells
 * with row and column spans, in box-drawing characters (light, heavy, double) or ASCII, columns
 * counted by display width (box-drawing characters one column or two) or by characters, each
 * cell's text wrapped to its width, rules between every row or only under the header.
 */
import { displayWidth } from '../../src/util/width.js';

export interface DrawnCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
}

export interface DrawnGrid {
  rows: number;
  cols: number;
  cells: DrawnCell[];
}

export type RuleStyle = 'light' | 'heavy' | 'double' | 'ascii';
export type WidthModel = 'display' | 'display-wide-rules' | 'characters';

export interface DrawOptions {
  style: RuleStyle;
  widths: WidthModel;
  /** interior width of each column, in the model's units */
  columnWidths: number[];
  /** rules only around the header (the first `headerRows` rows) and at the bottom, as database tools draw */
  headerRulesOnly?: boolean;
  headerRows?: number;
  /** spaces before each line */
  indent?: number;
}

/** junction characters by arms [up, down, left, right] */
const JUNCTIONS: Record<Exclude<RuleStyle, 'ascii'>, { h: string; v: string; j: Record<string, string> }> = {
  light: { h: '─', v: '│', j: { '0101': '┌', '0111': '┬', '0110': '┐', '1101': '├', '1111': '┼', '1110': '┤', '1001': '└', '1011': '┴', '1010': '┘', '1100': '│', '0011': '─' } },
  heavy: { h: '━', v: '┃', j: { '0101': '┏', '0111': '┳', '0110': '┓', '1101': '┣', '1111': '╋', '1110': '┫', '1001': '┗', '1011': '┻', '1010': '┛', '1100': '┃', '0011': '━' } },
  double: { h: '═', v: '║', j: { '0101': '╔', '0111': '╦', '0110': '╗', '1101': '╠', '1111': '╬', '1110': '╣', '1001': '╚', '1011': '╩', '1010': '╝', '1100': '║', '0011': '═' } },
};

function widthOf(s: string, model: WidthModel): number {
  if (model === 'characters') return [...s].length;
  return displayWidth(s);
}

/** Text cut into pieces no wider than w (a piece holds one character at least). */
function wrap(text: string, w: number, model: WidthModel): string[] {
  if (!text) return [''];
  const out: string[] = [];
  let cur = '';
  for (const ch of text) {
    if (cur && widthOf(cur + ch, model) > w) {
      out.push(cur);
      cur = '';
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

/** The drawing of a grid: its lines. */
export function drawRuled(grid: DrawnGrid, o: DrawOptions): string[] {
  const { rows, cols } = grid;
  const owner: number[][] = Array.from({ length: rows }, () => new Array<number>(cols).fill(-1));
  grid.cells.forEach((c, i) => {
    for (let r = c.row; r < c.row + c.rowSpan; r++) for (let k = c.col; k < c.col + c.colSpan; k++) owner[r]![k] = i;
  });
  const junctionWidth = o.widths === 'display-wide-rules' ? 2 : 1;
  const w = o.columnWidths;
  // x of the rule left of each column, and of the table's right edge
  const xs: number[] = [0];
  for (let k = 0; k < cols; k++) xs.push(xs[k]! + junctionWidth + w[k]!);
  const ruleBelow = (r: number): boolean => {
    // a rule under row r-1 / over row r
    if (r === 0 || r === rows) return true;
    if (o.headerRulesOnly) return r <= (o.headerRows ?? 1);
    return true;
  };
  const hRule = (r: number, k: number): boolean => ruleBelow(r) && (r === 0 || r === rows || owner[r - 1]![k] !== owner[r]![k]);
  const vRule = (r: number, k: number): boolean => k === 0 || k === cols || owner[r]![k - 1] !== owner[r]![k];
  // each cell's lines of text; rows as high as their cells need
  const interior = (c: DrawnCell): number => xs[c.col + c.colSpan]! - xs[c.col]! - junctionWidth;
  const pieces = grid.cells.map((c) => wrap(c.text, interior(c), o.widths));
  const heights = new Array<number>(rows).fill(1);
  // (rows that are one line each in a drawing ruled around its header only)
  const fixed = (r: number): boolean => !!o.headerRulesOnly && r >= (o.headerRows ?? 1);
  // the lines a cell has: its rows' lines, and the rule lines between them it writes over
  const room = (c: DrawnCell): number => {
    let n = 0;
    for (let r = c.row; r < c.row + c.rowSpan; r++) n += heights[r]! + (r > c.row && ruleBelow(r) ? 1 : 0);
    return n;
  };
  grid.cells.forEach((c, i) => {
    const last = c.row + c.rowSpan - 1;
    const need = pieces[i]!.length - room(c);
    if (need > 0 && !fixed(last)) heights[last]! += need;
  });
  // the lines: the rule over row r, then row r's lines
  type Slot = { kind: 'rule'; r: number } | { kind: 'row'; r: number; line: number };
  const slots: Slot[] = [];
  for (let r = 0; r <= rows; r++) {
    if (ruleBelow(r)) slots.push({ kind: 'rule', r });
    if (r < rows) for (let l = 0; l < heights[r]!; l++) slots.push({ kind: 'row', r, line: l });
  }
  const style = o.style;
  const box = style === 'ascii' ? undefined : JUNCTIONS[style];
  const hChar = box ? box.h : '-';
  const vChar = box ? box.v : '|';
  const junction = (up: boolean, down: boolean, left: boolean, right: boolean): string => {
    if (!box) return up || down ? (left || right ? '+' : '|') : left || right ? '-' : ' ';
    const key = `${+up}${+down}${+left}${+right}`;
    return box.j[key] ?? (up || down ? box.v : left || right ? box.h : ' ');
  };
  const fill = (ch: string, width: number): string => (o.widths === 'display-wide-rules' && ch !== ' ' ? ch.repeat(Math.ceil(width / 2)) : ch.repeat(width));
  // the line of a cell's text that a slot shows: its index among the cell's lines
  const lineOf = new Map<string, number>();
  const cellLine = (i: number, y: number): number => {
    const key = `${i}:${y}`;
    let n = lineOf.get(key);
    if (n === undefined) {
      const c = grid.cells[i]!;
      n = 0;
      for (let t = 0; t < y; t++) {
        const s = slots[t]!;
        const r = s.r;
        if (r < c.row || r > c.row + c.rowSpan - 1) continue;
        if (s.kind === 'row' || (s.kind === 'rule' && r > c.row)) n++;
      }
      lineOf.set(key, n);
    }
    return n;
  };
  const text = (i: number, y: number, width: number): string => {
    const t = pieces[i]![cellLine(i, y)] ?? '';
    return t + ' '.repeat(Math.max(0, width - widthOf(t, o.widths)));
  };
  const lines: string[] = [];
  slots.forEach((s, y) => {
    let line = ' '.repeat(o.indent ?? 0);
    // arms of the junction at the boundary left of column k, on a rule line
    const arms = (r: number, k: number): [boolean, boolean, boolean, boolean] => [r > 0 && vRule(r - 1, k), r < rows && vRule(r, k), k > 0 && hRule(r, k - 1), k < cols && hRule(r, k)];
    const drawn = (k: number): boolean => (s.kind === 'rule' ? arms(s.r, k).some(Boolean) : vRule(s.r, k));
    let k = 0;
    for (;;) {
      line += s.kind === 'rule' ? junction(...arms(s.r, k)) : vChar;
      if (k === cols) break;
      // the columns up to the next boundary drawn on this line: a rule, or a cell's text
      let e = k;
      while (e + 1 < cols && !drawn(e + 1)) e++;
      const width = xs[e + 1]! - xs[k]! - junctionWidth;
      if (s.kind === 'rule' && hRule(s.r, k)) line += fill(hChar, width);
      else line += text(owner[Math.min(s.r, rows - 1)]![k]!, y, width);
      k = e + 1;
    }
    lines.push(line);
  });
  return lines;
}
