import type { ReaderNotice, SourceDocument } from './types.js';
import { LineIndex } from './lines.js';
import { registerParser } from '../parse/index.js';
import { parsePlainText } from '../parse/plaintext.js';
import { displayWidth } from '../util/width.js';
import { lastAtMost, lastIndexAtMost } from '../util/search.js';
import { CJK, FIGURE, joiner, latticeRows, latticeTables, MAX_RULES, type AcrossPart, type Carried, type PdfRule } from './pdf-lattice.js';
import { NUMBER_LABEL } from '../util/list-numbers.js';
import { foldRadicals } from './normalise.js';

// The text of a PDF is plain text: lines, with table rows whose cells are set apart by spaces.
registerParser('pdf', (doc) => parsePlainText(doc.text));

/**
 * PDF files. pdf.js (its legacy build, which runs on Node 20 and in browsers alike) gives each
 * page's text as items: runs of characters with a position, a width and a font size. A PDF has no
 * lines or paragraphs of its own, so they are rebuilt here from the coordinates:
 *
 * - items whose baselines are close are one line; a line's items are read left to right. Items
 *   close together are joined (with a space where there was one between Latin words or figures,
 *   never next to a Chinese character). Items far apart — the cells of a table row — are set
 *   apart by a run of at least two spaces, padded so that cells starting at the same place on
 *   the page start at the same column (half an em a column, so a Chinese character counts two,
 *   as in a terminal), and a row that starts in a later column is indented to it;
 * - a line that runs to the right edge of the text and is followed by a line of the same size
 *   starting at the left edge (not indented, not a numbered heading) was wrapped by the layout:
 *   the two are one paragraph and are joined without a line break. Lines of a table row (cells
 *   set apart) are never joined;
 * - a table whose borders are drawn (as Word, WPS and LibreOffice print tables) is read by its
 *   borders on pages with cells set apart: the page's drawn lines are asked for, and each row of
 *   such a table is one line of `|`-separated cells, each cell's text whole however it wrapped
 *   (src/read/pdf-lattice.ts); a row a page break cut in two is joined again (`joinSplitRow`);
 * - text printed twice over itself is read once, letter-spaced text as words, and radicals that a
 *   font gave for ordinary characters as those characters;
 * - text that is not horizontal (stamps, diagonal watermarks) is kept, each item on a line of
 *   its own after the page's lines;
 * - pages follow each other with a blank line between them. Page numbers and running heads are
 *   kept, each on a line of its own. When a paragraph runs on from one page to the next (its
 *   last line on the page is full, the next page's text starts at the left edge), it is joined
 *   across the break, and the lines of the page's foot and the next page's head (in a smaller
 *   type, or a page number) follow the paragraph instead of cutting it in two.
 *
 * Positions: line and column are those of the extracted text (what `ogi-lint` reads, one
 * paragraph per line); each finding also says where it is on paper — 第 3 页第 12 行 (page 3,
 * line 12: lines counted from the top of the page as they are printed, wrapped lines each
 * counting one).
 *
 * A PDF without text (a scan, or pages of images; a page number or two do not count) is not
 * read: there is nothing to check. Pages of images without text in an otherwise readable PDF are
 * named in a warning.
 *
 * In a browser, pdf.js needs the address of its worker script: pass `workerSrc`.
 */

/** PDFs with more pages than this are not annual reports (which run to 5–40 pages). */
export const MAX_PDF_PAGES = 300;
/** Upper bound on the characters taken out of one PDF. */
export const MAX_PDF_CHARS = 5_000_000;
/**
 * A page with fewer characters than this has no text to speak of: a scanned page often carries
 * a page number or a stamp's text and nothing else.
 */
export const MIN_PAGE_TEXT = 8;
/** Header rows Word repeats atop each page a table runs on to, at most. */
const MAX_HEADER_ROWS = 6;
/** Pages with little text whose images are looked for (drawing a page's images takes time). */
const MAX_IMAGE_CHECKS = 20;
/** Pages whose drawings are looked at for ruled tables, and the cells set apart that make a page worth it. */
const MAX_RULE_CHECKS = 40;
const MIN_TABLE_CELLS = 3;

/** One run of text on a page, in page coordinates (points, origin at the top left, y downwards). */
export interface PdfItem {
  str: string;
  /** left end of the baseline */
  x: number;
  /** baseline */
  y: number;
  /** advance width of the whole run */
  width: number;
  /** font size (height of an em) */
  size: number;
  /** false for rotated or vertical text */
  horizontal: boolean;
}

export interface PdfPage {
  /** 1-based */
  number: number;
  items: PdfItem[];
  /** width of the page, in the items' units */
  width?: number;
  /** page has drawn images (decides whether a page with little text is a scanned page) */
  hasImages?: boolean;
  /** straight lines drawn across or down the page: borders of ruled tables. Asked for only on pages with figures set apart. */
  rules?: PdfRule[];
  /**
   * Images as large as a table or a page (a table pasted as a picture, a scanned page): where
   * each starts, from the top, in the items' units. Asked for only on pages with room for one.
   */
  pictures?: number[];
}

/** Where a printed line starts in the extracted text. */
interface Piece {
  start: number;
  page: number;
  line: number;
}

export interface PdfLayout {
  text: string;
  pieces: Piece[];
  /** pages that have no text at all */
  emptyPages: number[];
  /** where in `text` each of the pages' pictures stands, in order */
  pictures: number[];
}

/** A printed line, before paragraphs are rebuilt. */
interface Line {
  text: string;
  left: number;
  right: number;
  y: number;
  size: number;
  /** has a wide gap: cells of a table row, or text set apart by tabs */
  cells: boolean;
  /** its number on the page, counted from the top from 1 */
  printed: number;
  /** width of what it starts with that a line break may not cut (see `unbreakable`) */
  unit?: number;
  /** other printed lines merged into this one: where in `text` each starts (on another page when `page` is given) */
  parts?: { at: number; printed: number; page?: number }[];
  /**
   * a row of a ruled table: its cells, and whether each one's text ran to the cell's right edge;
   * with `across` the text and rules its lines down were found from, when it has rules across only
   */
  row?: { cols: number[]; cells: string[]; full: boolean[]; xs: number[]; across?: AcrossPart };
  /** joined to the last line of the page before (the second half of a table row the page break cut) */
  dropped?: boolean;
}

const minOf = (xs: number[]): number => xs.reduce((a, b) => (b < a ? b : a), Infinity);


function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

/** Whether the gap between two runs on a line separates cells rather than words. */
function isWideGap(gap: number, em: number, before: string, after: string): boolean {
  // figures side by side are cells: prose puts no two numbers a space apart; nor a figure more
  // than a space after Chinese (a quarter em, or a space: a label that fills its cell, then the
  // figure in the next, may stand only the cells' padding apart, under an em)
  if (/\d/.test(after) && (/\d/.test(before) || CJK.test(before))) return gap > 0.6 * em;
  // between Latin words, justified lines stretch spaces
  if (/[A-Za-z]/.test(before) && /[A-Za-z]/.test(after)) return gap > 1.8 * em;
  return gap > 0.8 * em;
}

/** The text of one printed line from its items, left to right, after `indent`. */
function renderLine(g: PdfItem[], em: number, unit: number, left: number, indent: string): { text: string; cells: boolean; right: number } {
  let text = indent;
  let cells = false;
  let right = -Infinity;
  for (const it of g) {
    const lead = it.str.length - it.str.trimStart().length;
    const trail = it.str.length - it.str.trimEnd().length;
    const perChar = it.str.length ? it.width / it.str.length : 0;
    const s = it.str.trim();
    const x = it.x + lead * perChar;
    if (text.length > indent.length) {
      const gap = x - right;
      const before = text[text.length - 1]!;
      if (isWideGap(gap, em, before, s[0]!)) {
        cells = true;
        const col = Math.round((x - left) / unit);
        text += ' '.repeat(Math.max(2, col - displayWidth(text)));
      } else if (gap > 0.15 * em && !CJK.test(before) && !CJK.test(s[0]!)) {
        // a space between Latin words and figures; next to Chinese a gap is only the layout's
        // spacing (统计期限为 2021 年 reads 统计期限为2021年)
        text += ' ';
      }
    }
    text += s;
    right = Math.max(right, it.x + it.width - trail * perChar);
  }
  return { text, cells, right };
}

