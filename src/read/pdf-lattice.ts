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
 *
 * A table drawn with rules across only (a line above and below each row, none down, as web pages
 * style their tables) has its lines down found from its text: where the rows with figures leave a
 * gap (`columnsDown`), and where a rule across starts or ends inside the table.
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
  /** drawn with rules across only: the text of its rows, and its rules, its lines down were found from */
  across?: AcrossPart;
}

/** The text of a table drawn with rules across only, row by row, and its rules across. */
export interface AcrossPart {
  rows: Band[];
  rules: PdfRule[];
}

/**
 * The part of a table drawn with rules across only that a page break cut off, as read on the other
 * page (`part`, `above` when it is the part before), the table's sides, and the baseline of a line
 * of this page's text: the first below the page's head, for the part carried over from the page
 * before; the last above its foot, for the part carried on to the next. The rules across that hold
 * that line, as wide as the table, are its part on this page: its columns are found from the text
 * of both parts together.
 */
export interface Carried {
  left: number;
  right: number;
  at: number;
  above: boolean;
  part: AcrossPart;
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

/** Items as printed lines: top to bottom, each left to right. */
function printedLines(items: PdfItem[]): PdfItem[][] {
  const lines: PdfItem[][] = [];
  for (const it of [...items].sort((a, b) => a.y - b.y || a.x - b.x)) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(it.y - line[0]!.y) <= 0.45 * Math.min(it.size, line[0]!.size)) line.push(it);
    else lines.push([it]);
  }
  for (const line of lines) line.sort((a, b) => a.x - b.x);
  return lines;
}

