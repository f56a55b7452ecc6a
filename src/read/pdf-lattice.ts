import type { PdfItem } from './pdf.js';
import { NUMBER_LABEL } from '../util/list-numbers.js';
import { lastIndexAtMost } from '../util/search.js';

/**
 * Ruled tables in a PDF. Word, WPS and LibreOffice print a table as text placed in cells and the
 * cells' borders drawn as lines (or as thin filled rectangles). Where a column is narrow, a cell's
 * text wraps over several printed lines, so that reading the page line by line cuts a row label
 * into pieces that stand on lines of their own, above and below its figures. The borders say
 * where each cell is: the text inside one cell's borders is that cell's, however it wraps.
 *
 * A table is a set of horizontal and vertical rules that touch each other. Its grid is made of
 * the distinct positions of its rules; two neighbouring slots of the grid are one cell where no
 * rule runs between them (merged cells). Only tables of at least two columns (and a row of two
 * cells) whose merged cells are rectangles are taken; anything else (a frame around a paragraph, a table drawn
 * without inner rules, a chart) is left to be read line by line.
 */

/** An axis-aligned line on a page, in page coordinates (points, y downwards). */
export interface PdfRule {
  /** true: runs left to right at y = `at`; false: runs top to bottom at x = `at` */
  horizontal: boolean;
  at: number;
  from: number;
  to: number;
}

/** One cell of a ruled table: its slots in the grid, and its text. */
export interface LatticeCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
  /** baseline of its first line of text, if it has any */
  y?: number;
  /** left end of its text */
  x?: number;
  size?: number;
  /** its last line of text runs to the cell's right edge: the text was wrapping there */
  full?: boolean;
}

export interface Lattice {
  /** positions of the grid's rules: columns between xs[c] and xs[c+1], rows between ys[r] and ys[r+1] */
  xs: number[];
  ys: number[];
  /** cells in reading order (by first row, then first column) */
  cells: LatticeCell[];
}

/** Rules closer than this (points) are at one position; ends closer than this touch. */
const SNAP = 2;
/** Rules per page beyond which a page is a drawing, not a document with tables. */
export const MAX_RULES = 4000;

function cluster(values: number[]): number[] {
  const s = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let group: number[] = [];
  for (const v of s) {
    if (group.length && v - group[group.length - 1]! > SNAP) {
      out.push(group.reduce((a, b) => a + b, 0) / group.length);
      group = [];
    }
    group.push(v);
  }
  if (group.length) out.push(group.reduce((a, b) => a + b, 0) / group.length);
  return out;
}

/** Collinear rules that overlap or touch, joined: a border drawn cell by cell is one rule. */
function joined(rules: PdfRule[]): PdfRule[] {
  const out: PdfRule[] = [];
  for (const horizontal of [true, false]) {
    const some = rules.filter((r) => r.horizontal === horizontal).sort((a, b) => a.at - b.at || a.from - b.from);
    // rows of rules at one position
    let i = 0;
    while (i < some.length) {
      let j = i + 1;
      while (j < some.length && some[j]!.at - some[j - 1]!.at <= SNAP) j++;
      const line = some.slice(i, j).sort((a, b) => a.from - b.from);
      const at = line.reduce((a, r) => a + r.at, 0) / line.length;
      let cur: PdfRule | undefined;
      for (const r of line) {
        if (cur && r.from <= cur.to + SNAP) cur.to = Math.max(cur.to, r.to);
        else {
          if (cur) out.push(cur);
          cur = { horizontal, at, from: r.from, to: r.to };
        }
      }
      if (cur) out.push(cur);
      i = j;
    }
  }
  return out;
}

const touches = (h: PdfRule, v: PdfRule): boolean => v.at >= h.from - SNAP && v.at <= h.to + SNAP && h.at >= v.from - SNAP && h.at <= v.to + SNAP;

function find(parent: number[], i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]!]!;
    i = parent[i]!;
  }
  return i;
}

/** Whether a rule among `rules` runs along `at` over the middle of [from, to]. */
function ruled(rules: PdfRule[], at: number, from: number, to: number): boolean {
  const pad = Math.min(SNAP * 2, (to - from) / 4);
  return rules.some((r) => Math.abs(r.at - at) <= SNAP && r.from <= from + pad && r.to >= to - pad);
}

