import type { Block, RawCell, RawTable, Section, TableLayout } from '../types.js';
import { isSpace, MappedText, type SourceRange } from '../../util/mapped-text.js';
import { halfWidthCode, toHalfWidth } from '../numerals.js';
import { readNumbering } from '../numbering.js';
import { cleanCellText } from '../text-table.js';
import { displayWidth } from '../../util/width.js';
import { parseCellValue, type CellValue } from './values.js';
import { hasCjk, normaliseLabel, type LabelSpec, type NormalisedLabel } from './labels.js';

/**
 * The first step of reading a table, whatever its layout: the cells in reading order, each a
 * label or a value, grouped into the rows the input shows. Recognition (recognise.ts) then
 * aligns that stream to a template: known row labels are anchors, the values after a label
 * belong to its row.
 *
 * What a row is depends on the layout, and recognition is told which:
 * - `delimited` rows are rows of the table as the input marks them (GFM and HTML rows, pipe
 *   rows): a row holding the wrong number of values is a fact about the table;
 * - the other rows are pieces of a stream with no row boundaries to trust: one cell per line
 *   (the whole grid is one row), and lines of plain text (PDF text with columns separated by
 *   spaces, a table run onto one line), where empty cells have left no trace. Values there
 *   belong to the last label before them; when their number does not fit, the table cannot be
 *   read with certainty.
 */

/** A cell prepared for recognition. */
export interface PCell {
  raw: RawCell;
  /** position in its grid row */
  col: number;
  text: string;
  /** the cell's text as a label; recognition reads labels of text cells only, and a value cell's is empty */
  label: NormalisedLabel;
  value: CellValue;
  /** reads as a label (words), not as a value */
  isText: boolean;
  /** a copy a row or column span produced */
  copy: boolean;
  /** figures cut from a label they were run onto without a space (`数条346085376`): columns may be run together too */
  glued?: boolean;
}

export interface PRow {
  cells: PCell[];
  /** the cells that are no span copies, and those of them that are labels (every template reads them) */
  own: PCell[];
  texts: PCell[];
  /** index in Report.tables; -1 for a line of text */
  grid: number;
  /** cell positions line up with the header's (GFM, HTML with spans expanded) */
  positional: boolean;
  /** the row is a row of the table as the input marks it (see above) */
  delimited: boolean;
  /** a line of running text cut into cells: its labels must look like labels, not prose */
  prose: boolean;
  /** a heading of the document (a table split into pieces, each under its row's label) */
  heading?: boolean;
  layout: TableLayout;
  range: SourceRange;
}

/** Consecutive grids and table lines of one table (or of several adjacent tables). */
export interface Run {
  rows: PRow[];
  grids: number[];
  /** the document ends with this run (or only blank space follows) */
  endsDocument: boolean;
  /** the labels of its text cells, each text once, in reading order: made by recognition on first use */
  labels?: NormalisedLabel[];
  /** whether it holds a template's anchor, by anchor spec (asked by every template, some twice): filled by recognition */
  anchorsFound?: Map<LabelSpec, boolean>;
}

