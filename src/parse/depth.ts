/**
 * How deep a Markdown text nests its list items and quotes, told from each line's markers and
 * indentation before the parser runs. micromark's time grows with the cube of that depth (a list
 * 400 items deep takes 3 s, 2,000 deep many minutes, on 12 KB of text), and no report nests
 * more than a handful of levels: a text deeper than `MAX_MARKDOWN_NESTING` is refused as nested
 * too deeply, as one whose structure overflows the stack is.
 */

/** Deepest nesting of lists and quotes a Markdown text may have. */
export const MAX_MARKDOWN_NESTING = 64;

/** A text nested deeper than the parser can take in reasonable time. */
export class TooDeepError extends Error {
  override name = 'TooDeepError';
  constructor(readonly depth: number) {
    super(`lists and quotes nested ${depth} levels deep`);
  }
}

const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/;

/**
 * The deepest nesting of list items and quotes the lines suggest (stopping once past `limit`).
 * A list item is nested in the one above while its marker is indented to that item's content; a
 * quote marker (`>`) adds a level. Lists nested as people write them are counted as the parser
 * nests them (`test/parse-depth.test.ts`); lazy continuation lines, code blocks and a list that
 * may not interrupt a paragraph are not told apart, which can put the count a level or so off.
 */
export function markdownNesting(text: string, limit = Infinity): number {
  const items: number[] = [];
  let deepest = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    let end = text.indexOf('\n', i);
    if (end < 0) end = n;
    let k = i;
    let quotes = 0;
    // the column reached (a tab goes on to the next multiple of 4), and where the innermost
    // quote's content starts: after its `>` and the one space that belongs to the marker
    let col = 0;
    let base = 0;
    let marker = false;
    for (; k < end; k++) {
      const c = text.charCodeAt(k);
      if (c === 0x3e /* > */) {
        quotes++;
        base = ++col;
        marker = true;
        continue;
      }
      if (c === 0x20) col++;
      else if (c === 0x09) col += 4 - (col % 4);
      else break;
      if (marker) base++;
      marker = false;
    }
    const indent = col - base;
    if (k < end && text.charCodeAt(k) !== 0x0d) {
      const item = LIST_MARKER.exec(text.slice(k, Math.min(end, k + 11)));
      while (items.length > 0 && items[items.length - 1]! > indent) items.pop();
      if (item) items.push(indent + item[0].length + 1);
      const depth = items.length + quotes;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    }
    i = end + 1;
  }
  return deepest;
}

/** Throw TooDeepError when the text nests deeper than MAX_MARKDOWN_NESTING. */
export function assertParseable(text: string): void {
  const depth = markdownNesting(text, MAX_MARKDOWN_NESTING);
  if (depth > MAX_MARKDOWN_NESTING) throw new TooDeepError(depth);
}
