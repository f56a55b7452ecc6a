import { unified } from 'unified';
import { hastDefaultHandlers, hastToMdast, once, rehypeParse } from '../util/lazy.js';
import type { Element, ElementContent, Root as HastRoot, Text as HastText } from 'hast';
import type { Root, RootContent, Nodes, Text, Parents } from 'mdast';
import { vocabulary } from '../config/vocabulary.js';
import { parsePlainText } from './plaintext.js';
import { remapped } from './shift.js';
import { listMarker, NUMBER_LABEL } from '../util/list-numbers.js';

/**
 * HTML pages (published reports are web pages) into the same mdast tree the Markdown and text
 * parsers produce, so the model is built the same way:
 * - the page is parsed with rehype-parse (HTML5 error recovery: missing end tags, stray tags and
 *   bad nesting are repaired as browsers do, never thrown);
 * - page chrome (navigation, headers and footers, scripts, styles, forms, share buttons, hidden
 *   elements) is dropped, and when one container evidently holds the article only it is kept
 *   (with the report title, when that stands just outside it);
 * - tables used for page layout are unwrapped into their content; data tables become `htmlTable`
 *   nodes holding the hast element, which the model turns into a grid with spans expanded
 *   (src/model/html-table.ts) — the mdast table would lose rowspan/colspan;
 * - everything else goes through hast-util-to-mdast. Every mdast node keeps positions that are
 *   offsets into the HTML source, so diagnostics point at the page's own lines and columns.
 */

export interface HtmlTable {
  type: 'htmlTable';
  element: Element;
  position?: { start: { line: number; column: number; offset?: number }; end: { line: number; column: number; offset?: number } };
}

declare module 'mdast' {
  interface RootContentMap {
    htmlTable: HtmlTable;
  }
}

const htmlProcessor = once(() => unified().use(rehypeParse()));

/** Elements that never hold report content. */
const DROP_TAGS = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'form', 'button', 'select', 'input', 'textarea', 'svg', 'canvas', 'map', 'audio', 'video', 'head']);
interface HtmlChromeVocabulary {
  htmlChromeTags: string[];
  htmlChromeClassWords: string[];
  htmlContentClassWords: string[];
}
let chromeWords: { tags: Set<string>; chrome: RegExp; content: RegExp } | undefined;
/**
 * Elements that hold page chrome (unless they hold much of the page's text), the class/id words of
 * page chrome (navigation, breadcrumbs, share and print buttons, …) and of the container that
 * holds the article: src/vocabulary/page-chrome.json.
 */
function chrome(): NonNullable<typeof chromeWords> {
  if (!chromeWords) {
    const v = vocabulary<HtmlChromeVocabulary>('page-chrome');
    const words = (xs: string[]) => new RegExp(`(?:^|[\\s_-])(?:${xs.join('|')})(?:[\\s_-]|$)`, 'i');
    chromeWords = { tags: new Set(v.htmlChromeTags), chrome: words(v.htmlChromeClassWords), content: words(v.htmlContentClassWords) };
  }
  return chromeWords;
}

/** A chrome element is kept when it holds at least this share of the page's text. */
const KEEP_SHARE = 0.3;
/** A container is the article when it holds at least this share of the page's text. */
const MAIN_SHARE = 0.6;
/** A table cell with more text than this is page layout, not a table of figures. */
const LAYOUT_CELL_CHARS = 300;

function classAndId(el: Element): string {
  const cls = el.properties.className;
  const c = Array.isArray(cls) ? cls.join(' ') : typeof cls === 'string' ? cls : '';
  const id = typeof el.properties.id === 'string' ? el.properties.id : '';
  return `${c} ${id}`.trim();
}

function isHidden(el: Element): boolean {
  const style = typeof el.properties.style === 'string' ? el.properties.style : '';
  return /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style) || el.properties.hidden === true;
}

/** Non-blank characters of text under every element, computed once. */
function textLengths(root: HastRoot): Map<Element, number> {
  const lengths = new Map<Element, number>();
  const walk = (n: ElementContent): number => {
    if (n.type === 'text') return n.value.replace(/[\s\u00a0\u3000]/g, '').length;
    if (n.type !== 'element') return 0;
    let sum = 0;
    for (const c of n.children) sum += walk(c);
    lengths.set(n, sum);
    return sum;
  };
  for (const c of root.children) if (c.type === 'element') walk(c);
  return lengths;
}

