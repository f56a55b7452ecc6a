import type { Root, Paragraph, RootContent } from 'mdast';
import { readNumbering } from '../model/numbering.js';

/**
 * Plain text (copied out of Word or a web page) as an mdast tree: every non-empty line is a
 * paragraph, because headings such as 一、总体情况 are ordinary lines there. Runs of lines that
 * carry a table flattened with `|` separators become one `textTable` node holding those lines;
 * the model turns it into a grid.
 */

export interface TextTableLine {
  text: string;
  offset: number;
}

export interface TextTable {
  type: 'textTable';
  lines: TextTableLine[];
  position: { start: Pt; end: Pt };
}

interface Pt {
  line: number;
  column: number;
  offset: number;
}

declare module 'mdast' {
  interface RootContentMap {
    textTable: TextTable;
  }
}

const LONE_PIPE = /^[\s\u3000]*[|｜][\s\u3000]*$/;
const SENTENCE_END = /[。！？][”’」』）)]?[\s\u3000]*$/;

function isPipeLine(s: string): boolean {
  return s.indexOf('|') >= 0 || s.indexOf('｜') >= 0;
}

/** The first character of a line that is not a space (ASCII, full-width or no-break; NaN when there is none). */
function firstChar(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0x3000 && c !== 0xa0) return c;
  }
  return NaN;
}

const BOX_FIRST = 0x2500;
const BOX_LAST = 0x257f;
/** the first line of a drawing in ASCII: `+----+----+` */
export const ASCII_RULE = /^[ \t\u3000\u00a0]*\+[-=:]{3,}(?:\+[-=:]{3,})*\+?[ \t\u3000\u00a0]*$/;
/** a line of rules alone (and the blanks of cells merged across it) */
const BOX_RULE = /^[ \t\u3000\u00a0\u2500-\u257f]+$/;
const ASCII_RULE_LINE = /^[ \t\u3000\u00a0]*[+|][-=+|: \t]*[-=]{3}[-=+|: \t\u3000\u00a0]*$/;
/** the corners a drawing opens with (┌ ┏ ╔ …) and closes with (└ ┗ ╚ …), in every style */
const TOP_LEFT = new Set([0x250c, 0x250d, 0x250e, 0x250f, 0x2552, 0x2553, 0x2554, 0x256d]);
const BOTTOM_LEFT = new Set([0x2514, 0x2515, 0x2516, 0x2517, 0x2558, 0x2559, 0x255a, 0x2570]);

/**
 * A table drawn with rules starting at line i, as text browsers print a bordered table
 * (`┌──┬──┐` / `│` / `└──┴──┘`) and ASCII grids are written (`+---+---+` / `| … |`): the
 * index of its last line, the lines between starting with the drawing's characters. -1 when
 * line i does not start one.
 *
 * A drawing may also come double-spaced: a blank line after each of its lines (each line made a
 * paragraph of its own on the way, as a web page's `<p>` per line). It is one then when its second
 * line is blank and its third starts with the drawing's characters; each line after it is then the
 * drawing's while one blank line and a line of the drawing follow, and the blank lines are left out
 * of it (see textTable).
 */
function ruledEnd(lines: Line[], i: number): number {
  const c = firstChar(lines[i]!.text);
  const box = c >= BOX_FIRST && c <= BOX_LAST;
  if (!box && !ASCII_RULE.test(lines[i]!.text)) return -1;
  const drawn = (k: number): boolean => {
    const n = firstChar(lines[k]?.text ?? '');
    return box ? n >= BOX_FIRST && n <= BOX_LAST : n === 43 || n === 124;
  };
  const step = !drawn(i + 1) && lines[i + 1]?.text.trim() === '' && drawn(i + 2) ? 2 : 1;
  let j = i;
  while (j + step < lines.length) {
    if (!drawn(j + step) || (step === 2 && lines[j + 1]!.text.trim() !== '')) break;
    // a drawing closed (└) and another opened (┌) on the next line: two tables, one after the other
    if (box && BOTTOM_LEFT.has(firstChar(lines[j]!.text)) && TOP_LEFT.has(firstChar(lines[j + step]!.text)) && j > i) break;
    // (an ASCII grid has a row between any two of its rules: two rules one after the other close one table and open the next)
    if (!box && j > i && ASCII_RULE_LINE.test(lines[j]!.text) && ASCII_RULE_LINE.test(lines[j + step]!.text)) break;
    j += step;
  }
  // (the drawing ends with its last rule: a line after it that starts like a row is not its)
  const rule = box ? BOX_RULE : ASCII_RULE_LINE;
  while (j > i && !rule.test(lines[j]!.text)) j -= step;
  return j - i >= 2 * step ? j : -1;
}