/** One to three Chinese characters and nothing else: what a narrow header cell holds per line. */
const STACKABLE = /^[\u3400-\u9fff]{1,3}$/;

/**
 * Header cells printed vertically. A table whose columns are narrow prints each column's header
 * one to three characters a line (自 / 然 / 人, 社会 / 公益 / 组织, 社会公 / 益组织), and the cells of one header row
 * are centred each on its own lines, so their characters interleave with the others' lines. Read
 * line by line they are single characters scattered over many lines. Such a cell is made one
 * item again (`自然人`), standing at the stack's left edge and vertical centre, so that the
 * header cells of one row come out on one line in their columns.
 *
 * A stack is two or more items of one to three Chinese characters each, left- or centre-aligned
 * in one column, on successive baselines (no more than 2.6 ems apart, nothing else in the column
 * between them), each alone on its line (nothing within 0.8 em on either side: cells are set
 * apart by more), on a line without figures.
 * Only stacks that stand beside another such stack are joined: a row of vertical header cells.
 * A single stack (a column of short words in a list, a vertical title) is left as it is, and so
 * are short labels in a table's body, which have their figures on their lines.
 */
export function joinVerticalCells(items: PdfItem[]): PdfItem[] {
  const candidates = items.filter((i) => i.horizontal && STACKABLE.test(i.str.trim()));
  if (candidates.length < 4) return items;
  const alone = (it: PdfItem): boolean =>
    !items.some((o) => o !== it && o.str.trim() !== '' && Math.abs(o.y - it.y) <= 0.45 * it.size && o.x < it.x + it.width + 0.8 * it.size && o.x + o.width > it.x - 0.8 * it.size);
  // a header row holds no figures: a column of short labels in a table's body has its figures beside it
  const noFigures = (it: PdfItem): boolean => !items.some((o) => Math.abs(o.y - it.y) <= 0.45 * it.size && /\d/.test(o.str));
  const free = candidates.filter((it) => alone(it) && noFigures(it)).sort((a, b) => a.y - b.y || a.x - b.x);
  const used = new Set<PdfItem>();
  const stacks: PdfItem[][] = [];
  const column = (o: PdfItem, it: PdfItem): boolean => o !== it && o.str.trim() !== '' && o.x < it.x + it.width && o.x + o.width > it.x;
  for (const top of free) {
    if (used.has(top)) continue;
    // a stack starts at the top of its column: not in the middle of one whose top was taken for something else
    if (candidates.some((o) => column(o, top) && o.y < top.y - 0.5 * top.size && top.y - o.y <= 2.6 * top.size)) continue;
    const stack = [top];
    for (;;) {
      const last = stack[stack.length - 1]!;
      const em = last.size;
      const sameColumn = (o: PdfItem): boolean =>
        Math.abs(o.size - em) <= 0.15 * em && (Math.abs(o.x - last.x) <= 0.3 * em || Math.abs(o.x + o.width / 2 - (last.x + last.width / 2)) <= 0.3 * em);
      // the next item down the column, whatever it is: a stack stops at anything else
      const below = items
        .filter((o) => column(o, last) && o.y > last.y + 0.5 * em && o.y - last.y <= 2.6 * em)
        .sort((a, b) => a.y - b.y)[0];
      if (!below || used.has(below) || !free.includes(below) || !sameColumn(below) || below.y - last.y < 0.9 * em) break;
      stack.push(below);
    }
    if (stack.length < 2) continue;
    for (const it of stack) used.add(it);
    stacks.push(stack);
  }
  const span = (s: PdfItem[]): [number, number] => [s[0]!.y, s[s.length - 1]!.y];
  const besides = (a: PdfItem[], b: PdfItem[]): boolean => {
    const [a0, a1] = span(a);
    const [b0, b1] = span(b);
    return a !== b && a0 <= b1 && b0 <= a1 && (a[0]!.x > b[0]!.x + b[0]!.width || b[0]!.x > a[0]!.x + a[0]!.width);
  };
  const joined = stacks.filter((s) => stacks.some((o) => besides(s, o)));
  if (joined.length === 0) return items;
  const replaced = new Map<PdfItem, PdfItem | undefined>();
  for (const s of joined) {
    const [y0, y1] = span(s);
    const x = Math.min(...s.map((i) => i.x));
    const str = s.map((i) => i.str.trim()).join('');
    // as wide as the stack, its advance spread evenly over its characters
    const width = Math.max(...s.map((i) => i.x + i.width)) - x;
    replaced.set(s[0]!, { str, x, y: (y0 + y1) / 2, width, size: s[0]!.size, horizontal: true });
    for (const it of s.slice(1)) replaced.set(it, undefined);
  }
  const out: PdfItem[] = [];
  for (const it of items) {
    if (!replaced.has(it)) out.push(it);
    else if (replaced.get(it)) out.push(replaced.get(it)!);
  }
  return out;
}

/**
 * What a line break may not cut: a Latin word or number, or a character with the opening marks
 * before it and the closing marks after it (Chinese line breaking keeps them together).
 */
const UNBREAKABLE = /^[（《「『“‘〔【]*(?:[\x21-\x7e]+|[^\s\x21-\x7e])[》）」』”’，。、；：？！〕】]*/;

/** The width of what a run of text starts with that a line break may not cut, estimated from the run. */
function unbreakable(it: PdfItem): number | undefined {
  const s = it.str.trimStart();
  const m = UNBREAKABLE.exec(s);
  if (!m || s.length === 0) return undefined;
  const ascii = [...m[0]].filter((c) => c <= '\x7e').length;
  // a run of Latin text alone has its own width; in Chinese text a Latin character is about half an em
  if (ascii === m[0].length && m[0].length === it.str.trim().length) return it.width;
  return (m[0].length - ascii + 0.5 * ascii) * it.size;
}

/** Items of one page grouped into printed lines, top to bottom. `printedOf` numbers a line from its baseline. */
function pageLines(items: PdfItem[], unit: number, left: number, printedOf?: (y: number) => number): Line[] {
  const flat = items.filter((i) => i.horizontal && i.str.trim() !== '');
  flat.sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: PdfItem[][] = [];
  let baseline = Number.NaN;
  let size = 0;
  for (const it of flat) {
    const g = groups[groups.length - 1];
    if (g && Math.abs(it.y - baseline) <= 0.45 * Math.min(size, it.size || size)) {
      g.push(it);
      continue;
    }
    groups.push([it]);
    baseline = it.y;
    size = it.size;
  }
  const lines: Line[] = [];
  for (const g of groups) {
    g.sort((a, b) => a.x - b.x);
    const em = median(g.map((i) => i.size)) || 10;
    const first = g[0]!;
    const firstLead = first.str.length - first.str.trimStart().length;
    const start = first.x + firstLead * (first.str.length ? first.width / first.str.length : 0);
    let line = renderLine(g, em, unit, left, '');
    // a row of a table that starts in a later column (its label cell empty, or broken onto the
    // lines around it) starts in that column
    const col = Math.round((start - left) / unit);
    if (line.cells && col >= 4) line = renderLine(g, em, unit, left, ' '.repeat(col));
    lines.push({ text: line.text, left: start, right: line.right, y: first.y, size: em, cells: line.cells, printed: printedOf ? printedOf(first.y) : lines.length + 1, unit: unbreakable(first) });
  }
  return mergeCentredRows(lines);
}