function textOf(n: ElementContent | HastRoot): string {
  if (n.type === 'text') return n.value;
  if (n.type === 'element' || n.type === 'root') return n.children.map((c) => textOf(c as ElementContent)).join('');
  return '';
}

const REPORT_HEADING = /报告/;

function holdsReportTitle(el: Element): boolean {
  let found = false;
  const walk = (n: ElementContent): void => {
    if (found || n.type !== 'element') return;
    if (/^h[1-3]$/.test(n.tagName) && REPORT_HEADING.test(textOf(n))) found = true;
    else for (const c of n.children) walk(c);
  };
  walk(el);
  return found;
}

/** Remove page chrome in place. */
function stripChrome(root: HastRoot): void {
  const lengths = textLengths(root);
  let total = 0;
  for (const c of root.children) if (c.type === 'element') total += lengths.get(c) ?? 0;
  const big = (el: Element): boolean => total > 0 && (lengths.get(el) ?? 0) >= total * KEEP_SHARE;
  const drop = (el: Element): boolean => {
    if (DROP_TAGS.has(el.tagName) || isHidden(el)) return true;
    if (el.tagName === 'body' || el.tagName === 'html') return false;
    if (chrome().tags.has(el.tagName)) return !big(el) && !holdsReportTitle(el);
    const words = classAndId(el);
    return words !== '' && chrome().chrome.test(words) && !chrome().content.test(words) && !big(el) && !holdsReportTitle(el);
  };
  const walk = (parent: { children: (ElementContent | HastRoot['children'][number])[] }): void => {
    parent.children = parent.children.filter((c) => !(c.type === 'element' && drop(c)) && c.type !== 'comment' && c.type !== 'doctype');
    for (const c of parent.children) if (c.type === 'element') walk(c);
  };
  walk(root as unknown as { children: ElementContent[] });
}

/** The element that evidently holds the article, if one does, with the title just before it. */
function mainContent(root: HastRoot): Element[] | undefined {
  const lengths = textLengths(root);
  let total = 0;
  for (const c of root.children) if (c.type === 'element') total += lengths.get(c) ?? 0;
  if (total === 0) return undefined;
  let best: Element | undefined;
  const order: Element[] = [];
  const walk = (el: Element): void => {
    order.push(el);
    const isCandidate = el.tagName === 'article' || el.tagName === 'main' || el.properties.role === 'main' || chrome().content.test(classAndId(el));
    if (isCandidate && (lengths.get(el) ?? 0) >= total * MAIN_SHARE) best = el; // deeper candidates overwrite outer ones
    for (const c of el.children) if (c.type === 'element') walk(c);
  };
  for (const c of root.children) if (c.type === 'element') walk(c);
  if (!best || best.tagName === 'body' || best.tagName === 'html') return undefined;
  if (holdsReportTitle(best)) return [best];
  // the title often stands in its own element just before the article container
  const at = order.indexOf(best);
  for (let i = at - 1; i >= 0; i--) {
    const el = order[i]!;
    if (isAncestor(el, best)) continue;
    const t = textOf(el).replace(/\s+/g, '');
    const titleLike = /^h[1-3]$/.test(el.tagName) || /(?:^|[\s_-])(?:title|tit|bt|biaoti)(?:[\s_-]|$)/i.test(classAndId(el));
    if (titleLike && REPORT_HEADING.test(t) && t.length <= 100) return [el, best];
  }
  return [best];
}

function isAncestor(a: Element, b: Element): boolean {
  for (const c of a.children) if (c === b || (c.type === 'element' && isAncestor(c, b))) return true;
  return false;
}

function ownRows(table: Element): Element[][] {
  const rows: Element[][] = [];
  const cellsOf = (tr: Element): Element[] => tr.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'));
  for (const c of table.children) {
    if (c.type !== 'element') continue;
    if (c.tagName === 'tr') rows.push(cellsOf(c));
    else if (['thead', 'tbody', 'tfoot'].includes(c.tagName)) for (const r of c.children) if (r.type === 'element' && r.tagName === 'tr') rows.push(cellsOf(r));
  }
  return rows;
}

