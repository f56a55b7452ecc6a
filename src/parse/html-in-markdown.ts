import type { Root, RootContent } from 'mdast';
import { parseHtml } from './html.js';
import { shifted } from './shift.js';
import { ARTICLE_TEXT_ELEMENTS } from '../read/html.js';

/**
 * HTML inside Markdown, read as a web page's HTML is (./html.ts), with positions in the Markdown file:
 * - tables: converters (turndown's GFM tables, pandoc) keep a table with merged cells as HTML, since
 *   GFM has no merged cells, and Markdown editors export such tables so; they become the same
 *   `htmlTable` nodes a page's tables do, spans included;
 * - blocks of text (`<p>`, `<div>`, `<h2>`, …): an article's HTML saved as `.md`, or a rich editor's
 *   export, whose paragraphs Markdown gives as raw HTML and the report would lose.
 *
 * Only HTML blocks at the top of the document whose source is their value are read again; a table
 * from the block that opens `<table` to the one that closes it (a table written over several
 * blocks, blank lines between its rows, takes the text between them with it). A block that gives
 * nothing to read (a comment, a `<br>`) stays as it is.
 */

const TABLE_OPEN = /<table[\s>]/i;
const TABLE_CLOSE = /<\/table\s*>/i;
/** an element that holds a report's text */
const TEXT_BLOCK = new RegExp(`<(?:${ARTICLE_TEXT_ELEMENTS}|blockquote|li)[\\s>]`, 'i');

/** A node parsed from the HTML slice placed in the Markdown file; htmlTable nodes' elements with it. */
function placed(node: RootContent, dOffset: number, dLine: number): RootContent {
  const n = shifted(node, dOffset, dLine);
  // (a hast element has positions and children as an mdast node has: moved the same way)
  if (n.type === 'htmlTable') n.element = shifted(n.element, dOffset, dLine);
  return n;
}

/** The offsets of a node in the text, when its position gives them. */
function span(node: RootContent): { from: number; to: number; line: number } | undefined {
  const s = node.position?.start;
  const e = node.position?.end;
  if (s?.offset === undefined || e?.offset === undefined) return undefined;
  return { from: s.offset, to: e.offset, line: s.line };
}

/** The tree with its HTML tables and blocks of text read as HTML; the tree itself when it has none. */
export function htmlInMarkdown(tree: Root, text: string): Root {
  if (!TABLE_OPEN.test(text) && !TEXT_BLOCK.test(text)) return tree;
  const kids = tree.children;
  const out: RootContent[] = [];
  let changed = false;
  for (let i = 0; i < kids.length; i++) {
    const node = kids[i]!;
    const at = node.type === 'html' ? span(node) : undefined;
    const source = at ? text.slice(at.from, at.to) : '';
    if (!at || source !== (node as { value: string }).value || !(TABLE_OPEN.test(source) || TEXT_BLOCK.test(source))) {
      out.push(node);
      continue;
    }
    // the blocks up to the one that closes the table (a table without its end: this block alone)
    let last = i;
    let to = at.to;
    if (TABLE_OPEN.test(source) && !TABLE_CLOSE.test(source)) {
      for (let j = i + 1; j < kids.length; j++) {
        const next = span(kids[j]!);
        if (!next) break;
        if (kids[j]!.type === 'html' && TABLE_CLOSE.test(text.slice(next.from, next.to))) {
          last = j;
          to = next.to;
          break;
        }
        if (kids[j]!.type === 'html' && TABLE_OPEN.test(text.slice(next.from, next.to))) break;
      }
    }
    const parsed = parseHtml(text.slice(at.from, to));
    if (parsed.children.length === 0) {
      out.push(node);
      continue;
    }
    for (const c of parsed.children) out.push(placed(c, at.from, at.line - 1));
    i = last;
    changed = true;
  }
  return changed ? { ...tree, children: out } : tree;
}
