import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { once } from './once.js';
import { packageRoot } from './paths.js';

/**
 * Heavy dependencies are loaded the first time a file needs them, not at start-up: a run over
 * plain text never loads the Markdown or HTML parser, the Word converter, the encoding detector or
 * the schema validator.
 * (`require` of an ES module is supported from Node 20.19, the oldest version ogi-lint runs on.)
 */
const load = createRequire(import.meta.url);

export { once };

/** The Markdown parser's packages, by the names scripts/bundle-markdown.mjs exports them under. */
interface MarkdownPackages {
  remarkParse: typeof import('remark-parse').default;
  remarkGfm: typeof import('remark-gfm').default;
  gfmAutolinkLiteral: typeof import('micromark-extension-gfm-autolink-literal').gfmAutolinkLiteral;
  gfmFootnote: typeof import('micromark-extension-gfm-footnote').gfmFootnote;
  gfmStrikethrough: typeof import('micromark-extension-gfm-strikethrough').gfmStrikethrough;
  gfmTable: typeof import('micromark-extension-gfm-table').gfmTable;
  gfmTaskListItem: typeof import('micromark-extension-gfm-task-list-item').gfmTaskListItem;
  gfmFromMarkdown: typeof import('mdast-util-gfm').gfmFromMarkdown;
  combineExtensions: typeof import('micromark-util-combine-extensions').combineExtensions;
}

/**
 * The Markdown parser's packages (Markdown files only: plain text, Word, PDF and HTML never load
 * them): from `dist/markdown.cjs`, the one script esbuild joined them into at build time
 * (scripts/bundle-markdown.mjs), which loads in a few milliseconds where their 180 modules one by one
 * take 80–100; from node_modules where it is not built.
 */
const markdownPackages = once((): MarkdownPackages => {
  const joined = path.join(packageRoot(), 'dist', 'markdown.cjs');
  if (existsSync(joined)) return load(joined) as MarkdownPackages;
  return {
    remarkParse: (load('remark-parse') as typeof import('remark-parse')).default,
    remarkGfm: (load('remark-gfm') as typeof import('remark-gfm')).default,
    gfmAutolinkLiteral: (load('micromark-extension-gfm-autolink-literal') as typeof import('micromark-extension-gfm-autolink-literal')).gfmAutolinkLiteral,
    gfmFootnote: (load('micromark-extension-gfm-footnote') as typeof import('micromark-extension-gfm-footnote')).gfmFootnote,
    gfmStrikethrough: (load('micromark-extension-gfm-strikethrough') as typeof import('micromark-extension-gfm-strikethrough')).gfmStrikethrough,
    gfmTable: (load('micromark-extension-gfm-table') as typeof import('micromark-extension-gfm-table')).gfmTable,
    gfmTaskListItem: (load('micromark-extension-gfm-task-list-item') as typeof import('micromark-extension-gfm-task-list-item')).gfmTaskListItem,
    gfmFromMarkdown: (load('mdast-util-gfm') as typeof import('mdast-util-gfm')).gfmFromMarkdown,
    combineExtensions: (load('micromark-util-combine-extensions') as typeof import('micromark-util-combine-extensions')).combineExtensions,
  };
});

/** remark-parse's plugin. */
export const remarkParse = once(() => markdownPackages().remarkParse);

/** remark-gfm's plugin. */
export const remarkGfm = once(() => markdownPackages().remarkGfm);

/** GFM's micromark extensions one by one, and mdast-util-gfm's (src/parse/gfm.ts). */
export const gfmParts = once(() => {
  const m = markdownPackages();
  return {
    autolinkLiteral: m.gfmAutolinkLiteral,
    footnote: m.gfmFootnote,
    strikethrough: m.gfmStrikethrough,
    table: m.gfmTable,
    taskListItem: m.gfmTaskListItem,
    fromMarkdown: m.gfmFromMarkdown,
  };
});

/** micromark's combination of syntax extensions into one. */
export const combineExtensions = once(() => markdownPackages().combineExtensions);

/** rehype-parse's plugin. */
export const rehypeParse = once(() => (load('rehype-parse') as typeof import('rehype-parse')).default);

/** hast-util-to-mdast's converter. */
export const hastToMdast = once(() => (load('hast-util-to-mdast') as typeof import('hast-util-to-mdast')).toMdast);

/** hast-util-to-mdast's own handlers (for an element whose handler of ours passes it on). */
export const hastDefaultHandlers = once(() => (load('hast-util-to-mdast') as typeof import('hast-util-to-mdast')).defaultHandlers);

/** jschardet's encoding detector (asked only about a file that is neither UTF-8 nor clean GB18030). */
export const jschardet = once(() => load('jschardet') as typeof import('jschardet'));

/** string-width's display width of a text (see ./width.ts: the PDF reader pads table rows to their columns with it). */
export const stringWidth = once(() => (load('string-width') as typeof import('string-width')).default);

/** hast-util-to-text's text of an HTML element (tables of HTML reports). */
export const hastToText = once(() => (load('hast-util-to-text') as typeof import('hast-util-to-text')).toText);

/** csv-parse's synchronous parser (an audit's manifest). */
export const parseCsv = once(() => (load('csv-parse/sync') as typeof import('csv-parse/sync')).parse);

/** picomatch (the globs of a configuration's `overrides`). */
export const picomatch = once(() => load('picomatch') as typeof import('picomatch'));

/** ignore's matcher of gitignore patterns (`ignorePatterns`, .ogilintignore). */
export const ignore = once(() => {
  // a CommonJS module whose function is also its own .default
  const m = load('ignore') as { default?: () => import('ignore').Ignore } & (() => import('ignore').Ignore);
  return m.default ?? m;
});

/** iconv-lite (texts in an encoding other than UTF-8: GB18030, UTF-16). */
export const iconv = once(() => load('iconv-lite') as typeof import('iconv-lite'));

/** ajv's class. */
export const AjvClass = once(() => (load('ajv') as typeof import('ajv')).Ajv);