/** The grid and cells of one group of touching rules, or undefined when it is no table. */
function gridOf(hs: PdfRule[], vs: PdfRule[]): { xs: number[]; ys: number[]; cells: { row: number; col: number; rowSpan: number; colSpan: number }[] } | undefined {
  const xs = cluster(vs.map((v) => v.at));
  const ys = cluster(hs.map((h) => h.at));
  // a table cut by a page break may have no rule along its cut edge (the browser draws a row's
  // border with the row above): its columns' rules running past the first or last rule across
  // mark that edge
  const top = Math.min(...vs.map((v) => v.from));
  const bottom = Math.max(...vs.map((v) => v.to));
  if (ys.length && top < ys[0]! - 4 * SNAP) ys.unshift(top);
  if (ys.length && bottom > ys[ys.length - 1]! + 4 * SNAP) ys.push(bottom);
  // likewise a table drawn without its outer borders at the sides: its rules across mark them
  const left = Math.min(...hs.map((h) => h.from));
  const right = Math.max(...hs.map((h) => h.to));
  if (xs.length && left < xs[0]! - 4 * SNAP) xs.unshift(left);
  if (xs.length && right > xs[xs.length - 1]! + 4 * SNAP) xs.push(right);
  const cols = xs.length - 1;
  const rows = ys.length - 1;
  // one row is enough: the part of a table the page break left on a page
  if (cols < 2 || rows < 1 || cols * rows > 20_000) return undefined;
  const slot = (r: number, c: number): number => r * cols + c;
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const union = (a: number, b: number): void => {
    const ra = find(parent, a);
    const rb = find(parent, b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && !ruled(vs, xs[c + 1]!, ys[r]!, ys[r + 1]!)) union(slot(r, c), slot(r, c + 1));
      if (r + 1 < rows && !ruled(hs, ys[r + 1]!, xs[c]!, xs[c + 1]!)) union(slot(r, c), slot(r + 1, c));
    }
  }
  const spans = new Map<number, { r0: number; r1: number; c0: number; c1: number; n: number }>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = find(parent, slot(r, c));
      const s = spans.get(root);
      if (!s) spans.set(root, { r0: r, r1: r, c0: c, c1: c, n: 1 });
      else {
        s.r0 = Math.min(s.r0, r);
        s.r1 = Math.max(s.r1, r);
        s.c0 = Math.min(s.c0, c);
        s.c1 = Math.max(s.c1, c);
        s.n++;
      }
    }
  }
  const cells = [...spans.values()];
  // merged cells are rectangles; a shape of any other kind is not a table's
  if (cells.some((s) => (s.r1 - s.r0 + 1) * (s.c1 - s.c0 + 1) !== s.n)) return undefined;
  // a table has rows of two cells or more (an outline with rules across only is a list of boxes)
  const perRow = Array.from({ length: rows }, () => 0);
  for (const s of cells) perRow[s.r0]!++;
  if (!perRow.some((n) => n >= 2)) return undefined;
  return {
    xs,
    ys,
    cells: cells.map((s) => ({ row: s.r0, col: s.c0, rowSpan: s.r1 - s.r0 + 1, colSpan: s.c1 - s.c0 + 1 })).sort((a, b) => a.row - b.row || a.col - b.col),
  };
}

/** A Chinese character or punctuation mark: no space goes next to one. */
export const CJK = /[\u2e80-\u2fff\u3001-\u303f\u3040-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** Index of the slot `v` falls in (the last boundary at or before it); −1 outside the first and last boundary. */
function slotOf(bounds: number[], v: number): number {
  if (v < bounds[0]! || v > bounds[bounds.length - 1]!) return -1;
  return Math.min(lastIndexAtMost(bounds, v, (b) => b), bounds.length - 2);
}

/**
 * What goes between two lines of one paragraph or cell: a space between English words, nothing in
 * Chinese text, figures or an address the layout broke anywhere (`http://www.example.go` +
 * `v.cn`).
 */
export function joiner(a: string, b: string): string {
  return /(?:^|\s)[A-Za-z]+$/.test(a) && /^[A-Za-z]/.test(b) ? ' ' : '';
}

/**
 * An item cut at the columns it crosses: a run of text that a PDF producer wrote across two cells
 * (rare, but one run per printed line is common), or that runs out of the table, is split where
 * each character's share of its width falls.
 */
function splitAcross(it: PdfItem, xs: number[]): PdfItem[] {
  const chars = [...it.str];
  if (chars.length < 2) return [it];
  const per = it.width / chars.length;
  const c0 = slotOf(xs, it.x + per / 2);
  const c1 = slotOf(xs, it.x + it.width - per / 2);
  if (c0 === c1) return [it];
  const out: PdfItem[] = [];
  let start = 0;
  let col = c0;
  chars.forEach((_, k) => {
    const c = slotOf(xs, it.x + (k + 0.5) * per);
    if (c !== col) {
      out.push({ ...it, str: chars.slice(start, k).join(''), x: it.x + start * per, width: (k - start) * per });
      start = k;
      col = c;
    }
  });
  out.push({ ...it, str: chars.slice(start).join(''), x: it.x + start * per, width: (chars.length - start) * per });
  return out.filter((p) => p.str.trim() !== '');
}

/** The text of a cell from its items: lines top to bottom, each left to right, wrapped lines joined. */
function cellText(items: PdfItem[], edge: number): { text: string; y?: number; x?: number; size?: number; full?: boolean } {
  if (items.length === 0) return { text: '' };
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: PdfItem[][] = [];
  for (const it of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(it.y - line[0]!.y) <= 0.45 * Math.min(it.size, line[0]!.size)) line.push(it);
    else lines.push([it]);
  }
  let text = '';
  let end = -Infinity;
  for (const line of lines) {
    line.sort((a, b) => a.x - b.x);
    let s = '';
    let right = -Infinity;
    for (const it of line) {
      const str = it.str.trim();
      if (s && it.x - right > 0.15 * it.size && !CJK.test(s[s.length - 1]!) && !CJK.test(str[0]!)) s += ' ';
      s += str;
      right = Math.max(right, it.x + it.width);
    }
    // a wrapped line joins the one before it
    text += joiner(text, s) + s;
    end = right;
  }
  const size = sorted[0]!.size;
  // the cell's padding and a character that did not fit
  const full = end >= edge - 2.2 * size;
  return { text: text.replace(/[|｜]/g, '¦'), y: lines[0]![0]!.y, x: Math.min(...items.map((i) => i.x)), size, full };
}