/** The number of the printed line (from 1, top to bottom) each baseline of a page is on. */
function baselineNumbers(items: PdfItem[]): (y: number) => number {
  const sorted = [...items].sort((a, b) => a.y - b.y);
  const baselines: number[] = [];
  let size = 0;
  for (const it of sorted) {
    const b = baselines[baselines.length - 1];
    if (b !== undefined && Math.abs(it.y - b) <= 0.45 * Math.min(size, it.size || size)) continue;
    baselines.push(it.y);
    size = it.size;
  }
  return (y) => {
    // the nearer of the baselines on either side of y
    const lo = Math.max(0, lastIndexAtMost(baselines, y, (b) => b));
    const hi = Math.min(lo + 1, baselines.length - 1);
    return (Math.abs(baselines[hi]! - y) < Math.abs(baselines[lo]! - y) ? hi : lo) + 1;
  };
}

/**
 * A page's lines with its ruled tables read cell by cell: the items outside the tables laid out
 * line by line, and each table's rows (see pdf-lattice.ts) put in where the table stands.
 */
function linesWithTables(flat: PdfItem[], rules: PdfRule[], unit: number, left: number, em: number, carried: Carried[]): Line[] | undefined {
  const { tables, rest } = latticeTables(flat, rules, carried);
  if (tables.length === 0) return undefined;
  const printedOf = baselineNumbers(flat);
  const lines = pageLines(joinVerticalCells(rest), unit, left, printedOf);
  for (const t of tables) {
    const rows: Line[] = latticeRows(t).map((r) => ({
      text: r.text,
      left: r.x,
      right: t.xs[t.xs.length - 1]!,
      y: r.y,
      size: r.size ?? em,
      cells: true,
      printed: printedOf(r.y),
      row: t.across ? { cols: r.cols, cells: r.cells, full: r.full, xs: t.xs, across: t.across } : { cols: r.cols, cells: r.cells, full: r.full, xs: t.xs },
    }));
    const at = lines.findIndex((l) => l.y > t.ys[0]!);
    lines.splice(at < 0 ? lines.length : at, 0, ...rows);
  }
  return lines;
}


/**
 * A table row whose label wraps over two lines while its figures sit centred between them
 * (the default in web pages) prints as three lines: the label's first half, the figures alone,
 * the label's second half. They are made one row again: label, then figures in their columns.
 * Only when the figures line holds no label of its own and both halves stand in one column
 * left of the figures, close above and below.
 */
function mergeCentredRows(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const [u, l, d] = [lines[i]!, lines[i + 1], lines[i + 2]];
    if (!l || !d || u.cells || d.cells || !l.cells || !FIGURE.test(l.text.trimStart().split(/ {2,}/)[0]!)) {
      out.push(u);
      continue;
    }
    const em = l.size;
    const close = l.y - u.y <= 1.6 * em && d.y - l.y <= 1.6 * em && Math.abs(u.size - em) <= 0.15 * em && Math.abs(d.size - em) <= 0.15 * em;
    const leftOf = u.right <= l.left - 0.5 * em && d.right <= l.left - 0.5 * em;
    const oneColumn = Math.min(u.right, d.right) > Math.max(u.left, d.left);
    if (!close || !leftOf || !oneColumn || NUMBER_LABEL.test(d.text.trimStart())) {
      out.push(u);
      continue;
    }
    const first = u.text.trim();
    const second = d.text.trim();
    const label = first + joiner(first, second) + second;
    const values = l.text.trimStart();
    const column = l.text.length - values.length;
    const text = label + ' '.repeat(Math.max(2, column - displayWidth(label))) + values;
    out.push({
      text,
      left: Math.min(u.left, d.left),
      right: l.right,
      y: l.y,
      size: em,
      cells: true,
      printed: u.printed,
      parts: [
        { at: label.length - second.length, printed: d.printed },
        { at: text.length - values.length, printed: l.printed },
      ],
    });
    i += 2;
  }
  return out;
}

/** The left and right edges of a page's text, where wrapped lines start and end. */
interface Margins {
  left: number;
  right: number;
}

function margins(lines: Line[], pageWidth: number | undefined, em: number): Margins {
  // only lines in the text's own size: running heads, footers and footnotes in a smaller type
  // often stand wider than the text
  const body = lines.filter((l) => Math.abs(l.size - em) <= 0.15 * em);
  const use = body.length ? body : lines;
  const left = minOf(use.map((l) => l.left));
  // the right edge the most lines end just short of (at least two), past the middle of the page:
  // a line or two sticking out (a long address, a wide caption, punctuation hung in the margin)
  // do not move it. Where no two lines agree (a page of a few lines), the right margin is
  // taken to be as wide as the left one; without the page's width, no line counts as full.
  const rights = use
    .filter((l) => !l.cells)
    .map((l) => l.right)
    .sort((a, b) => b - a);
  const wide = (r: number): boolean => pageWidth === undefined || r - left >= 0.5 * (pageWidth - 2 * left);
  const near = (r: number): number => rights.filter((x) => x <= r && x >= r - 1.5 * em).length;
  const counts = rights.map((r) => (wide(r) ? near(r) : 0));
  const most = Math.max(0, ...counts);
  const shared = most >= 2 ? rights[counts.indexOf(most)] : undefined;
  const right = shared ?? (pageWidth !== undefined ? pageWidth - left : Infinity);
  return { left, right };
}

/** A page number as printed in a page's head or foot: 3, - 3 -, — 3 —, 第 3 页, 3/12, 第3页 共12页. */
const PAGE_NUMBER = /^[-—–－_·•\s]*(?:第\s*)?\d{1,4}\s*页?\s*(?:[/／]\s*\d{1,4}|共\s*\d{1,4}\s*页)?[-—–－_·•\s]*$/;

/** A line of a page's head or foot rather than its text: in a smaller type, or a page number. */
function isRunning(l: Line, em: number): boolean {
  return l.size <= 0.85 * em || PAGE_NUMBER.test(l.text);
}

/**
 * Whether printed line `b` carries on the paragraph of line `a` (see the module comment). `m`
 * holds the margins of `a`'s page and `mb` those of `b`'s, which differ when `b` starts a page.
 */
function continues(a: Line, b: Line, m: Margins, mb: Margins, samePage: boolean, bodyEm: number): boolean {
  if (a.cells || b.cells) return false;
  if (Math.abs(a.size - b.size) > 0.15 * a.size) return false;
  const em = a.size;
  if (samePage) {
    const step = b.y - a.y;
    if (step <= 0 || step > 2.2 * em) return false;
  }
  if (NUMBER_LABEL.test(b.text)) return false;
  // a full line followed by one that starts at the left edge; a line is full too when what the next
  // line starts with and the layout does not break (a Latin word, a number, an address; a Chinese
  // character with the closing marks that may not start a line) did not fit after it
  const full = a.right >= m.right - 1.5 * em || (b.unit !== undefined && b.unit >= em && a.right + b.unit >= m.right - 0.5 * em);
  if (full && b.left <= mb.left + 0.5 * em && (!samePage || b.left <= a.left + 0.5 * em)) return true;
  if (!samePage) return false;
  // a title over two lines (or more): larger than the text, centred on one axis, the first
  // line nearly full and the second no longer
  const ca = (a.left + a.right) / 2;
  const cb = (b.left + b.right) / 2;
  return a.size >= 1.15 * bodyEm && a.right - a.left >= 0.8 * (m.right - m.left) && b.right - b.left <= a.right - a.left + 0.5 * em && Math.abs(ca - cb) <= em;
}


/**
 * A run parted where a space stands between two Chinese characters: only spacing, which the line
 * rebuilt from the parts leaves out as before; but the PDF may have written two cells' text as one
 * run (法律服务机构 其他, two header cells that all but touch), and apart, each part stands where
 * its characters do (a Chinese character an em wide as far as the run's width allows, the rest
 * sharing what is left).
 */
