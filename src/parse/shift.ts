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

/**
 * A copy of a node parsed from a slice of a text, placed where the slice stands in the text: every
 * position moved by `dOffset` characters and `dLine` lines (columns stay: slices start a line).
 */
export function shifted<T extends RootContent | Shiftable>(node: T, dOffset: number, dLine: number): T {
  const n = node as Shiftable;
  const move = (p: Pt): Pt => ({ line: p.line + dLine, column: p.column, ...(p.offset !== undefined ? { offset: p.offset + dOffset } : {}) });
  const copy: Shiftable = { ...n };
  if (n.position) copy.position = { start: move(n.position.start), end: move(n.position.end) };
  if (n.children) copy.children = n.children.map((c) => shifted(c, dOffset, dLine));
  if (n.lines) copy.lines = n.lines.map((l) => ({ text: l.text, offset: l.offset + dOffset }));
  return copy as T;
}

/**
 * A copy of a node parsed from a text that is not the source itself (the decoded text of an HTML
 * element), placed in the source: every offset `o` becomes `at(o)` (lines and columns stay those of
 * the text; readers give positions from offsets).
 */
export function remapped<T extends RootContent | Shiftable>(node: T, at: (offset: number) => number): T {
  const n = node as Shiftable;
  const move = (p: Pt): Pt => (p.offset !== undefined ? { ...p, offset: at(p.offset) } : p);
  const copy: Shiftable = { ...n };
  if (n.position) copy.position = { start: move(n.position.start), end: move(n.position.end) };
  if (n.children) copy.children = n.children.map((c) => remapped(c, at));
  if (n.lines) copy.lines = n.lines.map((l) => ({ text: l.text, offset: at(l.offset) }));
  return copy as T;
}