/** Rows without lines down at most this tall (points): a table's title row, not the page's text. */
const MAX_OPEN_ROW = 80;
/**
 * Groups of touching rules joined where they are one table drawn without borders down its sides:
 * there a row that spans the whole width (a title row of table 2's blocks) has no line down at all,
 * so its rules touch nothing, and the table falls apart into its blocks. Groups and lines across
 * of the same width (within two points at either end), with no line down at either side, stacked
 * less than `MAX_OPEN_ROW` apart, are one group, unless the text between them starts with a
 * heading (two such tables under their parts' headings stay two). Lines across alone stay apart
 * (and are no table).
 */
function stacked(groups: PdfRule[][], items: PdfItem[]): PdfRule[][] {
  const pieces = groups
    .map((rules) => {
      const hs = rules.filter((r) => r.horizontal);
      const left = Math.min(...hs.map((h) => h.from));
      const right = Math.max(...hs.map((h) => h.to));
      const vs = rules.filter((r) => !r.horizontal);
      return {
        rules,
        down: vs.length > 0,
        open: !vs.some((v) => Math.abs(v.at - left) <= 2 * SNAP || Math.abs(v.at - right) <= 2 * SNAP),
        left,
        right,
        top: Math.min(...hs.map((h) => h.at)),
        bottom: Math.max(...hs.map((h) => h.at)),
      };
    })
    .filter((p) => Number.isFinite(p.top))
    .sort((a, b) => a.top - b.top);
  const between = (top: number, bottom: number, left: number, right: number): string =>
    items
      .filter((it) => it.y - 0.3 * it.size > top && it.y - 0.3 * it.size < bottom && it.x + it.width / 2 > left && it.x + it.width / 2 < right)
      .sort((a, b) => a.y - b.y || a.x - b.x)
      .map((it) => it.str)
      .join('');
  const out: (typeof pieces)[number][] = [];
  for (const p of pieces) {
    const last = out[out.length - 1];
    const joins =
      last !== undefined &&
      last.open &&
      p.open &&
      Math.abs(last.left - p.left) <= 2 * SNAP &&
      Math.abs(last.right - p.right) <= 2 * SNAP &&
      p.top >= last.bottom - SNAP &&
      p.top - last.bottom <= MAX_OPEN_ROW &&
      !NUMBER_LABEL.test(between(last.bottom, p.top, p.left, p.right));
    if (joins) out[out.length - 1] = { ...last, rules: [...last.rules, ...p.rules], down: last.down || p.down, bottom: Math.max(last.bottom, p.bottom) };
    else out.push(p);
  }
  // groups without a line across (lines down alone) are kept as they are: gridOf refuses them
  return [...out.filter((p) => p.down).map((p) => p.rules), ...groups.filter((g) => !g.some((r) => r.horizontal))];
}

/**
 * The ruled tables among a page's rules, with the page's horizontal items that fall in their
 * cells; `rest` is every item outside them (and the part of a run that runs out of a table).
 */
