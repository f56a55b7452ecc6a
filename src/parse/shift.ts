import type { RootContent } from 'mdast';

interface Pt {
  line: number;
  column: number;
  offset?: number;
}

interface Shiftable {
  position?: { start: Pt; end: Pt };
  children?: Shiftable[];
  /** a textTable's lines (./plaintext.ts) */
  lines?: { text: string; offset: number }[];
}

/** A copy of a node and its descendants with every point moved by `point` and every textTable line's offset by `offset`. */
function moved<T extends RootContent | Shiftable>(node: T, point: (p: Pt) => Pt, offset: (o: number) => number): T {
  const n = node as Shiftable;
  const copy: Shiftable = { ...n };
  if (n.position) copy.position = { start: point(n.position.start), end: point(n.position.end) };
  if (n.children) copy.children = n.children.map((c) => moved(c, point, offset));
  if (n.lines) copy.lines = n.lines.map((l) => ({ text: l.text, offset: offset(l.offset) }));
  return copy as T;
}

/**
 * A copy of a node parsed from a slice of a text, placed where the slice stands in the text: every
 * position moved by `dOffset` characters and `dLine` lines (columns stay: slices start a line).
 */
export function shifted<T extends RootContent | Shiftable>(node: T, dOffset: number, dLine: number): T {
  return moved(
    node,
    (p) => ({ line: p.line + dLine, column: p.column, ...(p.offset !== undefined ? { offset: p.offset + dOffset } : {}) }),
    (o) => o + dOffset,
  );
}

/**
 * A copy of a node parsed from a text that is not the source itself (the decoded text of an HTML
 * element), placed in the source: every offset `o` becomes `at(o)` (lines and columns stay those of
 * the text; readers give positions from offsets).
 */
export function remapped<T extends RootContent | Shiftable>(node: T, at: (offset: number) => number): T {
  return moved(node, (p) => (p.offset !== undefined ? { ...p, offset: at(p.offset) } : p), at);
}