function hasDescendant(el: Element, tag: string): boolean {
  return el.children.some((c) => c.type === 'element' && (c.tagName === tag || hasDescendant(c, tag)));
}

/** Elements that break a cell's content into lines or blocks. */
const BLOCK_TAGS = new Set(['p', 'div', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'section', 'article']);

/**
 * A table used to lay out the page rather than to hold figures: a cell holds long prose, the table
 * is a single cell framing paragraphs or lines, or it is a few rows wrapping other tables.
 */
function isLayoutTable(table: Element): boolean {
  const rows = ownRows(table);
  const cells = rows.flat();
  if (cells.some((c) => textOf(c).replace(/[\s\u00a0\u3000]/g, '').length > LAYOUT_CELL_CHARS)) return true;
  if (cells.length === 1 && [...BLOCK_TAGS].some((t) => hasDescendant(cells[0]!, t))) return true;
  return rows.length <= 5 && cells.some((c) => hasDescendant(c, 'table'));
}

/** Replace layout tables by their cells' content, in place. */
function unwrapLayoutTables(parent: { children: ElementContent[] }): void {
  const out: ElementContent[] = [];
  for (const c of parent.children) {
    if (c.type === 'element' && c.tagName === 'table' && isLayoutTable(c)) {
      const cells = ownRows(c).flat();
      for (const cell of cells) {
        const div: Element = { type: 'element', tagName: 'div', properties: {}, children: cell.children, position: cell.position };
        unwrapLayoutTables(div);
        out.push(div);
      }
      continue;
    }
    if (c.type === 'element') unwrapLayoutTables(c);
    out.push(c);
  }
  parent.children = out;
}

/**
 * Indices into `base` of the characters of `value`, matched in order; `value` is `base` with its
 * white space changed (collapsed, trimmed, turned into line breaks). White space without a
 * counterpart gets the index reached so far.
 */
export function alignChars(value: string, base: string): number[] {
  const out: number[] = [];
  let p = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    let found = -1;
    if (!/\s/.test(c)) {
      for (let k = p; k < base.length; k++) {
        if (base[k] === c) {
          found = k;
          break;
        }
        if (!/[\s\u00a0\u3000]/.test(base[k]!)) break; // only white space may be skipped
      }
    }
    out.push(found >= 0 ? found : Math.min(p, Math.max(base.length - 1, 0)));
    if (found >= 0) p = found + 1;
  }
  return out;
}

/**
 * hast-util-to-mdast merges neighbouring text (`a<span …>b</span>` → one text node whose
 * position spans the tags too). Split such nodes back into one node per HTML text node, so that
 * each piece's position is the exact source of its characters.
 */
function splitMergedText(tree: Root, hastTexts: HastText[]): void {
  const starts = hastTexts.map((t) => t.position!.start.offset!);
  const firstAtOrAfter = (off: number): number => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < off) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const fix = (node: Nodes): void => {
    if (!('children' in node)) return;
    const parent = node as Parents;
    const out: Nodes[] = [];
    for (const c of parent.children as Nodes[]) {
      fix(c);
      if (c.type !== 'text' || !c.position || c.position.start.offset === undefined || c.position.end.offset === undefined) {
        out.push(c);
        continue;
      }
      const st = c.position.start.offset;
      const en = c.position.end.offset;
      const inside: HastText[] = [];
      for (let k = firstAtOrAfter(st); k < hastTexts.length && starts[k]! < en; k++) inside.push(hastTexts[k]!);
      if (inside.length <= 1) {
        out.push(c);
        continue;
      }
      const owner: number[] = [];
      inside.forEach((h, k) => {
        for (let i = 0; i < h.value.length; i++) owner.push(k);
      });
      const idx = alignChars(c.value, inside.map((h) => h.value).join(''));
      let i = 0;
      while (i < c.value.length) {
        const k = owner[idx[i]!] ?? 0;
        let j = i + 1;
        while (j < c.value.length && (owner[idx[j]!] ?? 0) === k) j++;
        const h = inside[k]!;
        out.push({ type: 'text', value: c.value.slice(i, j), position: { start: { ...h.position!.start }, end: { ...h.position!.end } } } as Text);
        i = j;
      }
    }
    (parent as { children: Nodes[] }).children = out;
  };
  fix(tree);
}