export function latticeTables(items: PdfItem[], rules: PdfRule[]): { tables: Lattice[]; rest: PdfItem[] } {
  // (two rules across and three down make the smallest table: one row of two cells)
  if (rules.length < 5 || rules.length > MAX_RULES) return { tables: [], rest: items };
  const all = joined(rules.filter((r) => r.to - r.from >= SNAP));
  const hs = all.filter((r) => r.horizontal);
  const vs = all.filter((r) => !r.horizontal);
  // groups of rules that touch
  const parent = Array.from({ length: all.length }, (_, i) => i);
  const index = new Map(all.map((r, i) => [r, i]));
  for (const h of hs) {
    for (const v of vs) {
      if (!touches(h, v)) continue;
      const a = find(parent, index.get(h)!);
      const b = find(parent, index.get(v)!);
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
    }
  }
  const groups = new Map<number, PdfRule[]>();
  all.forEach((r, i) => {
    const g = find(parent, i);
    const list = groups.get(g);
    if (list) list.push(r);
    else groups.set(g, [r]);
  });
  const grids = stacked([...groups.values()], items)
    .map((g) => gridOf(g.filter((r) => r.horizontal), g.filter((r) => !r.horizontal)))
    .filter((g): g is NonNullable<ReturnType<typeof gridOf>> => g !== undefined)
    .sort((a, b) => a.ys[0]! - b.ys[0]!);
  if (grids.length === 0) return { tables: [], rest: items };
  const pieces = grids.map(() => new Map<number, PdfItem[]>());
  const rest: PdfItem[] = [];
  for (const it of items) {
    // where the run's characters sit: its baseline, a third of an em above it
    const my = it.y - 0.3 * it.size;
    const g = it.horizontal ? grids.findIndex((t) => my > t.ys[0]! && my < t.ys[t.ys.length - 1]! && it.x + it.width / 2 > t.xs[0]! && it.x + it.width / 2 < t.xs[t.xs.length - 1]!) : -1;
    if (g < 0) {
      rest.push(it);
      continue;
    }
    const t = grids[g]!;
    const r = slotOf(t.ys, my);
    for (const part of splitAcross(it, t.xs)) {
      const c = slotOf(t.xs, part.x + part.width / 2);
      // characters that run out of the table (past its last border) are no cell's
      if (c < 0) {
        rest.push(part);
        continue;
      }
      const key = r * (t.xs.length - 1) + c;
      const list = pieces[g]!.get(key);
      if (list) list.push(part);
      else pieces[g]!.set(key, [part]);
    }
  }
  const tables = grids.map((t, g) => {
    const cols = t.xs.length - 1;
    const cells = t.cells.map((cell) => {
      const mine: PdfItem[] = [];
      for (let r = cell.row; r < cell.row + cell.rowSpan; r++) {
        for (let c = cell.col; c < cell.col + cell.colSpan; c++) mine.push(...(pieces[g]!.get(r * cols + c) ?? []));
      }
      return { ...cell, ...cellText(mine, t.xs[cell.col + cell.colSpan]!) };
    });
    return { xs: t.xs, ys: t.ys, cells };
  });
  return { tables, rest };
}

/**
 * A ruled table as lines of pipe-separated cells, one line per row of the grid, each holding the
 * cells that start in that row, left to right: a merged cell stands once, in its first row, and
 * leaves no empty cell in the slots it covers (an empty cell is one the table has and left
 * blank), as when a Word table is copied out as text. Each line comes with where it stands on the
 * page: the first line of text in the row (or the row's top, when the row is empty), its left end
 * and type size, and its cells with the grid column each starts in.
 */
export function latticeRows(t: Lattice): { text: string; cols: number[]; cells: string[]; full: boolean[]; y: number; x: number; size?: number }[] {
  const rows = t.ys.length - 1;
  const byRow: LatticeCell[][] = Array.from({ length: rows }, () => []);
  for (const c of t.cells) byRow[c.row]!.push(c);
  return byRow.map((cells, r) => {
    cells.sort((a, b) => a.col - b.col);
    const ys = cells.filter((c) => c.y !== undefined).map((c) => c.y!);
    const xs = cells.filter((c) => c.x !== undefined).map((c) => c.x!);
    const size = cells.find((c) => c.size !== undefined)?.size;
    return {
      text: `| ${cells.map((c) => c.text).join(' | ')} |`,
      cols: cells.map((c) => c.col),
      cells: cells.map((c) => c.text),
      full: cells.map((c) => c.full ?? false),
      y: ys.length ? Math.min(...ys) : t.ys[r]! + SNAP,
      x: xs.length ? Math.min(...xs) : t.xs[0]!,
      ...(size !== undefined ? { size } : {}),
    };
  });
}