function bracketsOpen(s: string): boolean {
  let depth = 0;
  for (const c of s) {
    if (c === '(' || c === '（') depth++;
    else if ((c === ')' || c === '）') && depth > 0) depth--;
  }
  return depth > 0;
}

/**
 * A line that reads as a section heading (一、… 第一部分… or a closed （一）…): it ends a table,
 * since tables separated by headings are separate tables.
 */
function isHeadingLine(s: string): boolean {
  const n = readNumbering(s);
  if (!n) return false;
  if (n.numbering.style === 'cn-dun' || n.numbering.style === 'part') return true;
  return n.numbering.style === 'cn-paren' && !bracketsOpen(s) && s.trim().length <= 40;
}

/** A heading of a part of the report: 一、… or 第一部分. */
function isPartHeading(s: string): boolean {
  // (the cheap tests first: most lines after a table are long, or sentences)
  if (s.trim().length > 40 || /[。；]/.test(s)) return false;
  const n = readNumbering(s);
  return !!n && (n.numbering.style === 'cn-dun' || n.numbering.style === 'part');
}

interface Line {
  text: string;
  offset: number;
  line: number;
}

/**
 * The last line of the table region that starts at `i` (a line with a pipe, or the first cell of a
 * cell-per-line table just before a lone `|`). Pipe lines belong to it; a line without a pipe
 * belongs to it when it is a cell of a cell-per-line table (a lone `|` follows it, possibly
 * after a second line of the same cell) or the start of a row broken over two lines (a pipe line
 * follows it); a heading, a blank line not followed by a pipe line, or other prose ends it.
 */
function regionEnd(lines: Line[], i: number): number {
  let end = i;
  let j = i + 1;
  const cellLine = (k: number): boolean => {
    // up to three lines of one cell, then the lone pipe that closes it
    for (let d = 1; d <= 3 && k + d < lines.length; d++) {
      const t = lines[k + d]!.text;
      if (LONE_PIPE.test(t)) return true;
      // (a sentence is no second line of a cell: a heading, and the sentence under it, before a table)
      if (t.trim() === '' || isPipeLine(t) || SENTENCE_END.test(t)) return false;
    }
    return false;
  };
  while (j < lines.length) {
    const t = lines[j]!.text;
    if (t.trim() === '') {
      // one blank line inside a table, between two pipe lines
      const next = lines[j + 1];
      if (next && isPipeLine(next.text) && !LONE_PIPE.test(next.text) && isPipeLine(lines[j - 1]!.text)) {
        j++;
        continue;
      }
      break;
    }
    if (isPipeLine(t)) {
      end = j++;
      continue;
    }
    // a part's heading (三、…) is a cell only when its pipe follows at once: else the table has ended before it
    const partHeading = isPartHeading(t) && !LONE_PIPE.test(lines[j + 1]?.text ?? '');
    if (cellLine(j) && end === j - 1 && !partHeading) {
      end = j++;
      continue;
    }
    if (partHeading) break;
    if (isHeadingLine(t) && !cellLine(j)) break;
    const next = lines[j + 1];
    if (next && isPipeLine(next.text) && !LONE_PIPE.test(next.text)) {
      end = j++;
      continue;
    }
    // a row cut off at the end of the text, its label still open: `(二)部分公开(区`
    if (!next && bracketsOpen(t) && isPipeLine(lines[j - 1]!.text)) end = j;
    break;
  }
  return end;
}

