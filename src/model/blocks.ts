import type { Root, RootContent, Nodes, Table, ListItem } from 'mdast';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { MappedText, type Segment } from '../util/mapped-text.js';
import { cutOut, withoutLetterSpacing } from '../util/letter-spacing.js';
import { withSentenceStops } from '../util/sentence-stops.js';
import { foldWidth, INVISIBLE } from '../read/normalise.js';
import type { Block, RawTable, RawCell } from './types.js';
import type { TextTable } from '../parse/plaintext.js';
import { textTableToGrid } from './text-table.js';
import { htmlTableConverter } from './html-table.js';
import { slotBudget, type SlotBudget } from '../util/spans.js';
import { readNumbering } from './numbering.js';

/** A space or a tab: what remark drops around a paragraph's line breaks. */
const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';

const REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/y;

/** The character a character reference at `source[k]` stands for (`&nbsp;`, `&#8203;`, `&#x3000;`), and the reference's length. */
function characterReference(source: string, k: number): { char: string; length: number } | undefined {
  REFERENCE.lastIndex = k;
  const m = REFERENCE.exec(source);
  if (!m) return undefined;
  let char: string | false;
  if (m[3]) char = decodeNamedCharacterReference(m[3]);
  else {
    const code = m[1] ? Number(m[1]) : parseInt(m[2]!, 16);
    char = code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : false;
  }
  return char && char.length === 1 ? { char, length: m[0].length } : undefined;
}

/**
 * Map an inline node's value onto its source slice. The value can differ from the source
 * (escapes, entities, indentation remark drops from continuation lines), so characters are
 * aligned greedily: each value character is looked for a few characters ahead in the source,
 * past any spaces and tabs there when it is none (the indentation of a line of text out of a PDF,
 * which may be dozens of spaces wide).
 */
export function alignValue(value: string, source: string, start: number): MappedText {
  if (value === source) return MappedText.identity(value, start);
  const segs: Segment[] = [];
  let p = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    let found = -1;
    let width = 1;
    let from = p;
    if (!isBlank(c)) while (isBlank(source[from])) from++;
    for (let k = from; k < Math.min(source.length, from + 12); k++) {
      if (source[k] === c) {
        found = k;
        break;
      }
      // a character reference (&nbsp;, &#8203;, &amp;) stands for one character of the value
      if (source[k] === '&') {
        const ref = characterReference(source, k);
        if (ref && ref.char === c) {
          found = k;
          width = ref.length;
          break;
        }
        if (ref) k += ref.length - 1;
      }
    }
    const s = found >= 0 ? found : Math.min(p, Math.max(source.length - 1, 0));
    const lastSeg = segs[segs.length - 1];
    if (width === 1 && lastSeg && lastSeg.t + lastSeg.len === i && lastSeg.s + lastSeg.len === start + s) lastSeg.len++;
    else segs.push(width === 1 ? { t: i, s: start + s, len: 1 } : { t: i, s: start + s, len: 1, w: width });
    if (found >= 0) p = found + width;
  }
  return new MappedText(value, segs.length ? segs : [{ t: 0, s: start, len: 0 }]);
}

/** Plain text of an inline tree, mapped to the source. */
export function inlineText(node: Nodes, src: string): MappedText {
  const parts: MappedText[] = [];
  const walk = (n: Nodes): void => {
    if (n.type === 'text' || n.type === 'inlineCode') {
      const st = n.position?.start.offset;
      const en = n.position?.end.offset;
      if (st === undefined || en === undefined) {
        parts.push(new MappedText(n.value, [{ t: 0, s: parts.length ? parts[parts.length - 1]!.toSource(Infinity) : 0, len: 0 }]));
        return;
      }
      const source = src.slice(st, en);
      parts.push(n.type === 'inlineCode' ? alignValue(n.value, source, st) : alignValue(n.value, source, st));
      return;
    }
    if (n.type === 'break') {
      const st = n.position?.start.offset ?? 0;
      parts.push(new MappedText('\n', [{ t: 0, s: st, len: 1 }]));
      return;
    }
    if (n.type === 'html') return;
    if ('children' in n) for (const c of n.children as Nodes[]) walk(c);
  };
  walk(node);
  // nothing to map (an empty table cell): empty text where the node starts, not at the document's start
  if (parts.length === 0) return MappedText.empty(node.position?.start.offset ?? 0);
  return asRead(MappedText.concat(parts));
}

/** Whether a text holds a character INVISIBLE matches. */
const INVISIBLE_ANY = new RegExp(INVISIBLE.source);

