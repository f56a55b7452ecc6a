/**
 * The browser's stand-in for src/util/lazy.ts: the same exports, the dependencies imported with the
 * bundle (the page has no `require`; the Web Worker loads them once, with the lint code).
 */
import remarkParsePlugin from 'remark-parse';
import remarkGfmPlugin from 'remark-gfm';
import rehypeParsePlugin from 'rehype-parse';
import { toMdast } from 'hast-util-to-mdast';
import { Ajv } from 'ajv';
import jschardetModule from 'jschardet';
import { once } from '../../src/util/once.js';

export { once };

export const remarkParse = once(() => remarkParsePlugin);
export const remarkGfm = once(() => remarkGfmPlugin);
export const rehypeParse = once(() => rehypeParsePlugin);
export const hastToMdast = once(() => toMdast);
export const jschardet = once(() => jschardetModule);
export const AjvClass = once(() => Ajv);
