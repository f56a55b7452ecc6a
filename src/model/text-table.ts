import { MappedText, type Segment } from '../util/mapped-text.js';
import type { TextTable } from '../parse/plaintext.js';
import type { RawCell, RawTable } from './types.js';

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

const PIPE = /[|｜]/;
const ONLY_PIPES = /^[\s|｜\u3000]*$/;
const WS = /[\s\u3000\u00a0]/;
/** Chinese characters and full-width punctuation: no space is written between them. */
const CJK = /[\u2e80-\u2fff\u3001-\u303f\u3040-\u9fff\uf900-\ufaff\uff00-\uffef]/;

function build(text: string, src: number[]): MappedText {
  const segs: Segment[] = [];
  for (let i = 0; i < text.length; i++) {
    const last = segs[segs.length - 1];
    if (last && last.s + last.len === src[i]) last.len++;
    else segs.push({ t: i, s: src[i]!, len: 1 });
  }
  return new MappedText(text, segs);
}

/** Trim a cell and normalise its inner white space (see the guarantees above). */
export function cleanCellText(t: MappedText): MappedText {
  const m = t.trim();
  const s = m.text;
  if (!WS.test(s)) return m;
  let out = '';
  const src: number[] = [];
  for (let i = 0; i < s.length; ) {
    if (!WS.test(s[i]!)) {
      out += s[i];
      src.push(m.toSource(i));
      i++;
      continue;
    }
    let j = i;
    while (j < s.length && WS.test(s[j]!)) j++;
    const before = s[i - 1] ?? '';
    const after = s[j] ?? '';
    if (!CJK.test(before) && !CJK.test(after)) {
      out += ' ';
      src.push(m.toSource(i));
    }
    i = j;
  }
  return out.length ? build(out, src) : MappedText.empty(m.toSource(0));
}

/** Join two pieces of one cell or row that a line break separated. */
function joinBroken(a: MappedText, b: MappedText): MappedText {
  const at = a.text.replace(/\s+$/, '');
  const bt = b.text.replace(/^\s+/, '');
  if (!at) return b;
  if (!bt) return a;
  const sep = CJK.test(at[at.length - 1]!) || CJK.test(bt[0]!) ? '' : ' ';
  return MappedText.concat([a, b], sep);
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
  let pending: MappedText | undefined;
  tt.lines.forEach((l, li) => {
    const { pieces, pipes } = splitPipes(lineText(l));
    pieces.forEach((p, k) => {
      if (p.text.trim() !== '') pending = pending ? joinBroken(pending, p) : p;
      if (k < pipes.length) {
        // a pipe on the table's first line, before any cell, opens the table rather than closing a cell
        if (!(li === 0 && k === 0 && !pending)) cells.push(cell(pending ?? MappedText.empty(pipes[k]!), pipes[k]!));
        pending = undefined;
      }
    });
  });
  if (pending) cells.push(cell(pending, pending.toSource(0)));
  // nothing marks where a row ends: the cells stay one stream, which recognition aligns to the template
  return cells.length ? [cells] : [];
}

function rowPerLineGrid(tt: TextTable): RawCell[][] {
  const lines = tt.lines.filter((l) => l.text.trim() !== '');
  const rowLines = lines.filter((l) => PIPE.test(l.text) && !ONLY_PIPES.test(l.text));
  const startsWithPipe = rowLines.filter((l) => /^[\s\u3000]*[|｜]/.test(l.text)).length;
  const endsWithPipe = rowLines.filter((l) => /[|｜][\s\u3000]*$/.test(l.text)).length;
  const edgePipes = rowLines.length > 0 && startsWithPipe >= rowLines.length * 0.9;
  const rowsClosed = rowLines.length > 0 && endsWithPipe >= rowLines.length * 0.8;

  // logical rows: lines joined where a row runs on
  const logical: MappedText[] = [];
  let carry: MappedText | undefined;
  lines.forEach((l, i) => {
    let t = lineText(l);
    if (carry) {
      t = joinBroken(carry, t);
      carry = undefined;
    }
    const next = lines[i + 1];
    const nextStartsWithCell = next !== undefined && !/^[\s\u3000]*[|｜]/.test(next.text);
    const noPipe = !PIPE.test(t.text);
    const unclosed = rowsClosed && !/[|｜][\s\u3000]*$/.test(t.text) && !ONLY_PIPES.test(t.text);
    if (next && (noPipe || (unclosed && nextStartsWithCell))) {
      carry = t;
      return;
    }
    logical.push(t);
  });
  if (carry) logical.push(carry);

  const rows: RawCell[][] = [];
  for (const t of logical) {
    const { pieces, pipes } = splitPipes(t);
    const at = (k: number): number => pipes[Math.min(k, pipes.length - 1)] ?? t.toSource(0);
    let cells = pieces.map((p, k) => cell(p, at(k)));
    const leading = /^[\s\u3000]*[|｜]/.test(t.text);
    const trailing = /[|｜][\s\u3000]*$/.test(t.text);
    // a pipe at the end closes the last cell; one at the start is an edge only in tables whose rows all start with one
    if (trailing && cells.length > 1) cells = cells.slice(0, -1);
    if (leading && edgePipes && cells.length > 1) cells = cells.slice(1);
    // a Markdown delimiter row (|---|:--:|) is not a row
    if (cells.length && cells.every((c) => /^:?-{3,}:?$/.test(c.text.text))) continue;
    rows.push(cells);
  }
  return rows;
}

/** Cell per line: no line holds two cells, and cells are closed by pipes. */
function isCellPerLine(tt: TextTable): boolean {
  let contentCells = 0;
  for (const l of tt.lines) {
    const filled = splitPipes(lineText(l)).pieces.filter((p) => p.text.trim() !== '').length;
    if (filled > 1) return false;
    contentCells += filled;
  }
  return contentCells >= 2;
}

/** A table flattened into text, as a grid (see the guarantees above). */
export function textTableToGrid(tt: TextTable, blockIndex: number): RawTable {
  const lines = tt.lines;
  const range = { start: lines[0]!.offset, end: lines[lines.length - 1]!.offset + lines[lines.length - 1]!.text.length };
  if (isCellPerLine(tt)) return { rows: cellPerLineGrid(tt), range, layout: 'cell-per-line', blockIndex };
  return { rows: rowPerLineGrid(tt), range, layout: 'pipe-text', blockIndex };
}