function partedAtSpaces(it: PdfItem): PdfItem[] {
  const chars = [...it.str];
  const cuts = chars.map((ch, k) => ch === ' ' && k > 0 && k + 1 < chars.length && CJK.test(chars[k - 1]!) && CJK.test(chars[k + 1]!));
  if (!cuts.some(Boolean)) return [it];
  const wide = chars.filter((ch) => CJK.test(ch)).length;
  const em = Math.min(it.size || 10, it.width / Math.max(1, wide));
  const rest = chars.length > wide ? (it.width - wide * em) / (chars.length - wide) : 0;
  const out: PdfItem[] = [];
  let [x, from, str] = [it.x, it.x, ''];
  chars.forEach((ch, k) => {
    const w = CJK.test(ch) ? em : rest;
    if (cuts[k]) {
      out.push({ ...it, str, x: from, width: x - from });
      [from, str] = [x + w, ''];
    } else str += ch;
    x += w;
  });
  out.push({ ...it, str, x: from, width: it.x + it.width - from });
  return out;
}

/**
 * Letter-spaced text made whole again. A title, a signature or a table's header cell set with wide
 * spacing between its characters (Word's 分散对齐, expanded spacing, CSS letter-spacing) reaches
 * pdf.js either as a run with spaces between its characters (`临 川 市`: Chinese has no spaces, so
 * one between two Chinese characters is only spacing and is dropped) or, spaced wider, as one run
 * per character, far apart, which line by line would read as cells of a table. A run whose
 * characters all stand one space apart, Chinese among them, loses its spaces; runs of one character
 * each on one baseline, three or more the same distance apart (within a tenth of an em: spacing is
 * added after each character, whatever its width), at least two of them Chinese characters, are
 * made one run — unless they are the tops of columns of characters (header cells printed one
 * character a line, which joinVerticalCells reads). Figures alone are never joined: a row of
 * single-digit figures in evenly wide columns is a table's.
 */
function unspaced(items: PdfItem[]): PdfItem[] {
  const tidy = items.flatMap((it) => {
    if (!it.str.includes(' ')) return [it];
    const t = it.str.trim();
    // every character one space from the next, Chinese among them: a letter-spaced run
    if (/^(?:\S )+\S$/.test(t) && (t.match(/[\u3400-\u9fff]/g)?.length ?? 0) >= 2) return [{ ...it, str: t.replace(/ /g, '') }];
    return partedAtSpaces(it);
  });
  // a character alone, or characters one space apart (pdf.js writes some of a spaced run so)
  const single = (it: PdfItem): boolean => /^(?:\S )*\S$/u.test(it.str.trim());
  if (tidy.filter(single).length < 3) return tidy;
  const order = [...tidy].sort((a, b) => a.y - b.y || a.x - b.x);
  const joined = new Map<PdfItem, PdfItem | undefined>();
  for (let i = 0; i < order.length; ) {
    const first = order[i]!;
    let j = i + 1;
    if (single(first)) {
      const em = first.size || 10;
      const gapAfter = (k: number): number => order[k + 1]!.x - (order[k]!.x + order[k]!.width);
      const gap = j < order.length ? gapAfter(i) : 0;
      while (
        j < order.length &&
        single(order[j]!) &&
        Math.abs(order[j]!.y - first.y) <= 0.2 * em &&
        Math.abs(order[j]!.size - first.size) <= 0.1 * em &&
        Math.abs(gapAfter(j - 1) - gap) <= 0.1 * em &&
        gap > 0.05 * em &&
        gap <= 3 * em
      )
        j++;
      const run = order.slice(i, j);
      const chinese = run.filter((it) => /[\u3400-\u9fff]/.test(it.str)).length;
      // the tops of header cells printed vertically (a character a line, in evenly wide columns) are no word
      const stacked = (it: PdfItem): boolean =>
        tidy.some((o) => o !== it && [...o.str.trim()].length <= 3 && Math.abs(o.x + o.width / 2 - (it.x + it.width / 2)) <= 0.3 * em && Math.abs(o.y - it.y) >= 0.9 * em && Math.abs(o.y - it.y) <= 2.6 * em);
      if (run.length >= 3 && chinese >= 2 && run.filter(stacked).length < 2) {
        const last = run[run.length - 1]!;
        joined.set(first, { ...first, str: run.map((it) => it.str.trim().replace(/ /g, '')).join(''), width: last.x + last.width - first.x });
        for (const it of run.slice(1)) joined.set(it, undefined);
        i = j;
        continue;
      }
    }
    i++;
  }
  if (joined.size === 0) return tidy;
  const out: PdfItem[] = [];
  for (const it of tidy) {
    if (!joined.has(it)) out.push(it);
    else if (joined.get(it)) out.push(joined.get(it)!);
  }
  return out;
}

/**
 * Text printed twice over itself, once: a shadow, or bold made by printing a run again a fraction
 * of a point aside (some converters do this for Chinese fonts without a bold face), gives pdf.js
 * each run twice, and read as it stands every such line said everything twice (`一、总体情况一、总体情况`).
 * A run that repeats an earlier one's text within a quarter of an em of its place is dropped.
 */
export function overprintedOnce(items: PdfItem[]): PdfItem[] {
  const seen = new Map<string, PdfItem[]>();
  const out: PdfItem[] = [];
  for (const it of items) {
    const key = it.str.trim();
    const same = seen.get(key);
    const near = (o: PdfItem): boolean => {
      const q = 0.25 * Math.max(o.size, it.size);
      return Math.abs(o.x - it.x) <= q && Math.abs(o.y - it.y) <= q && Math.abs(o.size - it.size) <= 0.1 * o.size;
    };
    if (same?.some(near)) continue;
    if (same) same.push(it);
    else seen.set(key, [it]);
    out.push(it);
  }
  return out;
}

/**
 * A table row cut by a page break: Word and LibreOffice let a row's cells run on to the next page,
 * so the last row of a ruled table on one page holds the first lines of its cells and the first
 * row on the next page (after the header rows Word repeats there) the rest. The two are one row
 * when the tables have the same outer edges and every cell the second half adds to ran to its
 * right edge on the page before (its text was wrapping) or was empty there — and the second half
 * does not start a numbered row of its own. Then `a` gets the second half's text cell by cell
 * (cells of the second half left of all of `a`'s, merged down from rows above, go first) and the
 * line `lines[at]` is dropped.
 */
function joinSplitRow(a: Line, lines: Line[], at: number, page: number): void {
  const b = lines[at]!;
  const [ra, rb] = [a.row, b.row];
  // the same table: the same outer edges (a column may be split further on one page than the other)
  const near = (x: number, y: number): boolean => Math.abs(x - y) <= 2;
  if (!ra || !rb || !near(ra.xs[0]!, rb.xs[0]!) || !near(ra.xs[ra.xs.length - 1]!, rb.xs[rb.xs.length - 1]!)) return;
  const leftA = ra.cols.map((c) => ra.xs[c]!);
  const rightOf = (r: NonNullable<Line['row']>, k: number): number => r.xs[r.cols[k + 1] ?? r.xs.length - 1]!;
  // the cell of `a` that starts where a cell of `b` does; or, where the two pages' lines down were
  // found from the text and stand apart (a table with rules across only), the one that covers most of it
  const cellOf = (k: number): number => {
    const x = rb.xs[rb.cols[k]!]!;
    const i = leftA.findIndex((l) => near(l, x));
    if (i >= 0) return i;
    const right = rightOf(rb, k);
    return leftA.findIndex((l, j) => {
      const overlap = Math.min(rightOf(ra, j), right) - Math.max(l, x);
      return overlap >= 0.5 * (rightOf(ra, j) - l) && overlap >= 0.5 * (right - x);
    });
  };
  const added = new Map<number, string>();
  /** cells of `b` merged with rows above `a` (a group label centred on rows over both pages): put before `a`'s cells */
  const kept: string[] = [];
  for (let k = 0; k < rb.cols.length; k++) {
    const second = rb.cells[k]!;
    if (second === '') continue;
    const x = rb.xs[rb.cols[k]!]!;
    const i = cellOf(k);
    if (i < 0 && x < leftA[0]! - 2) {
      kept.push(second);
      continue;
    }
    const first = i < 0 ? undefined : ra.cells[i]!;
    // a cell whose text printed only on the next page (centred in a row, or in cells merged down
    // over several rows) is the row's too
    // (a figure does not finish a label: a row of figures after a header row the break left at
    // the foot of the page is a row of its own)
    const ok = first === '' || (first !== undefined && ra.full[i]! && !NUMBER_LABEL.test(second) && !(FIGURE.test(second) && !/[\d０-９]$/.test(first)));
    if (!ok) return;
    added.set(i, second);
  }
  if (![...added.keys()].some((i) => ra.cells[i] !== '')) return;
  const cells: string[] = [];
  const parts: { at: number; printed: number; page?: number }[] = [...(a.parts ?? [])];
  let text = '|';
  if (kept.length) {
    parts.push({ at: 0, printed: b.printed, page });
    for (const k of kept) {
      text += ` ${k} |`;
      cells.push(k);
    }
    parts.push({ at: text.length, printed: a.printed });
  }
  ra.cells.forEach((first, i) => {
    const second = added.get(i);
    text += ` ${first}`;
    if (second !== undefined) {
      text += joiner(first, second);
      parts.push({ at: text.length, printed: b.printed, page });
      text += second;
      parts.push({ at: text.length, printed: a.printed });
    }
    cells.push(second === undefined ? first : first + joiner(first, second) + second);
    text += ' |';
  });
  a.text = text;
  a.parts = parts;
  a.row = { ...ra, cells: cells.slice(kept.length) };
  b.dropped = true;
}