export function prepareCell(raw: RawCell, col: number, rowIndex: number): PCell {
  const value = parseCellValue(raw.text);
  // (the value's text is the cell's, trimmed)
  const text = value.text;
  const copy = !!raw.origin && (raw.origin.row !== rowIndex || raw.origin.col !== col);
  // a lone bracket or closing quote is the end of a label wrapped onto a line of its own (`3.危及“三安全一稳定` / `”`), never a value
  const isText = value.kind === 'invalid' && (hasCjk(text) || /^[（）()“”"’」』》〕】]+$/.test(text));
  // (every cell made with the same properties in the same order: one object shape for all)
  return { raw, col, text, label: isText ? normaliseLabel(text) : NO_LABEL, value, isText, copy, glued: false };
}

/** The label of a value cell: no label is looked up for figures and blanks, which are most cells. */
const NO_LABEL: NormalisedLabel = Object.freeze({ text: '', core: '' });

/** A row's cells that are no span copies, and those of them that are labels. */
function ownCells(cells: PCell[]): { own: PCell[]; texts: PCell[] } {
  const own: PCell[] = [];
  const texts: PCell[] = [];
  for (const c of cells) {
    if (c.copy) continue;
    own.push(c);
    if (c.isText) texts.push(c);
  }
  return { own, texts };
}

function gridRows(t: RawTable, gridIndex: number): PRow[] {
  const positional = t.layout === 'gfm' || t.layout === 'html' || t.layout === 'ruled-text';
  const delimited = t.layout !== 'cell-per-line';
  // (built with push, not map: V8's optimised map makes arrays of another elements kind than the
  // interpreter's, and code optimised for the one is thrown away on meeting the other)
  const prepared: PCell[][] = [];
  for (let r = 0; r < t.rows.length; r++) {
    const cells = t.rows[r]!;
    const row: PCell[] = [];
    for (let k = 0; k < cells.length; k++) row.push(prepareCell(cells[k]!, k, r));
    prepared.push(row);
  }
  if (positional || t.layout === 'pipe-text') repeatedSpans(prepared);
  const rows: PRow[] = [];
  for (let r = 0; r < t.rows.length; r++) {
    const pcells = prepared[r]!;
    if (pcells.length === 0) continue;
    const own = pcells.filter((c) => !c.copy && c.text !== '');
    const range = own.length ? { start: own[0]!.raw.range.start, end: own[own.length - 1]!.raw.range.end } : (t.rows[r]![0]?.range ?? t.range);
    const { own: notCopies, texts } = ownCells(pcells);
    rows.push({ cells: pcells, own: notCopies, texts, grid: gridIndex, positional, delimited, prose: false, heading: false, layout: t.layout, range });
  }
  return rows;
}

/**
 * Merged cells a converter wrote out in every place they cover (pandas.read_html, some HTML and
 * Word converters): the same text in cells side by side. The repeats are marked as copies, as the
 * places a span covers are in HTML: a title or header word over several columns (第二十条第（八）项
 * four times, 本年增/减 twice), a row label over several columns (一、本年新收… three times), and a
 * figure over the columns its header spans (本年增/减 twice above it, its figure twice below).
 * A figure repeated under different header words is two figures.
 */
function repeatedSpans(rows: PCell[][]): void {
  /** the last row without figures above: the header the figures stand under */
  let header: PCell[] | undefined;
  for (const row of rows) {
    const figures = row.some((c) => !c.isText && c.text !== '');
    for (let k = 1; k < row.length; k++) {
      const [a, c] = [row[k - 1]!, row[k]!];
      if (c.copy || c.text === '' || c.text !== a.text || c.raw.origin || a.raw.origin) continue;
      const spanned = c.isText || !figures || (header !== undefined && header[k]?.copy === true && header[k]!.text === header[k - 1]?.text);
      if (spanned) c.copy = true;
    }
    if (!figures) header = row;
  }
}

/** A page number or running foot a PDF leaves between lines: `— 6 —`, `- 3 -`, `第 3 页`, `3/12`. */
export function isPageNumber(s: string): boolean {
  // (each form holds a digit and starts with a dash, 第 or a digit: most lines need no closer look)
  if (!ANY_DIGIT.test(s) || !PAGE_START.test(String.fromCharCode(halfWidthCode(firstNonSpace(s).charCodeAt(0))))) return false;
  const t = toHalfWidth(s).trim();
  return /^[-—–－―─_~]+\s*\d{1,4}\s*[-—–－―─_~]+$/.test(t) || /^第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$/.test(t) || /^\d{1,4}\s*\/\s*\d{1,4}$/.test(t);
}

const ANY_DIGIT = /[0-9０-９]/;
/** The first character of a page number line, half-width. */
const PAGE_START = /^[-—–－―─_~第\d]$/;
const SPACE = /\s/;

/** The first character of a text that is not white space ('' if none). */
function firstNonSpace(s: string): string {
  for (let i = 0; i < s.length; i++) if (!SPACE.test(s[i]!)) return s[i]!;
  return '';
}

/** Longest line read as table cells: a whole report run onto one line is some 10,000 characters. */
const MAX_LINE = 50_000;

/** Text outside brackets, an unclosed bracket's tail and an unopened one's head included. */
export function outsideBrackets(s: string): string {
  let t = s.replace(/[（(][^（()）]*[)）]/g, '');
  t = t.replace(/^[^（(]*[)）]/, '').replace(/[（(][^)）]*$/, '');
  return t;
}

/**
 * A table's border drawn in text, passed over like a page number: runs of three or more `-`, `=` or
 * `─` (with `+`, `|` or `:` between them), as pandoc writes a table's rules in plain text. (Not a
 * row of blank cells: a dash for a zero is one or two characters, and `—` is never a border.)
 */
const BORDER_LINE = /^[+|:\s]*[-=─]{3,}(?:[+|:\s]+[-=─]{3,})*[+|:\s]*$/;

/** A line of text that can be part of a table: no sentence punctuation outside brackets (the commas of a figure's thousands, 1,668, are none). */
function tableLine(s: string): boolean {
  let t = s.trim();
  // a whole article or table run onto one line: its cells are read as a stream (up to a size no report reaches)
  if (t.length > 200) return t.length <= MAX_LINE;
  if (!SENTENCE_MARK.test(t)) return true;
  if (t.includes(',')) {
    t = t.replace(THOUSANDS, '');
    if (!SENTENCE_MARK.test(t)) return true;
  }
  // (with no bracket, all of the line is outside brackets)
  if (!BRACKET.test(t)) return false;
  return !SENTENCE_MARK.test(outsideBrackets(t));
}

const SENTENCE_MARK = /[，,。；;！？!?]/;
/** the comma of a figure's thousands: 1,668 and 12,345,678 */
const THOUSANDS = /(?<=(?<![\d.,])\d{1,3}(?:,\d{3})*),(?=\d{3}(?!\d))/g;
const BRACKET = /[（()）]/;

/** Brackets a line opens less those it closes. */
function depthChange(s: string): number {
  let d = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0xff08 || c === 0x28) d++;
    else if (c === 0xff09 || c === 0x29) d--;
  }
  return d;
}

