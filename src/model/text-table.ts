import { MappedText, MappedTextBuilder, isSpace, trimBounds } from '../util/mapped-text.js';
import type { TextTable } from '../parse/plaintext.js';
import type { RawCell, RawTable } from './types.js';
import { ruledTableToGrid } from './ruled-table.js';

/**
 * Tables flattened into text, as grids. What every grid (text, HTML or Markdown) guarantees to
 * the table recognition that reads it:
 * - a row of the grid is a row of the table as the input gives it, top to bottom; a cell is one
 *   cell, left to right. A cell whose text was broken over several lines is one cell;
 * - cell text is trimmed and its inner white space normalised: runs of white space (line breaks,
 *   full-width spaces, NBSP) become one space, and vanish next to a Chinese character, so a label
 *   wrapped in Word (`商业 企业`, `(二)部分公开(区` + `分处理的…)`) reads as written. Each
 *   character still maps to its source offset; an empty cell has an empty range at its place;
 * - rows may differ in length: text layouts give no spans, so a label cell merged into the row
 *   above is simply absent from the row (`(二)部分公开 | 0 | …` under `三、本年度办理结果 | (一)予以公开 | 0 | …`),
 *   and a label left empty is an empty cell (`| | 2.其他… | | | 0 |`). Rows of empty cells (a
 *   `| | | |` line) are kept as rows;
 * - nothing is inferred about headers, units or numbers: that is recognition's work.
 *
 * Layouts read here (the parser decides which lines are a table, see src/parse/plaintext.ts):
 * - row per line, cells between `|`. When some rows start with a cell and not with `|`, a `|`
 *   ends a cell (`a | b |`, and a line starting with `|` starts with an empty cell); when every
 *   row starts with `|`, the outer pipes are edges (`| a | b |`). A line without a `|`, or one
 *   that stops without its closing `|` where the table's rows have one, runs on into the next;
 * - cell per line: each cell is followed by a `|` (on its own line or at the line's end), a lone
 *   `|` being an empty cell, with nothing marking where a row ends (seed 002, Word copies). The
 *   grid has a single row holding every cell in reading order: guessing a row width would
 *   misplace cells wherever a merged label cell is absent, so recognition reads it as a stream.
 */

/** Chinese characters and full-width punctuation, by character code: no space is written between them (NaN, no character, is none). */
function isCjk(c: number): boolean {
  return (c >= 0x2e80 && c <= 0x2fff) || (c >= 0x3001 && c <= 0x303f) || (c >= 0x3040 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef);
}

/** Whether s[from, to) holds white space (as a regexp's \s reads it). */
function hasSpace(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isSpace(s.charCodeAt(i))) return true;
  return false;
}

/** Trim a cell and normalise its inner white space (see the guarantees above). */
export function cleanCellText(t: MappedText): MappedText {
  return cleanTrimmed(t.trim());
}

/** `cleanCellText` of a text that is already trimmed. */
function cleanTrimmed(m: MappedText): MappedText {
  const s = m.text;
  if (!hasSpace(s, 0, s.length)) return m;
  const out = new MappedTextBuilder();
  for (let i = 0; i < s.length; ) {
    // a run of characters other than white space, copied a stretch that maps one to one at a time
    let j = i;
    while (j < s.length && !isSpace(s.charCodeAt(j))) j++;
    for (let k = i; k < j; ) {
      const end = Math.min(m.linearEnd(k), j);
      out.copy(s.slice(k, end), m.toSource(k));
      k = end;
    }
    if (j === s.length) break;
    // white space stays, as one space, where neither side is Chinese (m is trimmed: both sides exist)
    let k = j;
    while (k < s.length && isSpace(s.charCodeAt(k))) k++;
    if (!isCjk(s.charCodeAt(j - 1)) && !isCjk(s.charCodeAt(k))) out.copy(' ', m.toSource(j));
    i = k;
  }
  return out.build(m.toSource(0));
}

/**
 * Join the pieces of one cell or row that line breaks separated, all at once (joining them one by
 * one would copy the growing text at each line: a long run-on is read in time linear in its
 * length). Pieces of nothing but white space are left out; a space is written between two pieces
 * only where neither side of the break is Chinese.
 */
function joinBroken(parts: readonly MappedText[]): MappedText {
  const kept: MappedText[] = [];
  const seps: string[] = [];
  let lastCode = NaN;
  for (const p of parts) {
    const [from, to] = trimBounds(p.text);
    if (from === to) continue;
    if (kept.length) seps.push(isCjk(lastCode) || isCjk(p.text.charCodeAt(from)) ? '' : ' ');
    kept.push(p);
    lastCode = p.text.charCodeAt(to - 1);
  }
  if (kept.length === 0) return parts[parts.length - 1]!;
  return kept.length === 1 ? kept[0]! : MappedText.concat(kept, seps);
}