/**
 * The text of a PDF's pages, with its lines, paragraphs and table rows rebuilt from the items'
 * coordinates. Pure: it sees only the items, so it runs the same wherever pdf.js ran.
 */
export function layoutPdf(pages: PdfPage[]): PdfLayout {
  let text = '';
  const pieces: Piece[] = [];
  const emptyPages: number[] = [];
  const pictures: number[] = [];
  /** the last line written, with the margins and type size of its page, while it may run on */
  let last: { line: Line; margins: Margins; em: number } | undefined;
  /**
   * Lines waiting to be written: the head and foot of pages (running heads, page numbers,
   * footnotes) while the paragraph that runs across the page break is finished first.
   */
  let held: { line: Line; page: number }[] = [];
  /** the next line starts a page: a blank line goes before it */
  let pageStart = false;
  const put = (l: Line, page: number): void => {
    pieces.push({ start: text.length, page, line: l.printed });
    for (const p of l.parts ?? []) pieces.push({ start: text.length + p.at, page: p.page ?? page, line: p.printed });
    text += l.text;
  };
  const newLine = (l: Line, page: number): void => {
    if (text !== '') text += pageStart ? '\n\n' : '\n';
    pageStart = false;
    put(l, page);
  };
  const flush = (): void => {
    for (const h of held) newLine(h.line, h.page);
    held = [];
  };
  // columns are counted from the leftmost text of the whole document, in half ems of its most
  // common size, so that a table carried over to the next page keeps its columns
  const all = pages.flatMap((p) => p.items.filter((i) => i.horizontal && i.str.trim() !== ''));
  const left = Math.max(0, minOf(all.map((i) => i.x)));
  const unit = (median(all.map((i) => i.size)) || 10) / 2;
  // each page's lines first, so that a table row the page break cut in two is made one again
  const lay = (page: PdfPage, carried: Carried[] = []) => {
    const flat = unspaced(overprintedOnce(page.items.filter((i) => i.horizontal && i.str.trim() !== '')));
    const em = median(flat.map((i) => i.size)) || 10;
    const lines = flat.length === 0 ? [] : (page.rules && linesWithTables(flat, page.rules, unit, left, em, carried)) || pageLines(joinVerticalCells(flat), unit, left);
    let lead = 0;
    while (lead < lines.length && isRunning(lines[lead]!, em)) lead++;
    let trail = lines.length;
    while (trail > lead && isRunning(lines[trail - 1]!, em)) trail--;
    return { flat, em, lines, lead, trail };
  };
  // a table with rules across only that a page break cuts: its columns are found from its text
  // on both pages (from one page's alone they may differ, where a few rows, or none with figures,
  // are all there is on the page): the part atop a page is read again with the part at the foot of
  // the page before, then that part with the one atop the next
  const laid: ReturnType<typeof lay>[] = [];
  const carried: Carried[][] = pages.map(() => []);
  const lastOf = (p: ReturnType<typeof lay>): Line | undefined => (p.trail > p.lead ? p.lines[p.trail - 1] : undefined);
  const firstOf = (p: ReturnType<typeof lay>): Line | undefined => (p.trail > p.lead ? p.lines[p.lead] : undefined);
  const cutOff = (row: NonNullable<Line['row']>, part: AcrossPart, at: number, above: boolean): Carried => ({ left: row.xs[0]!, right: row.xs[row.xs.length - 1]!, at, above, part });
  pages.forEach((page, k) => {
    let b = lay(page);
    const row = k > 0 ? lastOf(laid[k - 1]!)?.row : undefined;
    const first = firstOf(b);
    if (row?.across && first && page.rules) {
      carried[k]!.push(cutOff(row, row.across, first.y, true));
      b = lay(page, carried[k]);
    }
    laid.push(b);
  });
  for (let k = pages.length - 2; k >= 0; k--) {
    const row = firstOf(laid[k + 1]!)?.row;
    const last = lastOf(laid[k]!);
    if (!row?.across || !last || !pages[k]!.rules) continue;
    carried[k]!.push(cutOff(row, row.across, last.y, false));
    laid[k] = lay(pages[k]!, carried[k]);
  }
  // a part at the foot of a page found a table only with the part atop the next (too few rows of
  // its own): that part is read again with it, so both find their columns from the same rows
  for (let k = 1; k < pages.length; k++) {
    const row = lastOf(laid[k - 1]!)?.row;
    const first = firstOf(laid[k]!);
    if (!row?.across || !first || !pages[k]!.rules || carried[k]!.some((c) => c.above)) continue;
    carried[k]!.push(cutOff(row, row.across, first.y, true));
    laid[k] = lay(pages[k]!, carried[k]);
  }
  // the header rows Word repeats atop the next page, of a table read line by line (drawn without
  // borders): the page's first lines that repeat, two or more of them and one with cells, a run of
  // the page before's lines that rows follow there. Left in, they would part the table, and a label
  // the break cut (息需要另行制 / … / 作) from its end.
  for (let k = 0; k + 1 < laid.length; k++) {
    const [a, b] = [laid[k]!, laid[k + 1]!];
    if (a.trail <= a.lead || b.trail <= b.lead || a.lines[a.trail - 1]!.row || b.lines[b.lead]!.row) continue;
    let repeated = 0;
    for (let j = a.lead; j < a.trail; j++) {
      let m = 0;
      while (j + m < a.trail - 1 && b.lead + m < b.trail - 1 && a.lines[j + m]!.text === b.lines[b.lead + m]!.text) m++;
      repeated = Math.max(repeated, m);
    }
    if (repeated >= 2 && b.lines.slice(b.lead, b.lead + repeated).some((l) => l.cells)) for (let i = 0; i < repeated; i++) b.lines[b.lead + i]!.dropped = true;
  }
  /** the first rows of the table that runs to the foot of the page before: Word repeats them atop the next */
  let head = new Set<string>();
  for (let k = 0; k + 1 < laid.length; k++) {
    const a = laid[k]!;
    const b = laid[k + 1]!;
    if (a.trail <= a.lead || !a.lines[a.trail - 1]!.row) {
      head = new Set();
      continue;
    }
    // the table at the foot of the page: where it starts on the page, and whether it started on an earlier one
    let first = a.trail - 1;
    while (first > a.lead && a.lines[first - 1]!.row) first--;
    const carried = first === a.lead && k > 0 && head.size > 0;
    if (!carried) head = new Set(a.lines.slice(first, first + MAX_HEADER_ROWS).map((l) => l.text));
    if (b.trail <= b.lead) continue;
    // the next page's first rows that repeat the table's header
    let start = b.lead;
    while (start < b.trail - 1 && b.lines[start]!.row && head.has(b.lines[start]!.text)) start++;
    joinSplitRow(a.lines[a.trail - 1]!, b.lines, start, pages[k + 1]!.number);
  }
  pages.forEach((page, k) => {
    const { flat, em, lines, lead, trail } = laid[k]!;
    const others = page.items.filter((i) => !i.horizontal && i.str.trim() !== '');
    // the page's pictures, top to bottom: each stands where the text above it ends
    const tops = [...(page.pictures ?? [])].sort((a, b) => a - b);
    let pic = 0;
    const picturesAbove = (y: number): void => {
      for (; pic < tops.length && tops[pic]! < y; pic++) pictures.push(text.length);
    };
    if (flat.length === 0 && others.length === 0) {
      emptyPages.push(page.number);
      picturesAbove(Infinity);
      last = undefined;
      return;
    }
    const m = lines.length ? margins(lines, page.width, em) : { left: 0, right: 0 };
    // the page's head and foot (lines before `lead` and from `trail`), and its text between them
    const across = last !== undefined && lead < trail && continues(last.line, lines[lead]!, last.margins, m, false, last.em);
    if (!across) {
      flush();
      last = undefined;
      pageStart = text !== '';
    }
    lines.forEach((line, i) => {
      picturesAbove(line.y - line.size);
      if (line.dropped) return;
      if (i >= trail || (across && i < lead)) {
        held.push({ line, page: page.number });
        return;
      }
      const runsOn = i === lead && across ? true : i > 0 && i - 1 >= (across ? lead : 0) && last !== undefined && continues(last.line, line, last.margins, m, true, last.em);
      if (runsOn) {
        text += joiner(text, line.text);
        put(line, page.number);
      } else {
        flush();
        newLine(line, page.number);
      }
      last = { line, margins: m, em };
    });
    picturesAbove(Infinity);
    // text that is not horizontal (stamps, watermarks) after the page's lines
    const printed = lines.reduce((n, l) => Math.max(n, l.printed, ...(l.parts ?? []).map((p) => p.printed)), 0);
    others.forEach((it, k) =>
      held.push({ line: { text: it.str.trim(), left: it.x, right: it.x, y: it.y, size: it.size, cells: false, printed: printed + k + 1 }, page: page.number }),
    );
  });
  flush();
  pieces.sort((a, b) => a.start - b.start);
  return { text, pieces, emptyPages, pictures };
}

