import type { Root, RootContent } from 'mdast';
import { parseMarkdown } from './index.js';
import { shifted } from './shift.js';

/**
 * Markdown parsing for a text edited a little at a time (an editor's document): the blocks an edit
 * did not touch are taken from the previous tree, moved by the length the edit added, and only the
 * stretch between the nearest safe boundaries around the edit is parsed again. The tree is the one
 * a full parse gives (tests compare them on every kind of edit); whenever that cannot be made sure
 * — link or footnote definitions, which reach across the text, or a stretch ending in a block that
 * could run on (a list, a quote, code, HTML) — the whole text is parsed.
 *
 * A safe boundary is the start of a line that begins a top-level block, after a blank line, when
 * the block before it is one that a blank line always ends (paragraph, heading, table, rule).
 */

interface Pos {
  line: number;
  column: number;
  offset?: number;
}

/** Top-level blocks that a blank line always ends, and that nothing after a blank line continues. */
const CLOSED = new Set(['paragraph', 'heading', 'table', 'thematicBreak']);
/**
 * Definitions change how text elsewhere parses: their texts are always parsed whole. A definition
 * may sit in a list item or a quote (`- [^1]: note`) and its label may run over lines, so any `]:`
 * counts; reports hardly ever contain one.
 */
const DEFINITION = /\]:/;

interface Chunk {
  /** offset of the start of the line the chunk's first block starts on */
  start: number;
  /** offset where its last block ends */
  end: number;
  nodes: RootContent[];
}

interface State {
  text: string;
  tree: Root;
  chunks: Chunk[];
}

const offsetOf = (p: Pos | undefined): number => p?.offset ?? -1;

function lineStart(text: string, offset: number): number {
  const i = text.lastIndexOf('\n', offset - 1);
  const j = text.lastIndexOf('\r', offset - 1);
  return Math.max(i, j) + 1;
}

/** Group the top-level blocks into chunks separated by safe boundaries. */
function chunksOf(tree: Root, text: string): Chunk[] | undefined {
  const chunks: Chunk[] = [];
  let current: Chunk | undefined;
  let prev: RootContent | undefined;
  for (const node of tree.children) {
    const s = offsetOf(node.position?.start);
    const e = offsetOf(node.position?.end);
    if (s < 0 || e < 0) return undefined;
    const ls = lineStart(text, s);
    const blankBefore = prev !== undefined && /\r?\n[ \t]*\r?\n|\r[ \t]*\r/.test(text.slice(offsetOf(prev.position?.end), ls + 1));
    if (!current || !prev || !CLOSED.has(prev.type) || !blankBefore || text.slice(ls, s).trim() !== '') {
      if (!current) {
        current = { start: 0, end: e, nodes: [node] };
        chunks.push(current);
      } else {
        current.nodes.push(node);
        current.end = e;
      }
    } else {
      current = { start: ls, end: e, nodes: [node] };
      chunks.push(current);
    }
    prev = node;
  }
  return chunks;
}

function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) n++;
  }
  return n;
}

function endPosition(text: string): Pos {
  const lines = countLines(text, 0, text.length);
  const ls = lineStart(text, text.length);
  return { line: lines + 1, column: text.length - ls + 1, offset: text.length };
}

export class IncrementalMarkdown {
  private state: State | undefined;
  /** how the last parse went: for tests and measurements */
  lastWas: 'full' | 'incremental' = 'full';

  parse(text: string): Root {
    const tree = this.tryIncremental(text) ?? this.full(text);
    return tree;
  }

  private full(text: string): Root {
    const tree = parseMarkdown(text);
    this.lastWas = 'full';
    const chunks = DEFINITION.test(text) ? undefined : chunksOf(tree, text);
    this.state = chunks ? { text, tree, chunks } : undefined;
    return tree;
  }

  private tryIncremental(text: string): Root | undefined {
    const st = this.state;
    if (!st || st.chunks.length < 3) return undefined;
    if (text === st.text) return st.tree;
    if (DEFINITION.test(text)) return undefined;
    const old = st.text;
    const max = Math.min(old.length, text.length);
    let p = 0;
    while (p < max && old.charCodeAt(p) === text.charCodeAt(p)) p++;
    let s = 0;
    while (s < max - p && old.charCodeAt(old.length - 1 - s) === text.charCodeAt(text.length - 1 - s)) s++;
    const oldEnd = old.length - s;
    const delta = text.length - old.length;
    // the chunks the edit touches, and one more on each side (the edit may join or split them)
    let i = st.chunks.findIndex((c) => c.end >= p);
    if (i < 0) i = st.chunks.length - 1;
    let j = i;
    while (j + 1 < st.chunks.length && st.chunks[j + 1]!.start <= oldEnd) j++;
    i = Math.max(0, i - 1);
    j = Math.min(st.chunks.length - 1, j + 1);
    const first = st.chunks[i]!;
    const last = st.chunks[j]!;
    // the text after the last chunk reparsed must be untouched
    if (last.end < oldEnd) return undefined;
    const sliceStart = first.start;
    // the last chunk is parsed to the end of the text: a block opened there (a fence) runs on to it
    const sliceEnd = j + 1 < st.chunks.length ? last.end + delta : text.length;
    if (sliceEnd < sliceStart) return undefined;
    const slice = text.slice(sliceStart, sliceEnd);
    const part = parseMarkdown(slice);
    const lastNode = part.children[part.children.length - 1];
    // the reparsed stretch must end in a block that a blank line closes, followed by one
    if (j + 1 < st.chunks.length && (!lastNode || !CLOSED.has(lastNode.type))) return undefined;
    if (i > 0 && part.children[0] && text.slice(sliceStart, offsetOf(part.children[0].position?.start) + sliceStart).trim() !== '') return undefined;
    const lineBefore = countLines(text, 0, sliceStart);
    const reparsed = part.children.map((n) => shifted(n, sliceStart, lineBefore));
    const before = st.chunks.slice(0, i);
    const dLine = countLines(text, sliceStart, sliceEnd) - countLines(old, sliceStart, last.end);
    const after = st.chunks.slice(j + 1).map((c) => ({ start: c.start + delta, end: c.end + delta, nodes: c.nodes.map((n) => shifted(n, delta, dLine)) }));
    const children = [...before.flatMap((c) => c.nodes), ...reparsed, ...after.flatMap((c) => c.nodes)];
    const tree: Root = { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: endPosition(text) } };
    // the new chunks: those kept, and the reparsed stretch split again
    const mid = chunksOf({ type: 'root', children: reparsed }, text);
    if (!mid) return undefined;
    if (mid.length && i > 0) mid[0]!.start = Math.max(mid[0]!.start, sliceStart);
    if (mid.length && i === 0) mid[0]!.start = 0;
    // a stretch that joined what came after it: the boundary after it must still be safe
    if (after.length && !/\r?\n[ \t]*\r?\n|\r[ \t]*\r/.test(text.slice(sliceEnd, after[0]!.start + 1))) return undefined;
    this.state = { text, tree, chunks: [...before, ...mid, ...after] };
    this.lastWas = 'incremental';
    return tree;
  }
}
