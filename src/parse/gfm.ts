import type { Processor } from 'unified';
import { gfmParts } from '../util/lazy.js';

/**
 * GitHub Flavored Markdown as remark-gfm reads it, for a text without `@`.
 *
 * remark-gfm's literal autolinks try an e-mail address at every letter and digit of the text, and a
 * report has digits everywhere (2021年, 24件, every cell of its tables): that costs a quarter of the
 * parse. An e-mail address needs an `@`, so in a text without one those tries all fail and leave
 * nothing behind; this plugin is remark-gfm without them, and gives the same tree. A text with an `@`
 * is parsed by remark-gfm itself (src/parse/index.ts); `test/parse-gfm.test.ts` compares the trees.
 */
export function gfmWithoutEmailLiterals(this: Processor): void {
  const parts = gfmParts();
  const literals = parts.autolinkLiteral();
  const text: NonNullable<typeof literals.text> = {};
  for (const [code, constructs] of Object.entries(literals.text ?? {})) {
    const kept = (Array.isArray(constructs) ? constructs : [constructs]).filter((c) => c !== undefined && c.name !== 'emailAutolink');
    if (kept.length) text[Number(code)] = kept as NonNullable<(typeof text)[number]>;
  }
  const data = this.data();
  // the same extensions in the same order as remark-gfm (micromark-extension-gfm's gfm())
  (data.micromarkExtensions ??= []).push({ ...literals, text }, parts.footnote(), parts.strikethrough(), parts.table(), parts.taskListItem());
  (data.fromMarkdownExtensions ??= []).push(parts.fromMarkdown());
}