/** Lines i to end as a `textTable` node. */
function textTable(lines: Line[], i: number, end: number, drawing = false): TextTable {
  const ln = lines[i]!;
  const lastLn = lines[end]!;
  const tableLines: TextTableLine[] = [];
  // (a drawing's lines only, without the blank lines of one double-spaced)
  for (let k = i; k <= end; k++) if (!drawing || lines[k]!.text.trim() !== '') tableLines.push({ text: lines[k]!.text, offset: lines[k]!.offset });
  const pt = (line: number, offset: number, col: number): Pt => ({ line, column: col, offset });
  return {
    type: 'textTable',
    lines: tableLines,
    position: { start: pt(ln.line, ln.offset, 1), end: pt(lastLn.line, lastLn.offset + lastLn.text.length, lastLn.text.length + 1) },
  };
}

/**
 * The tree of a plain text; of its part from `from` to `to` when they are given (a part that starts
 * a line, whose first line is line `firstLine`), with positions in the whole text.
 */
export function parsePlainText(text: string, from = 0, to = text.length, firstLine = 1): Root {
  const lines: Line[] = [];
  let last = from;
  let lineNo = firstLine;
  // line ends found by indexOf: the next \n and the next \r, each looked for again only once passed
  let lf = text.indexOf('\n', from);
  let cr = text.indexOf('\r', from);
  for (;;) {
    if (lf >= 0 && lf < last) lf = text.indexOf('\n', last);
    if (cr >= 0 && cr < last) cr = text.indexOf('\r', last);
    const i = cr >= 0 && (lf < 0 || cr < lf) ? cr : lf;
    if (i < 0 || i >= to) break;
    lines.push({ text: text.slice(last, i), offset: last, line: lineNo++ });
    last = i === cr && i + 1 < to && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  }
  lines.push({ text: text.slice(last, to), offset: last, line: lineNo });

  const children: RootContent[] = [];
  const pt = (line: number, offset: number, col: number): Pt => ({ line, column: col, offset });

  let i = 0;
  while (i < lines.length) {
    const ln = lines[i]!;
    const next = lines[i + 1];
    const ruled = ruledEnd(lines, i);
    if (ruled >= 0) {
      children.push(textTable(lines, i, ruled, true));
      i = ruled + 1;
      continue;
    }
    const pipeLine = isPipeLine(ln.text);
    // (the cheap tests first: a heading is looked for only in a line a lone pipe follows)
    const opensCellTable = !pipeLine && next !== undefined && LONE_PIPE.test(next.text) && ln.text.trim() !== '' && !isHeadingLine(ln.text);
    if (pipeLine || opensCellTable) {
      const end = regionEnd(lines, i);
      // a single line with pipes is prose or page chrome (登录 | 注册), not a table
      let pipeLines = pipeLine ? 1 : 0;
      for (let k = i + 1; k <= end && pipeLines < 2; k++) if (isPipeLine(lines[k]!.text)) pipeLines++;
      if (pipeLines >= 2) {
        children.push(textTable(lines, i, end));
        i = end + 1;
        continue;
      }
    }
    if (ln.text.trim() !== '') {
      const para: Paragraph = {
        type: 'paragraph',
        children: [
          {
            type: 'text',
            value: ln.text,
            position: { start: pt(ln.line, ln.offset, 1), end: pt(ln.line, ln.offset + ln.text.length, ln.text.length + 1) },
          },
        ],
        position: { start: pt(ln.line, ln.offset, 1), end: pt(ln.line, ln.offset + ln.text.length, ln.text.length + 1) },
      };
      children.push(para);
    }
    i++;
  }
  return {
    type: 'root',
    children,
    position: { start: pt(firstLine, from, 1), end: pt(lineNo, to, 1) },
  };
}
