import type { Paragraph, Root, RootContent } from 'mdast';

/**
 * The tree of a Markdown text that holds no Markdown syntax at all: paragraphs of plain text.
 *
 * Reports are often plain text saved as `.md` (copied out of a web page or a Word document): lines
 * of Chinese prose and of table rows with `|` between the cells. For CommonMark + GFM such a text
 * is nothing but paragraphs — runs of non-blank lines, each one text node whose value is its lines
 * without the white space around them — and that tree is built here by one walk over the lines,
 * instead of by micromark's tokenizers, character by character. `plainMarkdown` answers only when
 * nothing in the text can be syntax, and `undefined` otherwise (the text is then parsed by
 * remark-parse + remark-gfm); `test/parse-plain-markdown.test.ts` compares the trees.
 *
 * What rules a text out, anywhere in it: a character that starts inline syntax (`\` `` ` `` `*` `_`
 * `[` `]` `<` `&` `~` `@`), a literal address (`://`, `www.`), a control character, a tab (columns
 * and indentation), a byte-order mark at the start. At the start of a line (after its spaces): `#`
 * `>` `-` `+` `=` (headings, quotes, list items, rules, setext underlines) and an ordered list
 * marker (`1.`, `2)` before a space or the line's end). A line that could be a table's delimiter
 * row (nothing but `|`, `:`, `-` and spaces, with a `-`); a paragraph's first line indented by
 * four spaces (indented code); two spaces or more before a line ending inside a paragraph (a hard
 * break).
 */

/** Characters that can begin or take part in syntax wherever they stand, and the literal addresses. */
const SYNTAX = /[\\`*_[\]<&~@\0-\t\v\f\x0e-\x1f]|:\/\/|www\./i;

interface Pt {
  line: number;
  column: number;
  offset: number;
}

const SPACE = 32;

/** A line that could be a GFM delimiter row: only `|`, `:`, `-` and spaces, with at least one `-`. */
function delimiterLike(text: string, from: number, to: number): boolean {
  let dash = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 45) dash = true;
    else if (c !== 124 && c !== 58 && c !== SPACE) return false;
  }
  return dash;
}

/** Whether the line's content (from its first non-space character) can open a block other than a paragraph. */
function opensBlock(text: string, from: number, to: number): boolean {
  const c = text.charCodeAt(from);
  // # > - + =
  if (c === 35 || c === 62 || c === 45 || c === 43 || c === 61) return true;
  if (c >= 48 && c <= 57) {
    // an ordered list marker: up to nine digits, `.` or `)`, then a space or the line's end
    let i = from + 1;
    while (i < to && i - from < 9 && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    const d = text.charCodeAt(i);
    if (i < to && (d === 46 || d === 41) && (i + 1 === to || text.charCodeAt(i + 1) === SPACE)) return true;
  }
  return false;
}

const pt = (line: number, column: number, offset: number): Pt => ({ line, column, offset });

/** The tree remark-parse + remark-gfm give for `text`, when it holds no syntax; else `undefined`. */
export function plainMarkdown(text: string): Root | undefined {
  if (SYNTAX.test(text) || text.charCodeAt(0) === 0xfeff) return undefined;
  const children: RootContent[] = [];
  const n = text.length;
  // the paragraph being read: its first line's number, where its text starts, its pieces
  let paraLine = 0;
  let paraFrom = -1;
  let paraCol = 0;
  let pieces: string[] | undefined;
  let simple = true;
  // the last content line of the paragraph: where its text ends, where the line ends, its number and start
  let lastTo = 0;
  let lastEnd = 0;
  let lastLine = 0;
  let lastStart = 0;
  let lastTrailing = 0;
  let lastContentFrom = 0;

  const close = (): void => {
    if (paraFrom < 0) return;
    let value: string;
    if (simple) value = text.slice(paraFrom, lastTo);
    else {
      pieces!.push(text.slice(lastContentFrom, lastTo));
      value = pieces!.join('');
    }
    const start = pt(paraLine, paraCol, paraFrom);
    const para: Paragraph = {
      type: 'paragraph',
      children: [{ type: 'text', value, position: { start, end: pt(lastLine, lastTo - lastStart + 1, lastTo) } }],
      position: { start: pt(paraLine, paraCol, paraFrom), end: pt(lastLine, lastEnd - lastStart + 1, lastEnd) },
    };
    children.push(para);
    paraFrom = -1;
    pieces = undefined;
    simple = true;
  };

  let line = 1;
  let start = 0;
  let ok = true;
  while (start <= n) {
    // the line: [start, end), then its ending
    let end = start;
    while (end < n) {
      const c = text.charCodeAt(end);
      if (c === 10 || c === 13) break;
      end++;
    }
    const endingLength = end >= n ? 0 : text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1;
    let from = start;
    while (from < end && text.charCodeAt(from) === SPACE) from++;
    if (from === end) {
      // a blank line ends the paragraph
      close();
    } else {
      let to = end;
      while (text.charCodeAt(to - 1) === SPACE) to--;
      if (opensBlock(text, from, to) || delimiterLike(text, from, to)) {
        ok = false;
        break;
      }
      if (paraFrom < 0) {
        if (from - start >= 4) {
          ok = false;
          break;
        }
        paraLine = line;
        paraFrom = from;
        paraCol = from - start + 1;
      } else {
        if (lastTrailing >= 2) {
          ok = false;
          break;
        }
        // the line before is not the last: its text and line ending go into the value
        if (simple && (lastTrailing > 0 || from > start)) {
          simple = false;
          pieces = [text.slice(paraFrom, lastTo)];
        } else if (!simple) pieces!.push(text.slice(lastContentFrom, lastTo));
        if (!simple) pieces!.push(text.slice(lastEnd, start));
      }
      lastContentFrom = from;
      lastTo = to;
      lastEnd = end;
      lastLine = line;
      lastStart = start;
      lastTrailing = end - to;
    }
    if (end >= n) break;
    start = end + endingLength;
    line++;
  }
  if (!ok) return undefined;
  close();
  const endCol = n - start + 1;
  return { type: 'root', children, position: { start: pt(1, 1, 0), end: pt(line, endCol, n) } };
}