/**
 * A web page's or Word document's text as a reader takes it: without characters that show nothing
 * (`&#8203;`) and without the spaces of words set letter-spaced, full stops typed as Latin ones read
 * as 。, full-width digits and letters as ASCII. Plain text and Markdown have these seen to when they
 * are read (src/read/normalise.ts), and are left as they are here.
 */
function asRead(text: MappedText): MappedText {
  let t = text;
  if (INVISIBLE_ANY.test(t.text)) t = cutOut(t, [...t.text.matchAll(INVISIBLE)].flatMap((m) => [m.index, m.index + m[0].length]));
  t = withoutLetterSpacing(t);
  return t.withText(foldWidth(withSentenceStops(t.text)));
}

/** How many pictures a node holds. */
function imagesIn(node: Nodes): number {
  if (node.type === 'image' || node.type === 'imageReference') return 1;
  let n = 0;
  if ('children' in node) for (const c of node.children as Nodes[]) n += imagesIn(c);
  return n;
}

function rangeOf(n: { position?: { start: { offset?: number }; end: { offset?: number } } }): { start: number; end: number } {
  return { start: n.position?.start.offset ?? 0, end: n.position?.end.offset ?? 0 };
}

/** Split mapped text into its lines, dropping empty ones. */
function splitLines(t: MappedText): MappedText[] {
  const out: MappedText[] = [];
  let from = 0;
  const s = t.text;
  for (let i = 0; i <= s.length; i++) {
    if (i === s.length || s[i] === '\n') {
      const line = t.slice(from, i).trim();
      if (line.text !== '') out.push(line);
      from = i + 1;
    }
  }
  return out;
}

function gfmTable(node: Table, src: string, blockIndex: number): RawTable {
  const rows: RawCell[][] = node.children.map((row) =>
    row.children.map((cell) => {
      const text = inlineText(cell, src).trim();
      return { text, range: rangeOf(cell) };
    }),
  );
  return { rows, range: rangeOf(node), layout: 'gfm', blockIndex };
}

/** Display columns of white space between the start of the line and `at` (0 when anything else stands there). */
function indentOf(src: string, at: number): number {
  let w = 0;
  for (let i = at - 1; i >= 0; i--) {
    const c = src.charCodeAt(i);
    if (c === 10 || c === 13) return w;
    if (c === 32 || c === 9) w++;
    else if (c === 0x3000) w += 2;
    else return 0;
  }
  return w;
}

/** Hook for other syntaxes to turn their table nodes into grids (HTML tables with spans). */
export type TableConverter = (node: RootContent, src: string, blockIndex: number, budget: SlotBudget) => RawTable | undefined;
const tableConverters: TableConverter[] = [];
export function registerTableConverter(c: TableConverter): void {
  tableConverters.push(c);
}
registerTableConverter(htmlTableConverter);

/**
 * A heading marked with `#` that Markdown does not read as one: without the space CommonMark asks for
 * after the marks (`##一、总体情况`, as reports typed by hand and some editors write it; a no-break
 * space there, as text copied out of a web page has, is none either), or after an indent Markdown
 * does not count (`　　## 一、总体情况`: full-width spaces, as a text indented in Word has before
 * every line, or four spaces and more inside a paragraph). Markdown and plain text alike
 * read it as a line of text, whose `#` hides the heading. Where the title starts and the heading's
 * level when a line is one: one to six `#`, then the title, short and without another `#` (a
 * `#话题#` is no heading), numbered as headings are (一、 （一） 1. 第一部分) unless it is the
 * document's first line (its title).
 */