/** Whether s[from, to) is one or two Chinese characters (a character of a label spaced out: 商 业 企 业). */
function shortCjk(s: string, from: number, to: number): boolean {
  if (to - from > 2) return false;
  for (let k = from; k < to; k++) {
    const c = s.charCodeAt(k);
    if (c < 0x3400 || c > 0x9fff) return false;
  }
  return true;
}

/** Whether s[from, to) holds both a digit and a Chinese character (a label with figures run onto it). */
function digitAndCjk(s: string, from: number, to: number): boolean {
  let digit = false;
  let cjk = false;
  for (let k = from; k < to; k++) {
    const c = s.charCodeAt(k);
    if (c >= 0x30 && c <= 0x39) digit = true;
    else if (c >= 0x3400 && c <= 0x9fff) cjk = true;
    if (digit && cjk) return true;
  }
  return false;
}

/** a figure in a piece of text; not a numbering (1. 1、 1） （1）) before a label's words */
const SPLIT_NUMBER = /(?<![\d.]|[(（]\s*)[+-]?\d+(?:\.\d+)?(?![.、．)）]\s*[\u3400-\u9fff“"])/g;
const PIPES_ONLY = /^[|｜]+$/;

/** Whether a piece is a row's numbering alone (1. 1、 1） （1）), its words one space after it. */
function numberingAlone(piece: string): boolean {
  const n = readNumbering(piece);
  return n !== undefined && n.length === piece.length && (n.numbering.style === 'arabic-dot' || n.numbering.style === 'arabic-paren');
}

/**
 * The cells of a line of text: pieces between runs of white space, a label split from the
 * figures run onto it (`规章000`, `713000074二、上年结转…`), and characters spaced out one or
 * two at a time (`商 业 企 业`) joined back.
 */
export function textCells(line: MappedText): (RawCell & { glued?: boolean })[] {
  const s = line.text;
  /** (a merged piece holds the white space between the pieces it joins) */
  const pieces: { from: number; to: number; gap: number; merged: boolean }[] = [];
  // (pieces between runs of white space, found by character code: no match object per piece)
  let prevEnd = -1;
  for (let i = 0; i < s.length; ) {
    if (isSpace(s.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < s.length && !isSpace(s.charCodeAt(j))) j++;
    pieces.push({ from: i, to: j, gap: prevEnd < 0 ? Infinity : i - prevEnd, merged: false });
    prevEnd = j;
    i = j;
  }
  // a bracket opened in one piece closes in a later one: (区分处理的, 只计这一情形, 不计其他情形) is one piece
  // (a closing bracket after a piece's end: one look at the last one, not a scan of the rest of the line per piece)
  const lastClose = Math.max(s.lastIndexOf(')'), s.lastIndexOf('）'));
  for (let i = 0; i < pieces.length - 1; i++) {
    let open = 0;
    for (let k = pieces[i]!.from; k < pieces[i]!.to; k++) {
      const c = s.charCodeAt(k);
      if (c === 0xff08 || c === 0x28) open++;
      else if (c === 0xff09 || c === 0x29) open--;
    }
    if (open > 0 && lastClose >= pieces[i + 1]!.from) {
      pieces[i] = { from: pieces[i]!.from, to: pieces[i + 1]!.to, gap: pieces[i]!.gap, merged: true };
      pieces.splice(i + 1, 1);
      i--;
    }
  }
  // spaced-out characters: a run of short Chinese pieces one space apart is one label
  const short = (p: { from: number; to: number }): boolean => shortCjk(s, p.from, p.to);
  /** (a plain piece holds no white space: its text needs no cleaning) */
  const joined: { from: number; to: number; plain: boolean }[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    let j = i;
    // a numbering one space before its label's words (1. 属于国家秘密): one label, not a figure and a label
    if (j + 1 < pieces.length && pieces[j + 1]!.gap === 1 && shortCjk(s, pieces[j + 1]!.from, pieces[j + 1]!.from + 1) && numberingAlone(s.slice(p.from, p.to))) j++;
    while (j + 1 < pieces.length && short(pieces[j]!) && short(pieces[j + 1]!) && pieces[j + 1]!.gap === 1) j++;
    joined.push({ from: p.from, to: pieces[j]!.to, plain: j === i && !p.merged });
    i = j;
  }
  const out: (RawCell & { glued?: boolean })[] = [];
  let plain = false;
  const push = (from: number, to: number, glued = false): void => {
    // (a piece without white space is its own clean text)
    const text = plain ? line.slice(from, to) : cleanCellText(line.slice(from, to));
    // (pipes alone are what stood between cells, a table's flattened into text that was not read as
    // one: no cell, and never a figure)
    if (text.text === '' || PIPES_ONLY.test(text.text)) return;
    out.push({ text, range: text.range(), glued });
  };
  const half = toHalfWidth(s);
  for (const p of joined) {
    let at = p.from;
    plain = p.plain;
    if (!digitAndCjk(half, p.from, p.to)) {
      push(p.from, p.to);
      continue;
    }
    const seg = half.slice(p.from, p.to);
    SPLIT_NUMBER.lastIndex = 0;
    let n: RegExpExecArray | null;
    while ((n = SPLIT_NUMBER.exec(seg))) {
      const from = p.from + n.index;
      const to = from + n[0].length;
      // a figure inside a label (第20条, 2019年) stays in it
      const next = half[to] ?? '';
      if (/[年月日条项号%％]/.test(next)) continue;
      if (from > at) push(at, from);
      push(from, to, true);
      at = to;
    }
    if (at < p.to) push(at, p.to);
  }
  return out;
}

/** A line of text as a row (buildRuns has passed over page numbers). */
function textRow(b: Block, heading: boolean): PRow | undefined {
  const t = b.text.trim();
  if (!t.text) return undefined;
  // a heading is one label, whatever spaces it holds
  const raw: (RawCell & { glued?: boolean })[] = heading && !/\d\s*$/.test(t.text) ? [{ text: cleanCellText(t), range: t.range() }] : textCells(t);
  const cells = raw.map((c, k) => {
    const cell = prepareCell(c, k, 0);
    if (c.glued) cell.glued = true;
    return cell;
  });
  if (!cells.length) return undefined;
  const { own, texts } = ownCells(cells);
  return { cells, own, texts, grid: -1, positional: false, delimited: false, prose: true, heading, layout: 'text', range: t.range() };
}

/** A header cell's piece printed in a narrow column: one to three Chinese characters. */
const STACKABLE = /^[\u3400-\u9fff]{1,3}$/;

/**
 * Header cells printed down narrow columns, a character or a few a line (结 / 果 / 维 / 持 beside
 * 结 / 果 / 纠 / 正), as text laid out in columns gives them (a text browser's dump of a borderless
 * table, a PDF's text taken out with its layout): each line holds a piece of every cell, so read line
 * by line the header is single characters. Lines made only of such pieces, two or more, with three
 * columns at least stacked over two lines or more and a line of figures after them, are one row:
 * each column's pieces read down, in the order of the columns. The line above may start the columns
 * beside cells of its own (`结   结   其   尚        未经复议直接起诉`): its pieces that stand in the
 * columns join them, and the rest stays its row. Anything else is left as it is.
 */
function joinStackedHeaders(rows: PRow[], blocks: (Block | undefined)[]): PRow[] {
  const textLine = (k: number): boolean => {
    const r = rows[k]!;
    return r.layout === 'text' && !r.heading && blocks[k] !== undefined && r.cells.length > 0;
  };
  const stackLine = (k: number): boolean => textLine(k) && rows[k]!.cells.every((c) => STACKABLE.test(c.text));
  let out: PRow[] | undefined;
  for (let i = 0; i < rows.length; i++) {
    if (!stackLine(i)) {
      out?.push(rows[i]!);
      continue;
    }
    let j = i;
    while (j + 1 < rows.length && stackLine(j + 1)) j++;
    const after = rows[j + 1];
    const top = i > 0 && textLine(i - 1) && rows[i - 1]!.cells.some((c) => STACKABLE.test(c.text)) ? { row: rows[i - 1]!, block: blocks[i - 1]! } : undefined;
    const merged = j > i && after && after.cells.some((c) => !c.isText && c.value.kind === 'number') ? stackedRow(rows.slice(i, j + 1), blocks.slice(i, j + 1) as Block[], top) : undefined;
    if (merged) {
      out ??= rows.slice(0, i);
      // the line above: what of it did not join the columns
      if (merged.top !== undefined) out.splice(out.length - 1, 1, ...(merged.top ? [merged.top] : []));
      out.push(merged.row);
    } else if (out) out.push(...rows.slice(i, j + 1));
    i = j;
  }
  return out ?? rows;
}

interface Piece {
  x: number;
  w: number;
  line: number;
  cell: PCell;
}

/** Each cell of a line of text where it stands, in display columns (undefined when a cell is not found in its line). */
function piecesOf(row: PRow, b: Block, line: number): Piece[] | undefined {
  const out: Piece[] = [];
  let from = 0;
  for (const cell of row.cells) {
    const at = b.text.text.indexOf(cell.text, from);
    if (at < 0) return undefined;
    out.push({ x: (b.indent ?? 0) + displayWidth(b.text.text.slice(0, at)), w: displayWidth(cell.text), line, cell });
    from = at + cell.text.length;
  }
  return out;
}

function textLineRow(cells: PCell[], range: SourceRange): PRow {
  const { own, texts } = ownCells(cells);
  return { cells, own, texts, grid: -1, positional: false, delimited: false, prose: true, heading: false, layout: 'text', range };
}

/**
 * The row the stacked lines make (see joinStackedHeaders), and what stays of the line above them
 * (`top`: null when all of it joined, undefined when none of it did); undefined when the lines do
 * not stand in columns.
 */
function stackedRow(lines: PRow[], blocks: Block[], above?: { row: PRow; block: Block }): { row: PRow; top?: PRow | null } | undefined {
  const pieces: Piece[] = [];
  for (let line = 0; line < lines.length; line++) {
    const p = piecesOf(lines[line]!, blocks[line]!, line);
    if (!p) return undefined;
    pieces.push(...p);
  }
  pieces.sort((a, b) => a.x - b.x || a.line - b.line);
  // columns: pieces whose extents overlap, each line at most once
  const columns: { from: number; to: number; pieces: Piece[] }[] = [];
  for (const p of pieces) {
    const col = columns[columns.length - 1];
    if (col && p.x < col.to && !col.pieces.some((q) => q.line === p.line)) {
      col.pieces.push(p);
      col.to = Math.max(col.to, p.x + p.w);
    } else if (col && p.x < col.to) return undefined;
    else columns.push({ from: p.x, to: p.x + p.w, pieces: [p] });
  }
  if (columns.filter((c) => c.pieces.length >= 2).length < 3) return undefined;
  // the line above: its short pieces that stand in a column start it
  let top: PRow | null | undefined;
  let first = lines[0]!.range.start;
  if (above) {
    const ps = piecesOf(above.row, above.block, -1);
    const joins = (p: Piece): { from: number; to: number; pieces: Piece[] } | undefined =>
      STACKABLE.test(p.cell.text) ? columns.find((c) => p.x < c.to && p.x + p.w > c.from) : undefined;
    const joined = ps?.filter((p) => joins(p)) ?? [];
    if (ps && joined.length >= 2) {
      for (const p of joined) joins(p)!.pieces.unshift(p);
      const rest = ps.filter((p) => !joined.includes(p)).map((p, k) => prepareCell(p.cell.raw, k, 0));
      top = rest.length ? textLineRow(rest, { start: rest[0]!.raw.range.start, end: rest[rest.length - 1]!.raw.range.end }) : null;
      first = Math.min(first, joined[0]!.cell.raw.range.start);
    }
  }
  const cells = columns.map((c, k) => {
    const parts = c.pieces;
    const text = MappedText.concat(parts.map((p) => p.cell.raw.text));
    return prepareCell({ text, range: { start: parts[0]!.cell.raw.range.start, end: parts[parts.length - 1]!.cell.raw.range.end } }, k, 0);
  });
  return { row: textLineRow(cells, { start: first, end: lines[lines.length - 1]!.range.end }), top };
}

/**
 * A label on a line of its own just before a grid that starts with a header is the title of the
 * piece of the table the grid is, as a heading over it is (tables 3 and 4 cut into one small table
 * per row group, under lines that name the group or row, set in bold or as ordinary paragraphs
 * rather than as headings): it is read as a heading. A line that holds figures or more than one
 * cell, or that a grid's rows of figures go on after, is a row (a stray piece of a label inside a
 * table is reported as no row of it).
 */
function titlesOfPieces(rows: PRow[]): void {
  for (let k = 0; k + 1 < rows.length; k++) {
    const r = rows[k]!;
    const next = rows[k + 1]!;
    if (r.grid !== -1 || r.heading || r.cells.length !== 1 || r.texts.length !== 1 || next.grid < 0 || !next.delimited) continue;
    if (next.cells.every((c) => c.isText || c.text === '')) r.heading = true;
  }
}

/**
 * Group the report's tables into runs: grids, and lines of text that can be table rows (no
 * sentence punctuation outside brackets), that follow each other; page numbers between them
 * are skipped. A section heading ends a run unless it is itself a label of a table (PDF
 * conversions turn row labels such as 三、本年度办理结果 into headings).
 */
export function buildRuns(blocks: Block[], tables: RawTable[], sections: Section[], isTableLabel: (text: string) => boolean): Run[] {
  const headings = new Set(sections.map((s) => s.heading));
  const gridOf = new Map<Block, number>();
  tables.forEach((t, i) => {
    const b = blocks[t.blockIndex];
    if (b) gridOf.set(b, i);
  });
  const runs: Run[] = [];
  let cur: Run | undefined;
  let lastRow = -1;
  /** brackets opened and not yet closed by the run's lines of text */
  let open = 0;
  /** the block of each of the run's rows that is a line of text */
  let rowBlocks: (Block | undefined)[] = [];
  const close = (): void => {
    if (cur && rowBlocks.some((b) => b !== undefined)) {
      cur.rows = joinStackedHeaders(cur.rows, rowBlocks);
      titlesOfPieces(cur.rows);
    }
    if (cur && cur.rows.some((r) => r.cells.some((c) => !c.isText && c.text !== ''))) runs.push(cur);
    else if (cur && cur.rows.length >= 3) runs.push(cur);
    cur = undefined;
    rowBlocks = [];
    open = 0;
  };
  blocks.forEach((b, i) => {
    const g = gridOf.get(b);
    let rows: PRow[] | undefined;
    if (g !== undefined) rows = gridRows(tables[g]!, g);
    else if (b.type === 'paragraph' || b.type === 'list-item' || b.type === 'heading') {
      const t = b.text.text.trim();
      if (isPageNumber(t) || BORDER_LINE.test(t)) return;
      const heading = headings.has(b) || b.type === 'heading';
      if (heading && !isTableLabel(t)) {
        close();
        return;
      }
      // a line inside a bracket a row label opened on the line before (（二）部分公开（区分处理 /
      // 的，只计这一情形，不计其 / 他情形）) is read with the bracket open
      const inside = cur !== undefined && open > 0;
      if (!heading && !tableLine(inside ? `（${t}` : t)) {
        close();
        return;
      }
      open = Math.max(0, open + depthChange(t));
      const r = textRow(b, heading);
      rows = r ? [r] : [];
    } else {
      if (b.type !== 'html' && b.type !== 'break') close();
      return;
    }
    cur ??= { rows: [], grids: [], endsDocument: false };
    cur.rows.push(...rows);
    for (let k = 0; k < rows.length; k++) rowBlocks.push(g === undefined ? b : undefined);
    if (g !== undefined) cur.grids.push(g);
    lastRow = i;
  });
  const last = cur as Run | undefined;
  if (last) {
    const rest = blocks.slice(lastRow + 1);
    // only a few short lines (a signature, a date) follow: the document may have been cut off inside the table
    last.endsDocument = rest.length <= 3 && rest.every((b) => b.text.text.trim().length <= 60 && !/[。；]/.test(b.text.text));
  }
  close();
  return runs;
}
