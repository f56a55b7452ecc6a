import type { Processor } from 'unified';
import { gfmParts, combineExtensions } from '../util/lazy.js';

/** A micromark syntax extension. */
type Extension = ReturnType<ReturnType<typeof gfmParts>['table']>;

/**
 * GitHub Flavored Markdown as remark-gfm reads it, with only the constructs a text can hold.
 *
 * Each GFM construct needs some characters to be there at all, and micromark tries it wherever it
 * could start: the table at the start of every line (reading the whole line as a head row), the
 * e-mail literal at every letter and digit (a report has digits everywhere: 2021年, 24件, every cell
 * of its tables). In a text without what a construct needs every such try fails and leaves nothing
 * behind, so it is left out, and the tree is the same:
 * - an e-mail literal needs an `@`;
 * - a web literal needs `www.` or `http://`/`https://` (in any case);
 * - a footnote (its call or its definition) needs `[^`;
 * - strikethrough needs a `~`;
 * - a table needs a delimiter row: a line of `|`, `:`, `-` and white space with a `-`, after the
 *   markers of the quotes and list items it is in (`delimiterRowPossible`);
 * - a task list item's check needs `[`, one space, tab, line ending or `x`/`X`, and `]`.
 * A text with an `@` (or a character reference, which may stand for one) is parsed by remark-gfm
 * itself, and one that can hold no GFM construct by remark-parse alone (src/parse/index.ts): the
 * e-mail and web literals are also looked for by a transform of the whole tree after the parse,
 * which needs an `@`, `www.` or `http` too, and is left out with the literals. The extensions kept
 * are combined once, into one, as remark-gfm combines its own.
 * `test/parse-gfm.test.ts` compares the trees.
 */

export const GFM_EMAIL = 1;
export const GFM_WEB = 2;
export const GFM_FOOTNOTE = 4;
export const GFM_STRIKE = 8;
export const GFM_TABLE = 16;
export const GFM_TASK = 32;

/** Characters of a delimiter row, and of the quote and list markers and indentation before it. */
const DELIMITER_ROW_CHARS = /^[ \t|:\->*+0-9.)]*$/;

/**
 * Whether some line of `text` could be a GFM table's delimiter row (a necessary test, not a
 * sufficient one): all its characters are those of a delimiter row or of the container markers
 * before one, and its last run of delimiter-row characters (`|`, `:`, `-`, space, tab) holds a `-`.
 */
export function delimiterRowPossible(text: string): boolean {
  let at = text.indexOf('-');
  while (at >= 0) {
    // the line the `-` is on
    let from = at;
    while (from > 0 && text.charCodeAt(from - 1) !== 10 && text.charCodeAt(from - 1) !== 13) from--;
    let to = at;
    while (to < text.length && text.charCodeAt(to) !== 10 && text.charCodeAt(to) !== 13) to++;
    const line = text.slice(from, to);
    if (DELIMITER_ROW_CHARS.test(line)) {
      let k = line.length;
      let dash = false;
      for (; k > 0; k--) {
        const c = line.charCodeAt(k - 1);
        if (c === 45) dash = true;
        else if (c !== 124 && c !== 58 && c !== 32 && c !== 9) break;
      }
      if (dash) return true;
    }
    at = text.indexOf('-', to);
  }
  return false;
}

/** A character reference (`&#64;`, `&#x77;`, `&commat;`). */
const CHARACTER_REFERENCE = /&(?:#[0-9xX]|[A-Za-z][A-Za-z0-9]{1,31};)/;

/** The GFM constructs `text` may hold (GFM_* flags). */
export function gfmNeeds(text: string): number {
  let needs = 0;
  // (a character reference may stand for any of the characters looked for below: `&#64;` is an @)
  if (text.includes('@') || CHARACTER_REFERENCE.test(text)) needs |= GFM_EMAIL;
  if (/www\.|https?:\/\//i.test(text)) needs |= GFM_WEB;
  if (text.includes('[^')) needs |= GFM_FOOTNOTE;
  if (text.includes('~')) needs |= GFM_STRIKE;
  if (delimiterRowPossible(text)) needs |= GFM_TABLE;
  if (/\[(?:[ \t\nxX]|\r\n?)\]/.test(text)) needs |= GFM_TASK;
  return needs;
}

/** remark-gfm with only the constructs of `needs` (GFM_* flags; nothing at all for none). */
export function gfmSubset(needs: number): (this: Processor) => void {
  return function gfmSubsetPlugin(this: Processor): void {
    // a text that can hold none: CommonMark alone gives remark-gfm's tree
    if (needs === 0) return;
    const parts = gfmParts();
    const extensions: Extension[] = [];
    // the same extensions in the same order as remark-gfm (micromark-extension-gfm's gfm())
    if (needs & (GFM_EMAIL | GFM_WEB)) {
      const literals = parts.autolinkLiteral();
      if (needs & GFM_EMAIL) extensions.push(literals);
      else {
        const text: NonNullable<typeof literals.text> = {};
        for (const [code, constructs] of Object.entries(literals.text ?? {})) {
          const kept = (Array.isArray(constructs) ? constructs : [constructs]).filter((c) => c !== undefined && c.name !== 'emailAutolink');
          if (kept.length) text[Number(code)] = kept as NonNullable<(typeof text)[number]>;
        }
        extensions.push({ ...literals, text });
      }
    }
    if (needs & GFM_FOOTNOTE) extensions.push(parts.footnote());
    if (needs & GFM_STRIKE) extensions.push(parts.strikethrough());
    if (needs & GFM_TABLE) extensions.push(parts.table());
    if (needs & GFM_TASK) extensions.push(parts.taskListItem());
    const data = this.data();
    (data.micromarkExtensions ??= []).push(combineExtensions()(extensions));
    // the literals' transform walks the whole tree to find them in its text: not when there can be none
    const fromMarkdown = parts.fromMarkdown();
    (data.fromMarkdownExtensions ??= []).push(needs & (GFM_EMAIL | GFM_WEB) ? fromMarkdown : fromMarkdown.map((e) => (e.transforms ? { ...e, transforms: [] } : e)));
  };
}
