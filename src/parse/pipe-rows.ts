import type { Root, RootContent } from 'mdast';
import { ASCII_RULE, parsePlainText } from './plaintext.js';

/**
 * Tables flattened into lines with `|` between the cells, in a Markdown file: a page copied out of
 * a web page or a Word document and saved as `.md`, whose rows have no GFM delimiter row. Markdown
 * reads them as paragraphs, one per row or several rows to a paragraph. Such paragraphs are read as
 * a plain-text file's lines are (./plaintext.ts), which makes runs of pipe rows `textTable` nodes:
 * the same table, whichever of the two files it came in.
 *
 * Only paragraphs whose source is their text are read again (no emphasis, escapes, entities, code
 * or links), and only when the paragraphs read again hold two pipe rows at least, or two lone pipes
 * (a table given one cell a line, the cells between them).
 */

/** a pipe, or a box-drawing character (a table drawn with rules, src/model/ruled-table.ts) */
export const PIPE = /[|｜\u2500-\u257f]/;
/** what makes a paragraph's text differ from its source */
const MARKUP = /[\\&*_`<>[\]~]/;

/**
 * Whether the lines of `text` from `from` to `to` may make a table: two of them hold a pipe and are
 * more than a lone pipe (rows), or two are a lone pipe (the lines between the cells of a table
 * given one cell a line).
 */
function mayBeTable(text: string, from: number, to: number): boolean {
  let rows = 0;
  let lone = 0;
  let start = from;
  let pipes = 0;
  for (let i = from; i <= to; i++) {
    const c = i < to ? text.charCodeAt(i) : 10;
    if (c === 124 || c === 0xff5c || (c >= 0x2500 && c <= 0x257f)) pipes++;
    else if (c === 10 || c === 13) {
      if (pipes > 1) rows++;
      else if (pipes === 1) {
        const t = text.slice(start, i).trim();
        if (t !== '|' && t !== '｜') rows++;
        else lone++;
      }
      if (rows >= 2 || lone >= 2) return true;
      pipes = 0;
      start = i + 1;
    }
  }
  return false;
}

/** Whether some line of `source` holds markup, and none of those holds a pipe (undefined when one does). */
function markupLines(source: string): boolean | undefined {
  if (!MARKUP.test(source)) return false;
  for (const line of source.split('\n')) if (MARKUP.test(line) && PIPE.test(line)) return undefined;
  return true;
}

/**
 * The offset where the line of a paragraph's first character starts, when only spaces come before
 * it there; `marked` when some of its lines hold markup (a line in bold glued to a drawn table),
 * which are then read as Markdown, as they would be on their own.
 */
function paragraphSource(node: RootContent, text: string, withMarkup: boolean): { from: number; to: number; line: number; marked: boolean } | undefined {
  if (node.type !== 'paragraph') return undefined;
  const s = node.position?.start;
  const e = node.position?.end;
  if (s?.offset === undefined || e?.offset === undefined) return undefined;
  const from = s.offset - (s.column - 1);
  if (from < 0 || text.slice(from, s.offset).trim() !== '') return undefined;
  const source = text.slice(from, e.offset);
  // (or a rule line of a drawing in ASCII, `+----+----+`: a paragraph of its own when the drawing is double-spaced)
  if (!PIPE.test(source) && !ASCII_RULE.test(source)) return undefined;
  const marked = markupLines(source);
  if (marked === undefined || (marked && !withMarkup)) return undefined;
  return { from, to: e.offset, line: s.line, marked };
}

/** Markdown's reading of a part of the text that starts a line, placed where it stands. */
export type MarkdownSlice = (from: number, to: number, line: number) => RootContent[];

/**
 * The text from `from` to `to` (starting a line) read as plain text, except its lines with markup,
 * each run of them read as Markdown.
 */
function mixed(text: string, from: number, to: number, line: number, markdown: MarkdownSlice): RootContent[] {
  const out: RootContent[] = [];
  let segFrom = from;
  let segLine = line;
  let segMarked: boolean | undefined;
  const flush = (end: number): void => {
    if (end > segFrom) out.push(...(segMarked ? markdown(segFrom, end, segLine) : parsePlainText(text, segFrom, end, segLine).children));
  };
  let at = from;
  let n = line;
  while (at < to) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 || nl >= to ? to : nl;
    const lineText = text.slice(at, end);
    const marked = lineText.trim() === '' ? segMarked : MARKUP.test(lineText);
    if (segMarked !== undefined && marked !== segMarked) {
      flush(at);
      segFrom = at;
      segLine = n;
    }
    segMarked = marked;
    at = end + 1;
    n++;
  }
  flush(to);
  return out;
}

/**
 * The tree with runs of paragraphs made of pipe rows read as plain text; the tree itself when there
 * is none. With `markdown`, a paragraph some of whose lines hold markup (none of them a pipe row)
 * is read so too, its lines with markup by `markdown`.
 */
export function pipeRowsAsTables(tree: Root, text: string, markdown?: MarkdownSlice): Root {
  if (!PIPE.test(text)) return tree;
  const kids = tree.children;
  const out: RootContent[] = [];
  let changed = false;
  for (let i = 0; i < kids.length; ) {
    const first = paragraphSource(kids[i]!, text, !!markdown);
    if (!first) {
      out.push(kids[i++]!);
      continue;
    }
    let j = i + 1;
    let last = first;
    let marked = first.marked;
    for (let next; j < kids.length && (next = paragraphSource(kids[j]!, text, !!markdown)); j++) {
      last = next;
      marked ||= next.marked;
    }
    const sub =
      mayBeTable(text, first.from, last.to) ? (marked ? { children: mixed(text, first.from, last.to, first.line, markdown!) } : parsePlainText(text, first.from, last.to, first.line)) : undefined;
    if (sub && sub.children.some((c) => c.type === 'textTable')) {
      for (const c of sub.children) out.push(c);
      changed = true;
    } else {
      out.push(...kids.slice(i, j));
    }
    i = j;
  }
  return changed ? { ...tree, children: out } : tree;
}