/** Page and printed line of an offset in the extracted text. */
export class PdfLocator {
  constructor(private readonly pieces: Piece[]) {}

  pieceAt(offset: number): Piece | undefined {
    return lastAtMost(this.pieces, offset, (p) => p.start) ?? this.pieces[0];
  }

  describe(offset: number, locale: 'zh' | 'en' = 'zh'): string | undefined {
    const p = this.pieceAt(offset);
    if (!p) return undefined;
    return locale === 'en' ? `page ${p.page}, line ${p.line}` : `第 ${p.page} 页第 ${p.line} 行`;
  }
}

/** Where pdf.js finds the character maps of non-embedded CJK fonts and the standard fonts. */
export interface PdfAssets {
  /** folder (or URL) of pdf.js's `cmaps/`, ending in `/` */
  cMapUrl?: string;
  /** folder (or URL) of pdf.js's `standard_fonts/`, ending in `/` */
  standardFontDataUrl?: string;
  /** URL of `pdf.worker.mjs` (browsers; Node runs pdf.js in the same thread without it) */
  workerSrc?: string;
}

export type PdfFailure =
  | { reason: 'corrupt'; detail: string }
  | { reason: 'truncated' }
  | { reason: 'encrypted' }
  | { reason: 'tooManyPages'; pages: number }
  | { reason: 'tooMuchText' }
  | { reason: 'scanned'; pages: number };

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;

/**
 * pdf.js is large: loaded the first time a PDF is read, with its worker's code, which it then runs
 * in this thread (it looks for it on `globalThis.pdfjsWorker`; a browser's worker sets it first).
 */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= keepingBuiltins(async () => {
    const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
    if ((globalThis as { pdfjsWorker?: unknown }).pdfjsWorker === undefined) await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return lib;
  });
  return pdfjs;
}

/** The built-in objects whose methods `keepingBuiltins` keeps. */
const BUILTINS: object[] = [
  Array,
  Array.prototype,
  Object,
  JSON,
  Math,
  Number,
  String,
  String.prototype,
  RegExp.prototype,
  Promise,
  Map.prototype,
  Set.prototype,
  ArrayBuffer.prototype,
  Object.getPrototypeOf(Uint8Array.prototype) as object,
  Uint8Array.prototype,
];

/**
 * Load something that may replace the engine's own built-in methods, and put back those it
 * replaced (what it adds is kept). pdf.js's legacy build brings core-js, which on the V8 of Node 20
 * replaces `Array.prototype.push`, `JSON.stringify` and `JSON.parse` with its own versions, for
 * edge cases no code here meets (lengths past 2^32, `JSON.rawJSON`). For the rest of the thread's
 * life every report it checked, PDF or not, would pay for it: `push` took 2.5 times as long, and
 * `JSON.stringify` of an audit's result 6 to 8 times (`test/read-pdf.test.ts`).
 */
export async function keepingBuiltins<T>(load: () => Promise<T>): Promise<T> {
  const before: [object, PropertyKey, PropertyDescriptor][] = [];
  for (const o of BUILTINS) {
    for (const key of Reflect.ownKeys(o)) {
      const d = Object.getOwnPropertyDescriptor(o, key);
      if (d && typeof d.value === 'function') before.push([o, key, d]);
    }
  }
  try {
    return await load();
  } finally {
    for (const [o, key, d] of before) {
      if (Object.getOwnPropertyDescriptor(o, key)?.value !== d.value) Object.defineProperty(o, key, d);
    }
  }
}

/**
 * A PDF ends with `%%EOF` (perhaps followed by white space or padding). Without it the file was
 * cut short — an interrupted download — and pdf.js would quietly read what is left.
 */
export function looksTruncated(buf: Uint8Array): boolean {
  let end = buf.length;
  while (end > 0 && (buf[end - 1] === 0 || buf[end - 1] === 0x20 || (buf[end - 1]! >= 0x09 && buf[end - 1]! <= 0x0d))) end--;
  const tail = new TextDecoder('latin1').decode(buf.subarray(Math.max(0, end - 1024), end));
  return !tail.includes('%%EOF');
}

/** Characters other than white space on a page. */
export function textChars(items: PdfItem[]): number {
  let n = 0;
  for (const i of items) n += i.str.replace(/\s+/g, '').length;
  return n;
}

/** A picture is at least this share of the page's width (a seal, a logo or a QR code is not)… */
const MIN_PICTURE_WIDTH = 0.3;
/** …and this tall, in points (three lines of text). */
const MIN_PICTURE_HEIGHT = 36;
/** A page has room for a picture where its text leaves this share of its height free in one stretch. */
const PICTURE_ROOM = 0.2;

/**
 * Whether the text of a page leaves a stretch free where a picture could stand: drawing a page's
 * operators to find its images takes two to three times as long as taking its text, so only such
 * pages are asked (and pages with almost no text, which may be scanned). `edges` says whether the
 * free space above the page's first line and below its last counts: not before the document's
 * first line nor after its last, where a picture stands in no part of the report (and where the
 * last page's text ends short).
 */
export function roomForPicture(items: PdfItem[], height: number, edges: { top: boolean; bottom: boolean }): boolean {
  const ys = items.filter((i) => i.horizontal && i.str.trim() !== '').map((i) => i.y).sort((a, b) => a - b);
  if (ys.length === 0) return true;
  let free = Math.max(edges.top ? ys[0]! : 0, edges.bottom ? height - ys[ys.length - 1]! : 0);
  for (let k = 1; k < ys.length; k++) free = Math.max(free, ys[k]! - ys[k - 1]!);
  return free >= PICTURE_ROOM * height;
}