function lineText(l: { text: string; offset: number }): MappedText {
  return MappedText.identity(l.text, l.offset);
}

/** The pieces of a line between pipes, and where each pipe stands. */
function splitPipes(t: MappedText): { pieces: MappedText[]; pipes: number[] } {
  const pieces: MappedText[] = [];
  const pipes: number[] = [];
  let from = 0;
  const s = t.text;
  for (let i = 0; i <= s.length; i++) {
    if (i === s.length || s[i] === '|' || s[i] === '｜') {
      pieces.push(t.slice(from, i));
      if (i < s.length) pipes.push(t.toSource(i));
      from = i + 1;
    }
  }
  return { pieces, pipes };
}

function cell(piece: MappedText, at: number): RawCell {
  const text = cleanCellText(piece);
  if (text.text === '') return { text: MappedText.empty(at), range: { start: at, end: at } };
  return { text, range: text.range() };
}

function cellPerLineGrid(tt: TextTable): RawCell[][] {
  const cells: RawCell[] = [];
  const pending: MappedText[] = [];
  tt.lines.forEach((l, li) => {
    const { pieces, pipes } = splitPipes(lineText(l));
    pieces.forEach((p, k) => {
      if (p.text.trim() !== '') pending.push(p);
      if (k < pipes.length) {
        // a pipe on the table's first line, before any cell, opens the table rather than closing a cell
        if (!(li === 0 && k === 0 && pending.length === 0)) {
          cells.push(cell(pending.length ? joinBroken(pending) : MappedText.empty(pipes[k]!), pipes[k]!));
        }
        pending.length = 0;
      }
    });
  });
  if (pending.length) {
    const rest = joinBroken(pending);
    cells.push(cell(rest, rest.toSource(0)));
  }
  // nothing marks where a row ends: the cells stay one stream, which recognition aligns to the template
  return cells.length ? [cells] : [];
}

/** What a line (or joined row) holds, as bits: see `lineShape`. */
const BLANK = 1;
const HAS_PIPE = 2;
const ONLY_PIPES_BIT = 4;
const STARTS_PIPE = 8;
const ENDS_PIPE = 16;

function isPipe(c: number): boolean {
  return c === 0x7c || c === 0xff5c;
}

/**
 * What the row reading asks of a line: blank (nothing but white space), holds a pipe, holds nothing
 * but pipes and white space, starts or ends (white space aside) with a pipe. The ends are looked at
 * first; the middle only as far as it takes to answer.
 */
function lineShape(s: string): number {
  let first = 0;
  while (first < s.length && isSpace(s.charCodeAt(first))) first++;
  if (first === s.length) return BLANK | ONLY_PIPES_BIT;
  let last = s.length - 1;
  while (isSpace(s.charCodeAt(last))) last--;
  let shape = 0;
  const firstPipe = isPipe(s.charCodeAt(first));
  const lastPipe = isPipe(s.charCodeAt(last));
  if (firstPipe) shape |= STARTS_PIPE;
  if (lastPipe) shape |= ENDS_PIPE;
  if (firstPipe || lastPipe || s.indexOf('|', first) >= 0 || s.indexOf('｜', first) >= 0) shape |= HAS_PIPE;
  if (firstPipe && lastPipe) {
    let other = false;
    for (let i = first + 1; i < last; i++) {
      const c = s.charCodeAt(i);
      if (!isSpace(c) && !isPipe(c)) {
        other = true;
        break;
      }
    }
    if (!other) shape |= ONLY_PIPES_BIT;
  }
  return shape;
}

/**
 * The cell of the piece of `t` whose first and last characters other than white space are at `from`
 * and `to - 1` (`from === to`: none), `inner` telling whether white space stands between them; `at`
 * is where an empty cell stands.
 */
function pieceCell(t: MappedText, from: number, to: number, inner: boolean, at: number): RawCell {
  if (from === to) return { text: MappedText.empty(at), range: { start: at, end: at } };
  const piece = t.slice(from, to);
  const text = inner ? cleanTrimmed(piece) : piece;
  return { text, range: text.range() };
}

/**
 * The shape of two lines joined (neither blank): as `lineShape` reads the joined text, from the
 * first line's start, the second's end, and what either holds.
 */
function joinedShape(a: number, b: number): number {
  return (a & STARTS_PIPE) | (b & ENDS_PIPE) | ((a | b) & HAS_PIPE) | (a & b & ONLY_PIPES_BIT);
}

const DELIMITER_CELL = /^:?-{3,}:?$/;