/** Give nodes that hast-util-to-mdast left without a position the span of their children. */
function fillPositions(node: Nodes): void {
  if (!('children' in node)) return;
  const kids = node.children as Nodes[];
  kids.forEach(fillPositions);
  if (node.position?.start.offset !== undefined && node.position.end.offset !== undefined) return;
  const withPos = kids.filter((k) => k.position?.start.offset !== undefined && k.position.end.offset !== undefined);
  if (!withPos.length) return;
  node.position = { start: { ...withPos[0]!.position!.start }, end: { ...withPos[withPos.length - 1]!.position!.end } };
}

function collectTexts(root: HastRoot): HastText[] {
  const out: HastText[] = [];
  const walk = (n: ElementContent | HastRoot): void => {
    if (n.type === 'text') {
      if (n.position?.start.offset !== undefined && n.position.end.offset !== undefined) out.push(n);
      return;
    }
    if (n.type === 'element' || n.type === 'root') for (const c of n.children) walk(c as ElementContent);
  };
  walk(root);
  return out;
}

/**
 * A `<pre>` that holds text alone (a report pasted into a page as it was typed, its tables aligned
 * with spaces) is read as plain text is: paragraphs, headings and space-aligned tables, at their
 * places in the page's source (through its character references). Undefined for one with markup
 * inside (it is left to the converter, which makes it a block of code).
 */
function preformatted(src: string, pre: Element): RootContent[] | undefined {
  const only = pre.children.length === 1 ? pre.children[0] : undefined;
  if (only?.type !== 'text') return undefined;
  const start = only.position?.start.offset;
  const end = only.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const at = sourceOffsets(only.value, src, start, end);
  if (!at) return undefined;
  return parsePlainText(only.value).children.map((c) => remapped(c, (o) => at[Math.min(o, at.length - 1)]!));
}

const CHARACTER_REFERENCE = /&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?/y;

/**
 * Where each character of a text node's value stands in the source from `start` to `end`: the
 * value is the source with its character references decoded (`&lt;` → `<`) and its line breaks
 * made `\n`. Index `value.length` is `end`. Undefined when the two do not line up (markup inside).
 */
function sourceOffsets(value: string, src: string, start: number, end: number): number[] | undefined {
  const at: number[] = [];
  let k = start;
  for (let i = 0; i < value.length; ) {
    if (k >= end) return undefined;
    if (src[k] === '\r' && value[i] === '\n') {
      k++;
      if (src[k] === '\n') k++;
      at.push(k - 1);
      i++;
      continue;
    }
    if (src[k] === value[i] && src[k] !== '&') {
      at.push(k++);
      i++;
      continue;
    }
    if (src[k] !== '&') return undefined;
    CHARACTER_REFERENCE.lastIndex = k;
    const m = CHARACTER_REFERENCE.exec(src);
    if (!m) {
      if (value[i] !== '&') return undefined;
      at.push(k++);
      i++;
      continue;
    }
    // what the reference decodes to: one character (two UTF-16 units past U+FFFF) of the value
    const units = value.codePointAt(i)! > 0xffff ? 2 : 1;
    for (let u = 0; u < units; u++) at.push(k);
    i += units;
    k += m[0].length;
  }
  at.push(end);
  return at;
}

/** The counting style an element's `list-style-type` (or `list-style` shorthand) sets, if any. */
function listStyleOf(el: Element): string | undefined {
  const style = typeof el.properties.style === 'string' ? el.properties.style : '';
  const m = /list-style(?:-type)?\s*:\s*([^;]+)/i.exec(style);
  if (!m) return undefined;
  return m[1]!
    .toLowerCase()
    .split(/\s+/)
    .find((w) => w === 'none' || listMarker(1, w) !== undefined || /^(?:disc|circle|square)$/.test(w));
}