/** Where a page's images are drawn, in the page's coordinates (y downwards). */
interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * What a page's operators draw that the reader looks at: the boxes of its images, and the
 * straight horizontal and vertical lines of its drawings (the borders of ruled tables, drawn as
 * lines or as thin filled rectangles). An image fills the unit square of the transformation in
 * force, which `cm` (a `transform`), `q`/`Q` (`save`/`restore`) and the matrix of a form
 * (`paintFormXObjectBegin`/`End`) change; a path's points are in the same space.
 */
function drawn(lib: PdfJs, fnArray: number[], argsArray: unknown[][], viewport: number[], wantRules: boolean): { images: Box[]; rules: PdfRule[] } {
  const o = lib.OPS;
  const IMAGE_OPS = new Set<number>([
    o.paintImageXObject,
    o.paintImageXObjectRepeat,
    o.paintInlineImageXObject,
    o.paintInlineImageXObjectGroup,
    o.paintImageMaskXObject,
    o.paintImageMaskXObjectGroup,
    o.paintImageMaskXObjectRepeat,
  ]);
  const STROKES = new Set<number>([o.stroke, o.closeStroke, o.fillStroke, o.eoFillStroke, o.closeFillStroke, o.closeEOFillStroke]);
  const FILLS = new Set<number>([o.fill, o.eoFill, o.fillStroke, o.eoFillStroke, o.closeFillStroke, o.closeEOFillStroke]);
  const images: Box[] = [];
  const rules: PdfRule[] = [];
  let ctm = [1, 0, 0, 1, 0, 0];
  const saved: number[][] = [];
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i]!;
    const args = argsArray[i] ?? [];
    if (fn === o.save) saved.push(ctm);
    else if (fn === o.restore) ctm = saved.pop() ?? ctm;
    else if (fn === o.transform) ctm = lib.Util.transform(ctm, args as number[]);
    else if (fn === o.paintFormXObjectBegin) {
      saved.push(ctm);
      if (Array.isArray(args[0]) && args[0].length === 6) ctm = lib.Util.transform(ctm, args[0] as number[]);
    } else if (fn === o.paintFormXObjectEnd) ctm = saved.pop() ?? ctm;
    else if (IMAGE_OPS.has(fn)) {
      const m = lib.Util.transform(viewport, ctm);
      const corners = [[0, 0], [1, 0], [0, 1], [1, 1]] as const;
      const xs = corners.map(([x, y]) => x * m[0]! + y * m[2]! + m[4]!);
      const ys = corners.map(([x, y]) => x * m[1]! + y * m[3]! + m[5]!);
      images.push({ left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) });
    } else if (wantRules && fn === o.constructPath && rules.length <= MAX_RULES) {
      const paint = args[0] as number;
      const path = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!path || (!STROKES.has(paint) && !FILLS.has(paint))) continue;
      pathRules(path, lib.Util.transform(viewport, ctm), STROKES.has(paint), FILLS.has(paint), rules);
    }
  }
  return { images, rules };
}

/** pdf.js's drawing operations in a path (`DrawOPS`), and the numbers each takes. */
const PATH_OPS = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 } as const;
const PATH_ARGS = [2, 2, 6, 4, 0];
/** A filled rectangle at most this thick (points) is a rule. */
const RULE_THICKNESS = 3;

/**
 * The rules a path draws, in page coordinates: a stroked straight segment that runs across or
 * down the page, and a filled rectangle that is thin (the borders Word and browsers draw).
 */
function pathRules(path: ArrayLike<number>, m: number[], stroked: boolean, filled: boolean, out: PdfRule[]): void {
  const px = (x: number, y: number): number => x * m[0]! + y * m[2]! + m[4]!;
  const py = (x: number, y: number): number => x * m[1]! + y * m[3]! + m[5]!;
  let sub: [number, number][] = [];
  let curved = false;
  const endSub = (): void => {
    if (filled && !curved && sub.length >= 4 && sub.length <= 6) {
      const xs = sub.map((p) => p[0]);
      const ys = sub.map((p) => p[1]);
      const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      const onEdges = sub.every(([x, y]) => (Math.abs(x - x0) < 0.5 || Math.abs(x - x1) < 0.5) && (Math.abs(y - y0) < 0.5 || Math.abs(y - y1) < 0.5));
      if (onEdges && Math.min(x1 - x0, y1 - y0) <= RULE_THICKNESS) {
        if (x1 - x0 >= y1 - y0) out.push({ horizontal: true, at: (y0 + y1) / 2, from: x0, to: x1 });
        else out.push({ horizontal: false, at: (x0 + x1) / 2, from: y0, to: y1 });
      }
    }
    sub = [];
    curved = false;
  };
  const segment = (a: [number, number], b: [number, number]): void => {
    if (!stroked) return;
    if (Math.abs(a[1] - b[1]) <= 0.5 && Math.abs(a[0] - b[0]) > 0.5) out.push({ horizontal: true, at: (a[1] + b[1]) / 2, from: Math.min(a[0], b[0]), to: Math.max(a[0], b[0]) });
    else if (Math.abs(a[0] - b[0]) <= 0.5 && Math.abs(a[1] - b[1]) > 0.5) out.push({ horizontal: false, at: (a[0] + b[0]) / 2, from: Math.min(a[1], b[1]), to: Math.max(a[1], b[1]) });
  };
  let cur: [number, number] | undefined;
  let start: [number, number] | undefined;
  for (let i = 0; i < path.length; ) {
    const op = path[i]!;
    const n = PATH_ARGS[op];
    if (n === undefined) return;
    const a = Array.from({ length: n }, (_, k) => path[i + 1 + k]!);
    i += 1 + n;
    if (op === PATH_OPS.moveTo) {
      endSub();
      cur = start = [px(a[0]!, a[1]!), py(a[0]!, a[1]!)];
      sub.push(cur);
    } else if (op === PATH_OPS.lineTo) {
      const p: [number, number] = [px(a[0]!, a[1]!), py(a[0]!, a[1]!)];
      if (cur) segment(cur, p);
      cur = p;
      sub.push(p);
    } else if (op === PATH_OPS.closePath) {
      if (cur && start) segment(cur, start);
      cur = start;
    } else {
      curved = true;
      cur = [px(a[n - 2]!, a[n - 1]!), py(a[n - 2]!, a[n - 1]!)];
    }
    if (out.length > MAX_RULES) return;
  }
  endSub();
}

/**
 * Runs of text that stand apart as cells of a table do: a figure alone with nothing close before or
 * after it on its line, or a run two ems or more after the text before it on its line. Prose
 * carries its figures in its runs, or beside them, and leaves no wide gaps. A page with a few of
 * them may hold a table whose borders are worth reading.
 */
function cellsApart(items: PdfItem[]): number {
  const flat = items.filter((it) => it.horizontal && it.str.trim() !== '').sort((a, b) => a.y - b.y || a.x - b.x);
  let n = 0;
  for (let i = 0; i < flat.length; i++) {
    const f = flat[i]!;
    const em = f.size || 10;
    const line = (o: PdfItem): boolean => Math.abs(o.y - f.y) <= 0.45 * em;
    // the nearest run before it on its line
    let gap = Infinity;
    for (let k = i - 1; k >= 0 && flat[k]!.y >= f.y - 0.45 * em; k--) if (line(flat[k]!)) gap = Math.min(gap, f.x - (flat[k]!.x + flat[k]!.width));
    for (let k = i + 1; k < flat.length && flat[k]!.y <= f.y + 0.45 * em; k++) if (line(flat[k]!) && flat[k]!.x < f.x) gap = Math.min(gap, f.x - (flat[k]!.x + flat[k]!.width));
    if (gap !== Infinity && gap >= 2 * em) n++;
    else if (FIGURE.test(f.str.trim()) && gap >= 0.8 * em && !flat.some((o) => o !== f && line(o) && o.x >= f.x + f.width && o.x < f.x + f.width + 0.8 * em)) n++;
  }
  return n;
}