function rowPerLineGrid(tt: TextTable): RawCell[][] {
  const lines: TextTable['lines'] = [];
  const shapes: number[] = [];
  let rowLines = 0;
  let startsWithPipe = 0;
  let endsWithPipe = 0;
  for (const l of tt.lines) {
    const shape = lineShape(l.text);
    if (shape & BLANK) continue;
    lines.push(l);
    shapes.push(shape);
    if (shape & HAS_PIPE && !(shape & ONLY_PIPES_BIT)) {
      rowLines++;
      if (shape & STARTS_PIPE) startsWithPipe++;
      if (shape & ENDS_PIPE) endsWithPipe++;
    }
  }
  const edgePipes = rowLines > 0 && startsWithPipe >= rowLines * 0.9;
  const rowsClosed = rowLines > 0 && endsWithPipe >= rowLines * 0.8;

  // logical rows: lines joined where a row runs on
  const logical: MappedText[] = [];
  const logicalShapes: number[] = [];
  // the lines of a row that runs on, and the shape of their join so far
  const carry: MappedText[] = [];
  let carryShape = 0;
  for (let i = 0; i < lines.length; i++) {
    const t = lineText(lines[i]!);
    const shape = carry.length ? joinedShape(carryShape, shapes[i]!) : shapes[i]!;
    carry.push(t);
    carryShape = shape;
    const hasNext = i + 1 < lines.length;
    const nextStartsWithCell = hasNext && !(shapes[i + 1]! & STARTS_PIPE);
    const noPipe = !(shape & HAS_PIPE);
    const unclosed = rowsClosed && !(shape & ENDS_PIPE) && !(shape & ONLY_PIPES_BIT);
    if (hasNext && (noPipe || (unclosed && nextStartsWithCell))) continue;
    logical.push(joinBroken(carry));
    logicalShapes.push(shape);
    carry.length = 0;
  }

  const rows: RawCell[][] = [];
  for (let r = 0; r < logical.length; r++) {
    const t = logical[r]!;
    const shape = logicalShapes[r]!;
    const s = t.text;
    // for each piece between pipes: its first and last characters other than white space, and
    // whether white space stands between them; and where each pipe stands
    const bounds: number[] = [];
    const pipes: number[] = [];
    let lo = -1;
    let hi = -1;
    let inner = 0;
    for (let i = 0; i <= s.length; i++) {
      const c = i < s.length ? s.charCodeAt(i) : 0x7c;
      if (isSpace(c)) continue;
      if (isPipe(c)) {
        if (lo < 0) bounds.push(i, i, 0);
        else bounds.push(lo, hi + 1, inner);
        if (i < s.length) pipes.push(t.toSource(i));
        lo = -1;
        inner = 0;
        continue;
      }
      if (lo < 0) lo = i;
      else if (hi + 1 < i) inner = 1;
      hi = i;
    }
    const pieces = bounds.length / 3;
    // a pipe at the end closes the last cell; one at the start is an edge only in tables whose rows all start with one
    let first = 0;
    let end = pieces;
    if (shape & ENDS_PIPE && end - first > 1) end--;
    if (shape & STARTS_PIPE && edgePipes && end - first > 1) first++;
    const cells: RawCell[] = [];
    for (let k = first; k < end; k++) {
      const at = pipes.length ? pipes[Math.min(k, pipes.length - 1)]! : t.toSource(0);
      cells.push(pieceCell(t, bounds[3 * k]!, bounds[3 * k + 1]!, bounds[3 * k + 2] === 1, at));
    }
    // a Markdown delimiter row (|---|:--:|) is not a row
    if (cells.length && cells.every((c) => DELIMITER_CELL.test(c.text.text))) continue;
    rows.push(cells);
  }
  return rows;
}

/** Cell per line: no line holds two cells, and cells are closed by pipes. */
function isCellPerLine(tt: TextTable): boolean {
  let contentCells = 0;
  for (const l of tt.lines) {
    const s = l.text;
    let filled = 0;
    let inPiece = false;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (isPipe(c)) inPiece = false;
      else if (!inPiece && !isSpace(c)) {
        inPiece = true;
        filled++;
      }
    }
    if (filled > 1) return false;
    contentCells += filled;
  }
  return contentCells >= 2;
}

/** A table flattened into text, as a grid (see the guarantees above). */
export function textTableToGrid(tt: TextTable, blockIndex: number): RawTable {
  const lines = tt.lines;
  const range = { start: lines[0]!.offset, end: lines[lines.length - 1]!.offset + lines[lines.length - 1]!.text.length };
  const ruled = ruledTableToGrid(tt, blockIndex);
  if (ruled) return ruled;
  if (isCellPerLine(tt)) return { rows: cellPerLineGrid(tt), range, layout: 'cell-per-line', blockIndex };
  return { rows: rowPerLineGrid(tt), range, layout: 'pipe-text', blockIndex };
}