/** The text of a cell from its items: lines top to bottom, each left to right, wrapped lines joined. */
function cellText(items: PdfItem[], edge: number): { text: string; y?: number; x?: number; size?: number; full?: boolean } {
  if (items.length === 0) return { text: '' };
  const lines = printedLines(items);
  let text = '';
  let end = -Infinity;
  for (const line of lines) {
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
  const size = lines[0]![0]!.size;
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
function stacked(groups: PdfRule[][], items: PdfItem[]): { tables: PdfRule[][]; across: PdfRule[] } {
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
  return {
    tables: [...out.filter((p) => p.down).map((p) => p.rules), ...groups.filter((g) => !g.some((r) => r.horizontal))],
    across: out.filter((p) => !p.down).flatMap((p) => p.rules),
  };
}

/** A cell that is a figure: 12, 12.5, -3, ０, 1,234, 5%. */
export const FIGURE = /^[-—–－]?[\d０-９][\d０-９.,，]*[%％]?$/;

/**
 * Rules across at most this far apart (points) are one table's, when it has no lines down (a row
 * whose label wraps in a narrow column can be tall).
 */
const MAX_BAND = 600;
/** Distinct positions of rules across that make a table drawn without lines down (three rows). */
const MIN_ACROSS = 4;

/**
 * Rules across that touch no line down, in stacks that may be one table each: from a rule (the
 * lines at one height taken together) down, every next one within its width and less than
 * `MAX_BAND` below the one before, with nothing between them that stands between two tables
 * (`between`); with where its first and last rules stand, and `n`, the number of its rules'
 * positions (a table needs `MIN_ACROSS`).
 */
function acrossStacks(hs: PdfRule[], items: PdfItem[]): { rules: PdfRule[]; top: number; bottom: number; n: number }[] {
  const rows: PdfRule[][] = [];
  for (const h of [...hs].sort((a, b) => a.at - b.at || a.from - b.from)) {
    const row = rows[rows.length - 1];
    if (row && h.at - row[0]!.at <= SNAP) row.push(h);
    else rows.push([h]);
  }
  const stacks: { rules: PdfRule[]; left: number; right: number; top: number; bottom: number; n: number }[] = [];
  for (const row of rows) {
    const left = Math.min(...row.map((h) => h.from));
    const right = Math.max(...row.map((h) => h.to));
    const at = row[0]!.at;
    const cur = stacks[stacks.length - 1];
    if (cur && at - cur.bottom <= MAX_BAND && left >= cur.left - 2 * SNAP && right <= cur.right + 2 * SNAP && !between(items, cur.bottom, at, cur.left, cur.right)) {
      cur.rules.push(...row);
      cur.bottom = at;
      cur.n++;
    } else stacks.push({ rules: [...row], left, right, top: at, bottom: at, n: 1 });
  }
  return stacks;
}

/**
 * The number of a report's part (一、 第二部分): a row label with it has its figures beside it,
 * unless a page break parts them; labels numbered 1. or （一） begin rows whose figures may all
 * be blank or stand on the next page.
 */
const PART_HEADING = /^\s*(?:[一二三四五六七八九十]+[、，,．.]|第[一二三四五六七八九十]+(?:部分|章|节))/;

/**
 * Whether the text between `top` and `bottom` (within [left, right]) is no row of a table but what
 * stands between two tables: a part's heading with no figure beside it, a sentence (a line that
 * ends with 。), or a line that runs past the table's sides.
 */
function between(items: PdfItem[], top: number, bottom: number, left: number, right: number): boolean {
  const inside = items
    .filter((it) => it.horizontal && it.str.trim() !== '' && it.y - 0.3 * it.size > top && it.y - 0.3 * it.size < bottom)
    .map((it) => ({ it, ink: inked(it) }))
    .filter(({ ink }) => ink[1] > left && ink[0] < right)
    .sort((a, b) => a.it.y - b.it.y || a.ink[0] - b.ink[0]);
  if (inside.length === 0) return false;
  // (a heading stands alone on its lines; a label with cells beside it, whose figures a page
  // break left for the next page, is a row, also when it is wrapped in its cell and a cell beside
  // it holds lines between its own: a group's label centred on the rows it spans)
  const head = inside[0]!;
  const lines = [head];
  for (const p of inside) {
    const prev = lines[lines.length - 1]!;
    if (p.it.y > prev.it.y + 0.45 * p.it.size && p.it.y - prev.it.y <= 2.5 * p.it.size && p.ink[0] < head.ink[1] && p.ink[1] > head.ink[0]) lines.push(p);
  }
  const [upper, lower] = [head.it.y - 0.45 * head.it.size, lines[lines.length - 1]!.it.y + 0.45 * head.it.size];
  const reach = Math.max(head.ink[1], ...inside.filter(({ it, ink }) => it.y >= upper && it.y <= lower && ink[0] < head.ink[1]).map(({ ink }) => ink[1]));
  const cells = inside.some(({ it, ink }) => it.y >= upper && it.y <= lower && ink[0] - reach > it.size);
  if (PART_HEADING.test(head.it.str) && !cells && !inside.some(({ it }) => FIGURE.test(it.str.trim()))) return true;
  if (inside.some(({ it, ink }) => ink[0] < left - it.size || ink[1] > right + it.size)) return true;
  // the last run of each printed line
  return inside.some(({ it, ink }, k) => {
    const next = inside[k + 1];
    return /[。！？]$/.test(it.str.trim()) && (!next || Math.abs(next.it.y - it.y) > 0.45 * it.size || next.ink[0] - ink[1] > it.size);
  });
}

/** Where the text of an item stands across the page, its spaces at either end left out. */
function inked(it: PdfItem): [number, number] {
  const chars = [...it.str];
  const per = chars.length ? it.width / chars.length : 0;
  const lead = chars.length - [...it.str.trimStart()].length;
  const trail = chars.length - [...it.str.trimEnd()].length;
  return [it.x + lead * per, it.x + it.width - trail * per];
}

/** Rows with figures a table without lines down needs for its columns to be found. */
const MIN_FIGURED = 4;
/** The narrowest gap (points) between two columns of a table without lines down. */
const GAP = 0.3;

/** Where a rule across starts or ends inside a table (between `left` and `right`): a cell's border. */
function borders(hs: PdfRule[], left: number, right: number): number[] {
  return cluster(hs.flatMap((h) => [h.from, h.to]).filter((x) => x > left + 2 * SNAP && x < right - 2 * SNAP));
}

/** The text of one row of a table without lines down: its runs, where each is inked, and whether it is a figure. */
export type Band = { it: PdfItem; from: number; to: number; figure: boolean }[];

/**
 * The lines down (inner, left to right) of a table drawn with rules across only, found from the
 * text of its rows (see `columnsDown`). Undefined when fewer than `MIN_FIGURED` rows hold figures
 * and labels, or when no column is found.
 */
function downsFromText(withText: Band[], figured: Band[], isFigured: Set<Band>, several: Set<Band>, hs: PdfRule[]): number[] | undefined {
  const left = Math.min(...hs.map((h) => h.from));
  const right = Math.max(...hs.map((h) => h.to));
  // rows with figures say where the columns are (numbers never hold a gap; the header cells above
  // them span columns); a table with fewer is left to be read line by line (a third of its rows
  // with figures may cross a line down: labels in cells that span columns), unless its rows hold
  // figures alone (table 4's one row: no label to span columns)
  const bare = figured.every((band) => band.every((p) => p.figure));
  if (figured.length === 0 || (figured.length < MIN_FIGURED && !bare)) return undefined;
  const apart = several.size ? [...several] : figured;
  // the stretches between the ends of runs of text, and how many rows cross each: rows with
  // figures, and all rows (where text fills its cells, columns are a fraction of a point apart)
  const edges = [...new Set(withText.flat().flatMap((p) => [p.from, p.to]))].sort((a, b) => a - b);
  const crossing = (rows: typeof withText, m: number): number => rows.filter((band) => band.some((p) => p.from < m && p.to > m)).length;
  // a header cell with another below it before the next row of figures spans columns: it may
  // cross a line down, the header cells at the foot of the header (and the rows' labels) not
  // (a header over rows of a single figure is a cell across columns too, and so may that figure be)
  const footed = withText.map((band, b) => {
    if (several.size && isFigured.has(band) && !several.has(band)) return band.filter((p) => !p.figure);
    if (isFigured.has(band)) return band;
    const below: typeof band = [];
    let k = b + 1;
    for (; k < withText.length && !isFigured.has(withText[k]!); k++) below.push(...withText[k]!);
    if (several.size && !several.has(withText[k]!)) return [];
    return band.filter((p) => !below.some((q) => Math.min(p.to, q.to) - Math.max(p.from, q.from) > 0));
  });
  type Stretch = { a: number; b: number; figures: number; all: number };
  const stretches: Stretch[] = edges.slice(0, -1).map((a, k) => {
    const b = edges[k + 1]!;
    return { a, b, figures: crossing(apart, (a + b) / 2), all: crossing(footed, (a + b) / 2) };
  });
  // a gap between columns: a run of stretches that few rows with figures cross (a third of them
  // may: figures centred in cells that span columns), between two that more cross. Inside it, a
  // line goes through each gap between the header cells at the foot of the header, and through
  // each stretch no row's figures cross where some row leaves a gap between two runs of its text
  // that crosses no figures at all (three figures of one row over a single figure in the others,
  // as table 2's first block has); where there is none, through the run once. Each line goes
  // where the fewest rows' labels and header cells at the foot of the header cross it, the
  // nearest such place to the middle of the gap
  const most = Math.floor(apart.length / 3);
  const downs: number[] = [];
  const place = (from: number, to: number): void => {
    const [a, b] = [stretches[from]!.a, stretches[to]!.b];
    if (b - a < GAP) return;
    const mid = (a + b) / 2;
    const off = (t: Stretch): number => Math.max(0, t.a - mid, mid - t.b);
    let best = stretches[from]!;
    for (let k = from; k <= to; k++) {
      const t = stretches[k]!;
      if (t.all < best.all || (t.all === best.all && off(t) < off(best))) best = t;
    }
    const m = Math.min(GAP, (best.b - best.a) / 2);
    downs.push(Math.min(Math.max(mid, best.a + m), best.b - m));
  };
  // each row's gaps between runs of its text: those that cross no figures, and those of the
  // header cells at the foot of the header (which may lie over figures centred in cells that
  // span columns)
  const clear: [number, number][] = [];
  const headed: [number, number][] = [];
  withText.forEach((band, n) => {
    const leaf = isFigured.has(band) ? [] : footed[n]!;
    for (const [runs, out] of [[band, clear], [leaf, headed]] as const) {
      let end = -Infinity;
      for (const p of [...runs].sort((q, r) => q.from - r.from)) {
        if (end > -Infinity && p.from - end >= GAP) {
          const [g0, g1] = [end, p.from];
          if (out === headed || !stretches.some((t) => t.figures > 0 && t.a >= g0 && t.b <= g1)) out.push([g0, g1]);
        }
        end = Math.max(end, p.to);
      }
    }
  });
  const stretchesIn = (a: number, b: number): [number, number] | undefined => {
    const from = stretches.findIndex((t) => t.a >= a - 1e-6);
    let to = from;
    while (to + 1 < stretches.length && stretches[to + 1]!.b <= b + 1e-6) to++;
    return from >= 0 && stretches[to]!.b <= b + 1e-6 ? [from, to] : undefined;
  };
  for (let i = 0; i < stretches.length; i++) {
    if (stretches[i]!.figures > most) continue;
    let j = i;
    while (j + 1 < stretches.length && stretches[j + 1]!.figures <= most) j++;
    const [runA, runB] = [stretches[i]!.a, stretches[j]!.b];
    // where the run is parted: gaps of the header's foot within it, and stretches no row's
    // figures cross where some row leaves a gap that crosses no figures
    const parts: [number, number][] = [];
    for (const [g0, g1] of headed) {
      const [a, b] = [Math.max(g0, runA), Math.min(g1, runB)];
      if (b - a >= GAP && (a > runA || i > 0) && (b < runB || j + 1 < stretches.length)) parts.push([a, b]);
    }
    for (let k = i; k <= j; k++) {
      if (stretches[k]!.figures > 0) continue;
      let e = k;
      while (e + 1 <= j && stretches[e + 1]!.figures === 0) e++;
      const [a, b] = [stretches[k]!.a, stretches[e]!.b];
      if (clear.some(([g0, g1]) => Math.min(g1, b) - Math.max(g0, a) > 0)) parts.push([a, b]);
      k = e;
    }
    parts.sort((x, y) => x[0] - y[0]);
    const merged: [number, number][] = [];
    for (const part of parts) {
      const last = merged[merged.length - 1];
      if (last && part[0] <= last[1]) last[1] = Math.max(last[1], part[1]);
      else merged.push([...part]);
    }
    let placed = false;
    for (const [a, b] of merged) {
      const span = stretchesIn(a, b);
      if (!span) continue;
      place(span[0], span[1]);
      placed = true;
    }
    if (!placed && i > 0 && j + 1 < stretches.length) place(i, j);
    i = j;
  }
  const ends = borders(hs, left, right);
  // lines down with no text between them (but header cells that span columns) are one, unless
  // both are cells' borders: a cell's border where there is one, else the first
  const centres = footed.flat().map((p) => (p.from + p.to) / 2);
  const xs: number[] = [];
  const border = (x: number): boolean => ends.some((b) => Math.abs(b - x) <= SNAP);
  for (const x of cluster([...downs, ...ends])) {
    const last = xs[xs.length - 1];
    if (last === undefined || centres.some((c) => c > last && c < x) || (border(last) && border(x))) xs.push(x);
    else if (border(x)) xs[xs.length - 1] = x;
  }
  // and the last holds some text (a gap past the last column's shorter figures is none)
  while (xs.length && !centres.some((c) => c > xs[xs.length - 1]!)) xs.pop();
  return xs.length ? xs : undefined;
}

/**
 * The lines down of a table drawn with rules across only (a line under every row, as web pages and
 * some Word styles print their tables): its sides (the ends of its widest rules), and lines down
 * wherever the text of its rows leaves a gap down the whole table (a third of its rows may cross
 * it: title and header cells that span columns), or where a rule across starts or ends inside the
 * table (a cell's border). A line down stops at each row whose text crosses it (a merged cell
 * there). Undefined when no column is found, when fewer than `MIN_FIGURED` rows hold figures (and
 * labels beside them), or when a cell holds lines of figures that are not one figure wrapped at the
 * cell's edge (the rules are not under every row: a 三线表, whose body has no rules between its
 * rows). Given the parts of the table a page break cut off (`carried`), the columns are found
 * from the text of all its parts together (a part with a few rows has too little to find them from).
 */
function columnsDown(hs: PdfRule[], items: PdfItem[], carried: Carried[] = []): { rules: PdfRule[]; part: AcrossPart } | undefined {
  const ys = cluster(hs.map((h) => h.at));
  const left = Math.min(...hs.map((h) => h.from));
  const right = Math.max(...hs.map((h) => h.to));
  const bands: Band[] = Array.from({ length: ys.length - 1 }, () => []);
  for (const it of items) {
    if (!it.horizontal || it.str.trim() === '') continue;
    const my = it.y - 0.3 * it.size;
    const [from, to] = inked(it);
    if (my <= ys[0]! || my >= ys[ys.length - 1]! || (from + to) / 2 <= left || (from + to) / 2 >= right) continue;
    bands[slotOf(ys, my)]!.push({ it, from, to, figure: FIGURE.test(it.str.trim()) });
  }
  // a row label's number written as a run of its own (4 + 、保护第三) is no figure
  for (const band of bands) {
    for (const p of band) {
      if (p.figure && band.some((q) => q !== p && Math.abs(q.it.y - p.it.y) <= 0.45 * p.it.size && q.from - p.to >= -1 && q.from - p.to <= 0.3 * p.it.size && /^[、.．]/.test(q.it.str.trim()))) p.figure = false;
    }
  }
  const withText = bands.filter((b) => b.length > 0);
  // the rows of every part, top to bottom
  // (a header row the page break cut, its cells' lines on both pages, is one row: 社会公益 / 组织)
  const joinCut = (a: Band[], b: Band[]): Band[] => {
    const [last, first] = [a[a.length - 1], b[0]];
    const cut = last && first && !last.some((p) => p.figure) && !first.some((p) => p.figure) && first.every((q) => last.some((p) => Math.min(p.to, q.to) - Math.max(p.from, q.from) > 0));
    return cut ? [...a.slice(0, -1), [...last, ...first], ...b.slice(1)] : [...a, ...b];
  };
  const all = joinCut(joinCut(carried.filter((c) => c.above).flatMap((c) => c.part.rows), withText), carried.filter((c) => !c.above).flatMap((c) => c.part.rows));
  if (withText.length === 0 || all.length < 2) return undefined;
  const figured = all.filter((band) => band.some((p) => p.figure));
  const isFigured = new Set(figured);
  // a row with a single figure says nothing of the columns (it may stand centred in a cell across
  // them all, as in table 2's blocks of one figure under the first block's three)
  const several = new Set(figured.filter((band) => band.filter((p) => p.figure).length >= 2));
  const xs = downsFromText(all, figured, isFigured, several, [...hs, ...carried.flatMap((c) => c.part.rules)]);
  if (!xs) return undefined;
  const bounds = [left, ...xs, right];
  // a cell with lines of figures that are no figure wrapped at the cell's edge is rows the rules
  // did not part (a 三线表 has no rules between the rows of its body): such a table is not taken.
  // (The cell's edge: its line down, or, as a line down found from the text stands somewhere in
  // the gap between the columns, the right end of the column's widest figure.)
  const widest = bounds.slice(1).map((edge, c) => {
    let most = -Infinity;
    for (const band of all) for (const p of band) if (p.figure && (p.from + p.to) / 2 > bounds[c]! && (p.from + p.to) / 2 < edge) most = Math.max(most, p.to);
    return most;
  });
  for (const band of withText) {
    for (let c = 0; c + 1 < bounds.length; c++) {
      const mine = band.filter((p) => (p.from + p.to) / 2 > bounds[c]! && (p.from + p.to) / 2 < bounds[c + 1]!).map((p) => p.it);
      const figures = printedLines(mine)
        .map((line) => ({ text: line.map((it) => it.str.trim()).join(''), from: inked(line[0]!)[0], to: Math.max(...line.map((it) => inked(it)[1])), size: line[0]!.size }))
        .filter((l) => FIGURE.test(l.text));
      if (figures.length < 2) continue;
      // a figure wrapped once: its first line ends at the cell's edge, the rest is no longer
      const [a, b] = [figures[0]!, figures[1]!];
      const atEdge = a.to >= bounds[c + 1]! - a.size || a.to >= widest[c]! - GAP;
      const wrapped = figures.length === 2 && atEdge && b.to - b.from <= a.to - a.from + GAP;
      if (!wrapped) return undefined;
    }
  }
  const downsOut: PdfRule[] = [
    { horizontal: false, at: left, from: ys[0]!, to: ys[ys.length - 1]! },
    { horizontal: false, at: right, from: ys[0]!, to: ys[ys.length - 1]! },
  ];
  // a row of figures under a header cell that spans columns, with a figure on one side of a line
  // down and a cell of its own (a rule above it) left blank on the other, is one cell there (a
  // figure centred in a cell that spans the columns, as table 2's last blocks have under their
  // merged headers)
  const inSlot = (band: (typeof bands)[number], c: number, figure: boolean): boolean =>
    band.some((p) => (p.from + p.to) / 2 > bounds[c]! && (p.from + p.to) / 2 < bounds[c + 1]! && (!figure || p.figure));
  const spanned = (b: number, k: number): boolean => {
    const band = bands[b]!;
    if (!isFigured.has(band)) return false;
    let h = b - 1;
    while (h >= 0 && bands[h]!.length === 0) h--;
    const head = bands[h];
    if (!head || isFigured.has(head) || !head.some((p) => p.from < xs[k]! && p.to > xs[k]!)) return false;
    const blank = inSlot(band, k, true) && !inSlot(band, k + 1, false) ? k + 1 : inSlot(band, k + 1, true) && !inSlot(band, k, false) ? k : -1;
    return blank >= 0 && ruled(hs, ys[b]!, bounds[blank]!, bounds[blank + 1]!);
  };
  xs.forEach((x, k) => {
    bands.forEach((band, b) => {
      if (!band.some((p) => p.from < x && p.to > x) && !spanned(b, k)) downsOut.push({ horizontal: false, at: x, from: ys[b]!, to: ys[b + 1]! });
    });
  });
  return { rules: downsOut, part: { rows: withText, rules: hs } };
}

/**
 * The ruled tables among a page's rules, with the page's horizontal items that fall in their
 * cells; `rest` is every item outside them (and the part of a run that runs out of a table).
 */
export function latticeTables(items: PdfItem[], rules: PdfRule[], carried: Carried[] = []): { tables: Lattice[]; rest: PdfItem[] } {
  // (two rules across and three down make the smallest bordered table, one row of two cells; four
  // rules across the smallest table without lines down, but for its part carried over from the
  // page before, a row under its repeated header)
  if (rules.length < (carried.length ? 2 : MIN_ACROSS) || rules.length > MAX_RULES) return { tables: [], rest: items };
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
  const { tables: ruledGroups, across } = stacked([...groups.values()], items);
  // a table a page break cuts: the stack, as wide, that holds the given line is its part on this
  // page, its columns found with the other part's rows
  const acrossGroups = acrossStacks(across, items).flatMap(({ rules: hs, top, bottom, n }) => {
    const [l, r] = [Math.min(...hs.map((h) => h.from)), Math.max(...hs.map((h) => h.to))];
    const cut = carried.filter((c) => Math.abs(l - c.left) <= 2 * SNAP && Math.abs(r - c.right) <= 2 * SNAP && top < c.at && bottom > c.at);
    const down = (cut.length > 0 && columnsDown(hs, items, cut)) || (n >= MIN_ACROSS ? columnsDown(hs, items) : undefined);
    return down ? [{ g: [...hs, ...down.rules], across: down.part }] : [];
  });
  const grids = [...ruledGroups.map((g) => ({ g, across: undefined })), ...acrossGroups]
    .flatMap(({ g, across }) => {
      const grid = gridOf(g.filter((r) => r.horizontal), g.filter((r) => !r.horizontal));
      return grid ? [{ ...grid, across }] : [];
    })
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
    return t.across ? { xs: t.xs, ys: t.ys, cells, across: t.across } : { xs: t.xs, ys: t.ys, cells };
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