/** The pages of a PDF as text items, via pdf.js. Throws pdf.js's errors. */
export async function pdfPages(buf: Uint8Array, assets: PdfAssets = {}): Promise<PdfPage[] | PdfFailure> {
  const lib = await loadPdfJs();
  if (assets.workerSrc) lib.GlobalWorkerOptions.workerSrc = assets.workerSrc;
  const task = lib.getDocument({
    // pdf.js may take the buffer over: give it a copy
    data: new Uint8Array(buf),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: lib.VerbosityLevel.ERRORS,
    cMapUrl: assets.cMapUrl,
    cMapPacked: true,
    standardFontDataUrl: assets.standardFontDataUrl,
  });
  try {
    const doc = await task.promise;
    if (doc.numPages > MAX_PDF_PAGES) return { reason: 'tooManyPages', pages: doc.numPages };
    const pages: PdfPage[] = [];
    let chars = 0;
    let imageChecks = 0;
    let ruleChecks = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: PdfItem[] = [];
      for (const raw of content.items) {
        if (!('str' in raw) || raw.str === '') continue;
        chars += raw.str.length;
        const t = lib.Util.transform(viewport.transform, raw.transform as number[]);
        const horizontal = raw.dir !== 'ttb' && Math.abs(t[1]!) < 1e-3 * Math.abs(t[0]!) && Math.abs(t[2]!) < 1e-3 * Math.abs(t[3]!) && t[0]! > 0;
        items.push({ str: raw.str, x: t[4]!, y: t[5]!, width: raw.width, size: Math.hypot(t[2]!, t[3]!) || raw.height, horizontal });
      }
      if (chars > MAX_PDF_CHARS) return { reason: 'tooMuchText' };
      let hasImages = false;
      let pictures: number[] | undefined;
      let rules: PdfRule[] | undefined;
      const wantImages = (textChars(items) < MIN_PAGE_TEXT || roomForPicture(items, viewport.height, { top: n > 1, bottom: n < doc.numPages })) && imageChecks < MAX_IMAGE_CHECKS;
      // a page with cells set apart may hold a ruled table: its borders say where its cells are
      const wantRules = ruleChecks < MAX_RULE_CHECKS && cellsApart(items) >= MIN_TABLE_CELLS;
      if (wantImages || wantRules) {
        if (wantImages) imageChecks++;
        if (wantRules) ruleChecks++;
        const ops = await page.getOperatorList();
        const seen = drawn(lib, ops.fnArray, ops.argsArray, viewport.transform, wantRules);
        if (wantImages) {
          hasImages = seen.images.length > 0;
          pictures = seen.images.filter((b) => b.right - b.left >= MIN_PICTURE_WIDTH * viewport.width && b.bottom - b.top >= MIN_PICTURE_HEIGHT).map((b) => b.top);
        }
        if (seen.rules.length) rules = seen.rules;
      }
      pages.push({ number: n, items, width: viewport.width, hasImages, ...(pictures?.length ? { pictures } : {}), ...(rules ? { rules } : {}) });
      page.cleanup();
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

const MESSAGES = {
  corrupt: {
    zh: 'PDF 文件已损坏，无法读取：{detail}',
    en: 'the PDF file is damaged and cannot be read: {detail}',
  },
  truncated: {
    zh: 'PDF 文件不完整（缺少文件结尾，可能未下载完整），无法读取',
    en: 'the PDF file is incomplete (its end is missing: an interrupted download?) and cannot be read',
  },
  encrypted: {
    zh: 'PDF 文件已加密，需要密码才能打开，无法读取；请提供未加密的版本',
    en: 'the PDF file is encrypted and needs a password to open; provide a version without a password',
  },
  tooManyPages: {
    zh: 'PDF 有 {pages} 页，超过上限 {max} 页，不像一份年度报告，未读取',
    en: 'the PDF has {pages} pages, over the limit of {max}; not an annual report, not read',
  },
  tooMuchText: {
    zh: 'PDF 中的文字超过 {max} 个字符的上限，未读取',
    en: 'the PDF holds more than {max} characters of text, over the limit; not read',
  },
  scanned: {
    zh: '扫描版 PDF：没有可检查的文字（{pages} 页都没有文字层，至多有页码之类的零星文字，可能是扫描件或图片）；请提供带文字的 PDF、.docx 或 .html 版本',
    en: 'scanned PDF: no text to check (none of its {pages} pages has a text layer beyond a few characters such as page numbers; a scan or images?); provide a PDF with text, a .docx or an .html version',
  },
} satisfies Record<PdfFailure['reason'], { zh: string; en: string }>;

const PAGES_WITHOUT_TEXT = {
  zh: 'PDF 的第 {pages} 页没有文字层（可能是扫描页），这些页的内容未检查',
  en: 'page(s) {pages} of the PDF have no text layer (scanned pages?); what they hold was not checked',
};

export function pdfFailureNotice(f: PdfFailure): ReaderNotice {
  const data: Record<string, string | number> =
    f.reason === 'corrupt'
      ? { detail: f.detail }
      : f.reason === 'tooManyPages'
        ? { pages: f.pages, max: MAX_PDF_PAGES }
        : f.reason === 'tooMuchText'
          ? { max: MAX_PDF_CHARS }
          : f.reason === 'scanned'
            ? { pages: f.pages }
            : {};
  const messageId = `pdf${f.reason[0]!.toUpperCase()}${f.reason.slice(1)}`;
  return { ruleId: 'file-unreadable', severity: 'error', messageId, data, messages: MESSAGES[f.reason] };
}

/** pdf.js's errors in plain words; the exception's own text only where it says something. */
function failureOf(err: unknown): PdfFailure {
  const e = err as { name?: string; message?: string };
  if (e?.name === 'PasswordException') return { reason: 'encrypted' };
  const detail = String(e?.message ?? err).replace(/\s+/g, ' ').trim();
  return { reason: 'corrupt', detail: detail || 'unknown error' };
}

/** Read a PDF: extract, lay out, and locate. Never throws. */
export async function readPdf(buf: Uint8Array, filePath: string, assets: PdfAssets = {}): Promise<SourceDocument | { failure: ReaderNotice }> {
  if (looksTruncated(buf)) return { failure: pdfFailureNotice({ reason: 'truncated' }) };
  let pages: PdfPage[] | PdfFailure;
  try {
    pages = await pdfPages(buf, assets);
  } catch (err) {
    return { failure: pdfFailureNotice(failureOf(err)) };
  }
  if (!Array.isArray(pages)) return { failure: pdfFailureNotice(pages) };
  const layout = layoutPdf(pages);
  const sparse = pages.filter((p) => textChars(p.items) < MIN_PAGE_TEXT);
  if (layout.text.trim() === '' || sparse.length === pages.length) return { failure: pdfFailureNotice({ reason: 'scanned', pages: pages.length }) };
  const locator = new PdfLocator(layout.pieces);
  const lines = new LineIndex(layout.text);
  const notices: ReaderNotice[] = [];
  const scannedPages = sparse.filter((p) => p.hasImages).map((p) => p.number);
  if (scannedPages.length) {
    notices.push({
      ruleId: 'file-unreadable',
      severity: 'warning',
      messageId: 'pdfPagesWithoutText',
      data: { pages: scannedPages.join('、'), pagesEn: scannedPages.join(', ') },
      messages: { zh: PAGES_WITHOUT_TEXT.zh, en: PAGES_WITHOUT_TEXT.en.replace('{pages}', '{pagesEn}') },
    });
  }
  return {
    filePath,
    kind: 'pdf',
    // (radicals a font gave for ordinary characters read as those characters, one for one)
    text: foldRadicals(layout.text),
    encoding: 'utf-8',
    ...(layout.pictures.length ? { pictures: layout.pictures } : {}),
    position: (offset) => lines.position(offset),
    describe: (offset, locale) => locator.describe(offset, locale),
    notices,
  };
}