/** The first text node with characters under an element: where an item's label goes. */
function firstText(el: Element): { parent: Element; index: number } | undefined {
  for (let i = 0; i < el.children.length; i++) {
    const c = el.children[i]!;
    if (c.type === 'text' && c.value.trim() !== '') return { parent: el, index: i };
    if (c.type === 'element' && !DROP_TAGS.has(c.tagName)) {
      const found = firstText(c);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * The numbers of ordered lists written out as the browser draws them. A report's parts or items
 * typed in a web editor's numbered list (`<ol style="list-style-type:cjk-ideographic">` shows
 * `一、总体情况`) hold their numbers only on screen; each item gets its label as text before its
 * first characters (with the `start`, `reversed` and `value` attributes honoured), so the parts
 * and rows are known by them. An item that starts with a number typed by hand, lists without a
 * counting style, and bulleted lists are left as they are.
 */
function writeOutListNumbers(node: { children: ElementContent[] }): void {
  for (const c of node.children) {
    if (c.type !== 'element') continue;
    if (c.tagName === 'ol') {
      const items = c.children.filter((x): x is Element => x.type === 'element' && x.tagName === 'li');
      const type = typeof c.properties.type === 'string' ? c.properties.type : undefined;
      const listStyle = listStyleOf(c) ?? type ?? 'decimal';
      const reversed = c.properties.reversed === true || c.properties.reversed === '';
      const start = typeof c.properties.start === 'number' ? c.properties.start : Number.parseInt(String(c.properties.start ?? ''), 10);
      let n = Number.isFinite(start) ? start : reversed ? items.length : 1;
      for (const li of items) {
        const value = typeof li.properties.value === 'number' ? li.properties.value : Number.parseInt(String(li.properties.value ?? ''), 10);
        if (Number.isFinite(value)) n = value;
        const marker = listMarker(n, listStyleOf(li) ?? listStyle);
        const at = marker ? firstText(li) : undefined;
        // an item that carries a number typed by hand keeps it alone (the page shows both)
        if (marker && at && !NUMBER_LABEL.test((at.parent.children[at.index] as HastText).value.trimStart())) {
          const text = at.parent.children[at.index] as HastText;
          const lead = text.value.length - text.value.trimStart().length;
          // the label stands where the item's text starts, taking no source characters
          const startPos = text.position?.start;
          at.parent.children.splice(at.index, 0, { type: 'text', value: marker, ...(startPos ? { position: { start: { ...startPos }, end: { ...startPos } } } : {}) });
          if (lead) text.value = text.value.trimStart();
        }
        n += reversed ? -1 : 1;
      }
    }
    writeOutListNumbers(c);
  }
}

/** Parse an HTML page into an mdast tree (see above). Never throws on malformed HTML. */
export function parseHtml(text: string): Root {
  const hast = htmlProcessor().parse(text) as HastRoot;
  const hastTexts = collectTexts(hast);
  stripChrome(hast);
  const main = mainContent(hast);
  // a container that is a table cell (layout tables) is read as a plain block
  const asBlock = (el: Element): Element => (/^(?:td|th|tr|tbody|thead|tfoot|caption)$/.test(el.tagName) ? { ...el, tagName: 'div' } : el);
  const content: HastRoot = main ? { type: 'root', children: main.map(asBlock) } : hast;
  unwrapLayoutTables(content as unknown as { children: ElementContent[] });
  if (/<ol[\s>]/i.test(text)) writeOutListNumbers(content as unknown as { children: ElementContent[] });

  const mdast = hastToMdast()(content, {
    handlers: {
      table: (_state, element) => ({ type: 'htmlTable', element, position: element.position }) as HtmlTable,
      pre: (state, element) => preformatted(text, element) ?? hastDefaultHandlers().pre(state, element),
    },
  });
  const root: Root = mdast.type === 'root' ? mdast : { type: 'root', children: [mdast as RootContent] };
  splitMergedText(root, hastTexts);
  fillPositions(root);
  root.position = { start: { line: 1, column: 1, offset: 0 }, end: { ...(hast.position?.end ?? { line: 1, column: 1 }), offset: text.length } };
  return root;
}
