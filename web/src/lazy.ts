/**
 * The browser's stand-in for src/util/lazy.ts: the same exports, the dependencies imported with the
 * bundle (the page has no `require`; the Web Worker loads them once, with the lint code).
 */
import remarkParsePlugin from 'remark-parse';
import rehypeParsePlugin from 'rehype-parse';
import remarkGfmPlugin from 'remark-gfm';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { combineExtensions as combineMicromarkExtensions } from 'micromark-util-combine-extensions';
import { defaultHandlers, toMdast } from 'hast-util-to-mdast';
import jschardetModule from 'jschardet';
import stringWidthFunction from 'string-width';
import { toText } from 'hast-util-to-text';
import { parse as parseCsvSync } from 'csv-parse/sync';
import picomatchFunction from 'picomatch';
import ignoreModule, { type Ignore } from 'ignore';
import iconvLite from 'iconv-lite';
import { once } from '../../src/util/once.js';

export { once };

export const remarkParse = once(() => remarkParsePlugin);
export const remarkGfm = once(() => remarkGfmPlugin);
export const gfmParts = once(() => ({ autolinkLiteral: gfmAutolinkLiteral, footnote: gfmFootnote, strikethrough: gfmStrikethrough, table: gfmTable, taskListItem: gfmTaskListItem, fromMarkdown: gfmFromMarkdown }));
export const combineExtensions = once(() => combineMicromarkExtensions);
export const rehypeParse = once(() => rehypeParsePlugin);
export const hastToMdast = once(() => toMdast);
export const hastDefaultHandlers = once(() => defaultHandlers);
export const jschardet = once(() => jschardetModule);
export const stringWidth = once(() => stringWidthFunction);
export const hastToText = once(() => toText);
export const parseCsv = once(() => parseCsvSync);
export const picomatch = once(() => picomatchFunction);
// a CommonJS module whose function is also its own .default: typed one way under Node's module
// resolution and the other under the bundler's, so either is taken
export const ignore = once(() => ((ignoreModule as unknown as { default?: () => Ignore }).default ?? ignoreModule) as unknown as () => Ignore);
export const iconv = once(() => iconvLite);
/**
 * Every schema the page meets is compiled when ogi-lint is built (src/config/generated/); ajv would
 * only be needed for the options of a rule of one's own, which the page does not load. Not bundled,
 * so that the page's content security policy can refuse `eval`.
 */
export const AjvClass = once((): never => {
  throw new Error('JSON schemas compiled at run time are not available in the browser');
});
