import { unified } from 'unified';
import { once, remarkGfm, remarkParse } from '../util/lazy.js';
import { GFM_EMAIL, gfmNeeds, gfmSubset } from './gfm.js';
import type { Root, RootContent } from 'mdast';
import type { SourceDocument } from '../read/types.js';
import { parsePlainText } from './plaintext.js';
import { parseHtml } from './html.js';
import { PIPE, pipeRowsAsTables } from './pipe-rows.js';
import { htmlInMarkdown } from './html-in-markdown.js';
import { assertParseable } from './depth.js';
import { shifted } from './shift.js';
import { plainBlocks, readRemaining } from './plain-markdown.js';

export type { Root } from 'mdast';

// made when the first Markdown file is parsed
const markdownProcessor = once(() => unified().use(remarkParse()).use(remarkGfm()));
// the same parse, cheaper for a text without `@`, with only the GFM constructs the text can hold
// (see ./gfm.ts): one processor for each set of constructs, made when first needed
const subsetProcessors = new Map<number, ReturnType<typeof markdownProcessor>>();

function processorFor(text: string): ReturnType<typeof markdownProcessor> {
  const needs = gfmNeeds(text);
  if (needs & GFM_EMAIL) return markdownProcessor();
  let p = subsetProcessors.get(needs);
  if (!p) subsetProcessors.set(needs, (p = unified().use(remarkParse()).use(gfmSubset(needs)) as unknown as ReturnType<typeof markdownProcessor>));
  return p;
}

/**
 * Markdown (CommonMark + GFM) into an mdast tree whose positions are offsets in `text`. Throws
 * TooDeepError for a text that nests lists and quotes too deeply to parse in reasonable time.
 */
export function parseMarkdown(text: string): Root {
  assertParseable(text);
  return processorFor(text).parse(text) as Root;
}

/**
 * Parsers by input kind. Each turns the document's text into an mdast tree, so the model is built
 * the same way whatever the input was. Readers for other kinds (HTML, Word) register here.
 */
export type Parser = (doc: SourceDocument) => Root;

const parsers: Partial<Record<SourceDocument['kind'], Parser>> = {
  markdown: (doc) => parseMarkdown(doc.text),
  text: (doc) => parsePlainText(doc.text),
};

export function registerParser(kind: SourceDocument['kind'], parser: Parser): void {
  parsers[kind] = parser;
}

registerParser('html', (doc) => parseHtml(doc.text));

export function parse(doc: SourceDocument): Root {
  if (doc.kind !== 'markdown') return (parsers[doc.kind] ?? parsers.text!)(doc);
  const text = doc.text;
  const markdown = (from: number, to: number, line: number): RootContent[] => parseMarkdown(text.slice(from, to)).children.map((c) => shifted(c, from, line - 1));
  // a text of paragraphs only, with table rows among them: its paragraphs found from the blank
  // lines and read by micromark only where they are not read again as plain text (./plain-markdown.ts;
  // such a text has no list or quote to nest, and the parse of any other is checked for depth)
  const plain = PIPE.test(text) ? plainBlocks(text) : undefined;
  const tree = plain ?? parsers.markdown!(doc);
  // rows of a table with `|` between the cells but no GFM delimiter row: read as in plain text;
  // tables and paragraphs written in HTML: read as a web page's
  const rows = pipeRowsAsTables(tree, text, markdown);
  return htmlInMarkdown(plain ? readRemaining(rows, markdown) : rows, text);
}
