import type { Paragraph, Root, RootContent } from 'mdast';
import { delimiterRowPossible } from './gfm.js';

/**
 * Markdown files whose lines start no construct but paragraphs: a page copied out of a web page or
 * a Word document and saved as `.md`, its headings and table rows on lines of their own, with no
 * Markdown in them. Markdown reads such a text as paragraphs split at blank lines, and the
 * paragraphs made of pipe rows are then read again as plain text (./pipe-rows.ts), so that
 * micromark's reading of their words is thrown away, and with them often the whole text (a text
 * without blank lines is one paragraph).
 *
 * For such a text the paragraphs are found from the blank lines alone, at the positions micromark
 * gives them (from a line's first character that is not a space or tab to the end of its last
 * line), and left unread. Those ./pipe-rows.ts does not read again are read by micromark
 * afterwards, each run of them as one slice of the text (`readRemaining`): the tree is the one the
 * whole text's parse gives (`test/parse-plain-markdown.test.ts` compares them).
 *
 * A text is taken as such only when no line can start another construct (`plainBlocks`), which
 * leaves nothing that joins or splits paragraphs across blank lines, nor anything one paragraph's
 * reading takes from another (link and footnote definitions start a line with `[`).
 */

/** Paragraphs found without reading them; read by `readRemaining`. */
const unread = new WeakSet<RootContent>();

/**
 * What may start a construct other than a paragraph, or change one, at a line's first character
 * that is not a space or tab: a quote, an HTML block, a definition; an ATX heading; a fence; a list
 * item's marker (bullet or ordered); a line of one marker character alone (a thematic break, a
 * setext heading's underline, an empty list item). Markers glued to words (`**一、总体情况**`,
 * `#话题`, `-1`, `` `x` ``) start nothing.
 */
const BLOCK_START = /^(?:[><[]|#{1,6}(?:[ \t]|$)|`{3}|~{3}|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|([-*_=])[ \t]*(?:\1[ \t]*)*$)/;
/** First characters that may begin `BLOCK_START`. */
const MARKERS = new Set([...'><[#`~-+*_=0123456789'].map((c) => c.charCodeAt(0)));

function point(line: number, column: number, offset: number): { line: number; column: number; offset: number } {
  return { line, column, offset };
}

/**
 * The top-level paragraphs of `text`, unread, when no line of it can start any other construct;
 * undefined otherwise (the text is then parsed as a whole).
 */
export function plainBlocks(text: string): Root | undefined {
  if (delimiterRowPossible(text)) return undefined;
  // line endings: \n, and also \r\n or \r when the text has a \r
  const cr = text.includes('\r');
  const children: RootContent[] = [];
  let line = 1;
  let at = 0;
  // the paragraph being gathered: where its first character is, and the end of its last line so far
  let start: { line: number; column: number; offset: number } | undefined;
  let end: { line: number; column: number; offset: number } | undefined;
  const close = (): void => {
    if (start && end) {
      const p: Paragraph = { type: 'paragraph', children: [], position: { start, end } };
      unread.add(p);
      children.push(p);
    }
    start = end = undefined;
  };
  const n = text.length;
  for (;;) {
    let eol = cr ? at : text.indexOf('\n', at);
    if (cr) while (eol < n && text.charCodeAt(eol) !== 10 && text.charCodeAt(eol) !== 13) eol++;
    else if (eol < 0) eol = n;
    let k = at;
    while (k < eol && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
    // a blank line ends the paragraph
    if (k === eol) close();
    else {
      if (MARKERS.has(text.charCodeAt(k)) && BLOCK_START.test(text.slice(k, eol))) return undefined;
      if (!start) {
        // indented code, or indentation with a tab (whose width the parser counts in columns)
        if (k - at >= 4 || text.slice(at, k).includes('\t')) return undefined;
        start = point(line, k - at + 1, k);
      }
      end = point(line, eol - at + 1, eol);
    }
    if (eol >= n) break;
    at = eol + (text.charCodeAt(eol) === 13 && text.charCodeAt(eol + 1) === 10 ? 2 : 1);
    line++;
  }
  close();
  return { type: 'root', children, position: { start: point(1, 1, 0), end: point(line, n - at + 1, n) } };
}

/** Markdown's reading of a part of the text that starts a line, placed where it stands. */
type MarkdownSlice = (from: number, to: number, line: number) => RootContent[];

/**
 * The tree with each run of paragraphs `plainBlocks` left unread read by `markdown`, from the start
 * of its first line to the end of its last paragraph; the tree itself when there is none.
 */
export function readRemaining(tree: Root, markdown: MarkdownSlice): Root {
  const kids = tree.children;
  if (!kids.some((c) => unread.has(c))) return tree;
  const out: RootContent[] = [];
  for (let i = 0; i < kids.length; ) {
    if (!unread.has(kids[i]!)) {
      out.push(kids[i++]!);
      continue;
    }
    let j = i + 1;
    while (j < kids.length && unread.has(kids[j]!)) j++;
    const first = kids[i]!.position!.start;
    const last = kids[j - 1]!.position!.end;
    out.push(...markdown(first.offset! - (first.column - 1), last.offset!, first.line));
    i = j;
  }
  return { ...tree, children: out };
}