function looseHeadingMarks(line: string, first: boolean): { cut: number; depth: number } | undefined {
  const m = LOOSE_HEADING.exec(line);
  if (!m) return undefined;
  const rest = line.slice(m[0].length).trim();
  if (rest.length > 60 || /[#＃]/.test(rest)) return undefined;
  return first || readNumbering(rest) ? { cut: m[0].length, depth: m[1]!.length } : undefined;
}

/** An indent, one to six `#`, spaces or none, then the title (LOOSE_HEADING's match ends where it starts). */
const LOOSE_HEADING = /^[ \t\u3000\u00a0]*(#{1,6})[ \t\u3000\u00a0]*(?=[^\s#])/;

/**
 * The flat list of blocks the model is built from. `pictures` are offsets in `src` where a picture
 * stands that the syntax does not show (a PDF page's drawn image): each becomes a block of its own,
 * without text, before the first block that starts at or after it.
 */
export function toBlocks(tree: Root, src: string, pictures: readonly number[] = []): Block[] {
  const blocks: Block[] = [];
  const budget = slotBudget();
  // each block is a fresh object: its index is added to it (last, as a copy with it would have it)
  const push = (b: Omit<Block, 'index'>): void => {
    (b as Block).index = blocks.length;
    blocks.push(b as Block);
  };

  const visit = (n: RootContent, listMarker?: MappedText): void => {
    for (const conv of tableConverters) {
      const t = conv(n, src, blocks.length, budget);
      if (t) {
        const text = MappedText.concat(t.rows.map((r) => MappedText.concat(r.map((c) => c.text), ' | ')), '\n');
        push({ type: 'table', text, range: t.range, table: t });
        return;
      }
    }
    switch (n.type) {
      case 'heading': {
        const text = inlineText(n, src).trim();
        if (text.text) push({ type: 'heading', text, range: rangeOf(n), mdDepth: n.depth });
        return;
      }
      case 'paragraph': {
        const full = inlineText(n, src);
        const lines = splitLines(full);
        const images = imagesIn(n);
        lines.forEach((line, k) => {
          const marks = listMarker ? undefined : looseHeadingMarks(line.text, blocks.length === 0);
          if (marks) {
            push({ type: 'heading', text: line.slice(marks.cut).trim(), range: line.range(), mdDepth: marks.depth });
            return;
          }
          const t = k === 0 && listMarker ? MappedText.concat([listMarker, line]) : line;
          const range = t.range();
          const indent = listMarker ? 0 : indentOf(src, range.start);
          push({ type: listMarker ? 'list-item' : 'paragraph', text: t, range, ...(k === 0 && images ? { images } : {}), ...(indent ? { indent } : {}) });
        });
        // a paragraph of pictures alone: a block without text
        if (lines.length === 0 && images) push({ type: listMarker ? 'list-item' : 'paragraph', text: MappedText.empty(rangeOf(n).start), range: rangeOf(n), images });
        return;
      }
      case 'table': {
        const t = gfmTable(n, src, blocks.length);
        const text = MappedText.concat(t.rows.map((r) => MappedText.concat(r.map((c) => c.text), ' | ')), '\n');
        push({ type: 'table', text, range: t.range, table: t });
        return;
      }
      case 'textTable': {
        const tt = n as TextTable;
        const t = textTableToGrid(tt, blocks.length);
        const text = MappedText.concat(tt.lines.map((l) => MappedText.identity(l.text, l.offset)), '\n');
        push({ type: 'table', text, range: rangeOf(tt), table: t });
        return;
      }
      case 'list': {
        for (const item of n.children as ListItem[]) {
          const r = rangeOf(item);
          const first = item.children[0];
          const markerEnd = first?.position?.start.offset ?? r.start;
          const markerSrc = src.slice(r.start, markerEnd).replace(/\s+$/, '');
          // a Markdown item's marker (`-`, `1.`) is part of its text; an HTML item's start is its tag (`<li>`)
          const marker = markerSrc && !markerSrc.includes('<') ? MappedText.identity(markerSrc, r.start) : undefined;
          item.children.forEach((c, k) => visit(c as RootContent, k === 0 ? marker : undefined));
        }
        return;
      }
      case 'blockquote':
        for (const c of n.children) visit(c as RootContent);
        return;
      case 'html': {
        const r = rangeOf(n);
        push({ type: 'html', text: MappedText.identity(n.value, r.start), range: r });
        return;
      }
      case 'code': {
        const r = rangeOf(n);
        const source = src.slice(r.start, r.end);
        // indented, not fenced: a report holds no code, so this is text indented four spaces or more
        // (paragraphs indented with spaces, table rows aligned in columns as pandoc writes them):
        // a paragraph a line, as the lines of a paragraph are
        const lines = source.split('\n');
        // (inside a quote its lines hold the quote's markers: left as code)
        if (!/^ {0,3}(?:```|~~~)/.test(source) && lines.every((l, k) => k === 0 || !l.trim() || /^\s/.test(l))) {
          let at = r.start;
          for (const line of lines) {
            const lead = line.length - line.trimStart().length;
            const text = line.trim();
            const indent = indentOf(src, at + lead);
            if (text) push({ type: 'paragraph', text: MappedText.identity(text, at + lead), range: { start: at + lead, end: at + lead + text.length }, ...(indent ? { indent } : {}) });
            at += line.length + 1;
          }
          return;
        }
        push({ type: 'code', text: MappedText.identity(n.value, r.start), range: r });
        return;
      }
      default:
        return;
    }
  };
  let p = 0;
  const picturesUpTo = (at: number): void => {
    for (; p < pictures.length && pictures[p]! <= at; p++) {
      const start = pictures[p]!;
      push({ type: 'paragraph', text: MappedText.empty(start), range: { start, end: start }, images: 1 });
    }
  };
  for (const c of tree.children) {
    picturesUpTo(c.position?.start.offset ?? 0);
    visit(c);
  }
  picturesUpTo(Infinity);
  return blocks;
}
